import { CallbackScreen } from '@/features/auth/components/callback-screen';

export function AuthCallbackRoute() {
  return <CallbackScreen />;
}
