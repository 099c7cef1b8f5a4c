import { PrivacyPolicy, preloadPrivacyPolicy } from '@/features/legal/components/privacy-policy';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n';

export { preloadPrivacyPolicy as preload };

export function PrivacyRoute() {
  const t = useT();
  useDocumentTitle(t('shell.privacyLink'));
  return <PrivacyPolicy />;
}
