import { CallbackStatus } from '@/features/auth/components/callback-status';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function AuthCallbackRoute() {
  useDocumentTitle('Connecting to TikTok');
  return <CallbackStatus />;
}
