import { TermsOfService, preloadTermsOfService } from '@/features/legal/components/terms-of-service';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n';

export { preloadTermsOfService as preload };

export function TermsRoute() {
  const t = useT();
  useDocumentTitle(t('shell.termsLink'));
  return <TermsOfService />;
}
