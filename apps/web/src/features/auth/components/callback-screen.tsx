import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ButtonLink } from '@/components/ui/button-link';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { useT } from '@/lib/i18n';
import { useAccounts } from '../session-store';
import { completeSignIn, type CallbackOutcome, type CallbackProblem } from '../complete-sign-in';
import { ConnectButton } from './connect-button';
import './callback-screen.css';

type Explanation = { eyebrow: string; title: string; text: string };

const CONFIRM_FAILED = "We couldn't confirm this sign-in";

const explanations: Record<CallbackProblem, Explanation> = {
  'state-missing': {
    eyebrow: 'Sign-in not started here',
    title: CONFIRM_FAILED,
    text: 'This page only finishes a TikTok sign-in that was started with Connect TikTok in this tab, and each one only once. It may have been used already. Nothing was sent to TikTok; please connect again.',
  },
  'state-mismatch': {
    eyebrow: 'Sign-in refused',
    title: CONFIRM_FAILED,
    text: "TikTok's answer does not match the sign-in this tab started, so it was not used. This protects you from being signed in to someone else's account. Nothing was sent to TikTok; please connect again.",
  },
  cancelled: {
    eyebrow: 'Nothing connected',
    title: 'You cancelled the connection',
    text: "You cancelled on TikTok's page, so no account was connected and nothing was shared with Content Studio Pro. You can connect whenever you are ready.",
  },
  'not-test-user': {
    eyebrow: 'Account not allowed yet',
    title: "This TikTok account isn't a test user of this app",
    text: "Content Studio Pro is still in TikTok's sandbox, where only accounts added as test users can connect. Try again with a test account, or ask us to add yours.",
  },
  'app-misconfigured': {
    eyebrow: 'Problem on our side',
    title: "Content Studio Pro isn't set up correctly with TikTok",
    text: "TikTok did not accept this app's settings (its client key or return address). Nothing is wrong with your account. Please try again later, or contact us if it keeps happening.",
  },
  'tiktok-error': {
    eyebrow: 'Not connected',
    title: "TikTok couldn't complete the connection",
    text: 'TikTok sent you back without signing you in. Please try again.',
  },
  'no-code': {
    eyebrow: 'Not connected',
    title: "TikTok didn't finish the sign-in",
    text: 'TikTok sent you back without the details needed to sign you in. Please try again.',
  },
  'code-rejected': {
    eyebrow: 'Sign-in expired',
    title: 'This sign-in could not be used',
    text: "TikTok's sign-in is valid for a few minutes and only once, and this one had expired or was already used. Please connect again.",
  },
  'storage-blocked': {
    eyebrow: 'Browser storage blocked',
    title: 'Your browser blocked the sign-in',
    text: "Content Studio Pro keeps your sign-in in this tab's session storage, and the browser refused to store it. Allow site data for this site (some private windows block it), then try again.",
  },
  'server-unavailable': {
    eyebrow: 'Server not reachable',
    title: "We couldn't finish connecting",
    text: "Content Studio Pro's server did not answer while finishing your sign-in. Check your connection and try again.",
  },
  unexpected: {
    eyebrow: 'Not connected',
    title: 'Something went wrong while connecting',
    text: 'Your TikTok sign-in could not be completed. Please try again.',
  },
};

/** Where TikTok's redirect lands: checks the sign-in, then goes to the studio or explains why not. */
export function CallbackScreen() {
  const t = useT();
  // Adding another account can fail too; the accounts already connected are still there.
  const connected = useAccounts().length > 0;
  const location = useLocation();
  const navigate = useNavigate();
  // Read once: the URL is cleaned right away, and the outcome must not depend on the cleaned one.
  const [search] = useState(() => location.search);
  const [outcome, setOutcome] = useState<CallbackOutcome | null>(null);

  useEffect(() => {
    let current = true;
    // The code and state leave the address bar and the history entry at once, whatever happens.
    if (search) navigate(paths.authCallback.getHref(), { replace: true });
    void completeSignIn(search).then((result) => {
      if (!current) return;
      if (result.kind === 'signed-in') navigate(paths.studio.getHref(), { replace: true });
      else setOutcome(result);
    });
    return () => {
      current = false;
    };
  }, [search, navigate]);

  const refusal = outcome?.kind === 'refused' ? outcome : null;
  const explanation = refusal ? explanations[refusal.problem] : null;
  useDocumentTitle(explanation?.title ?? 'Connecting to TikTok');

  return (
    <Card className="callback-screen" data-state={explanation ? 'refused' : 'connecting'}>
      {explanation ? (
        <span className="callback-screen__badge" aria-hidden="true">
          !
        </span>
      ) : (
        <Spinner size="lg" />
      )}
      {explanation ? <p className="callback-screen__eyebrow">{explanation.eyebrow}</p> : null}
      <h1 className="callback-screen__title">{explanation?.title ?? 'Connecting to TikTok'}</h1>
      {/* <output> is a status live region (implicit role="status"): the outcome is announced. */}
      <output className="callback-screen__message">
        {explanation?.text ?? 'Connecting… finishing your sign-in with TikTok.'}
      </output>
      {refusal?.tiktokError ? (
        <p className="callback-screen__detail">
          TikTok's reason: <code>{refusal.tiktokError}</code>
        </p>
      ) : null}
      {explanation ? (
        <div className="callback-screen__actions">
          <ConnectButton size="md">Try again</ConnectButton>
          {connected ? (
            <ButtonLink to={paths.studio.getHref()} variant="secondary">
              {t('accounts.backToStudio')}
            </ButtonLink>
          ) : null}
          <ButtonLink to={paths.home.getHref()} variant="secondary">
            Home
          </ButtonLink>
        </div>
      ) : null}
    </Card>
  );
}
