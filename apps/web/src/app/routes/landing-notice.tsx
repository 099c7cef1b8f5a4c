import { SignedOutNotice } from '@/features/auth/components/signed-out-notice';
import type { SignedOutReason } from '@/features/auth/signed-out-state';
import { TikTokDisconnectSteps } from '@/features/legal/components/tiktok-disconnect-steps';

/** The auth feature's explanation, with the legal feature's Manage-apps steps in it. */
export function LandingNotice({ reason }: { reason: SignedOutReason }) {
  return <SignedOutNotice reason={reason} manageAppsSteps={<TikTokDisconnectSteps />} />;
}
