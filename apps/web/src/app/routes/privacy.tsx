import { PrivacyPolicy } from '@/features/legal/components/privacy-policy';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function PrivacyRoute() {
  useDocumentTitle('Privacy Policy');
  return <PrivacyPolicy />;
}
