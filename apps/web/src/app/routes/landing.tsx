import { Suspense, lazy } from 'react';
import { useLocation } from 'react-router';
import { ConnectButton } from '@/features/auth/components/connect-button';
import { readSignedOutReason } from '@/features/auth/signed-out-state';
import { HowItWorks } from '@/features/landing/components/how-it-works';
import { LandingHero } from '@/features/landing/components/landing-hero';
import { useDocumentTitle } from '@/hooks/use-document-title';

// Only someone who was just signed out sees it, so first-time visitors do not download it.
const LandingNotice = lazy(async () => ({ default: (await import('./landing-notice')).LandingNotice }));

export function LandingRoute() {
  useDocumentTitle(null);
  const signedOut = readSignedOutReason(useLocation().state);
  return (
    <>
      {signedOut ? (
        <Suspense fallback={null}>
          <LandingNotice reason={signedOut} />
        </Suspense>
      ) : null}
      <LandingHero action={<ConnectButton />} />
      <HowItWorks />
    </>
  );
}
