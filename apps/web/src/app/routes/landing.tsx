import { ConnectButton } from '@/features/auth/components/connect-button';
import { HowItWorks } from '@/features/landing/components/how-it-works';
import { LandingHero } from '@/features/landing/components/landing-hero';
import { useDocumentTitle } from '@/hooks/use-document-title';

export function LandingRoute() {
  useDocumentTitle(null);
  return (
    <>
      <LandingHero action={<ConnectButton />} />
      <HowItWorks />
    </>
  );
}
