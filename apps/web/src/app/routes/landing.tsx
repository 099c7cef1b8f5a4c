import { Suspense, lazy } from 'react';
import { useLocation } from 'react-router';
import { ConnectButton } from '@/features/auth/components/connect-button';
import { readSignedOutReason } from '@/features/auth/signed-out-state';
import { HowItWorks } from '@/features/landing/components/how-it-works';
import { LandingHero } from '@/features/landing/components/landing-hero';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { loadCatalogPart } from '@/lib/i18n';

// Only someone who was just signed out sees it, so first-time visitors download neither its code
// nor its texts (the catalog's `app` part).
const LandingNotice = lazy(async () => {
  const [{ LandingNotice: notice }] = await Promise.all([import('./landing-notice'), loadCatalogPart('app')]);
  return { default: notice };
});

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
