import { TermsOfService } from '@/features/legal/components/terms-of-service';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function TermsRoute() {
  useDocumentTitle('Terms of Service');
  return <TermsOfService />;
}
