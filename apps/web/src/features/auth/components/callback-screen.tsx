import type { MessageId } from '@lingui/core';
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ButtonLink } from '@/components/ui/button-link';
import { Card } from '@/components/ui/card';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { RichText, t, useT } from '@/lib/i18n';
import { useAccounts } from '../session-store';
import { completeSignIn, type CallbackOutcome, type CallbackProblem } from '../complete-sign-in';
import { ConnectButton } from './connect-button';
import './callback-screen.css';

/** Each problem's eyebrow, title and text in the catalog: `callback.<name>.eyebrow` and so on. */
const explanations: Record<CallbackProblem, ExplanationName> = {
  'state-missing': 'stateMissing',
  'state-mismatch': 'stateMismatch',
  cancelled: 'cancelled',
  'not-test-user': 'notTestUser',
  'app-misconfigured': 'misconfigured',
  'tiktok-error': 'tiktokError',
  'no-code': 'noCode',
  'code-rejected': 'codeRejected',
  'storage-blocked': 'storageBlocked',
  'server-unavailable': 'serverUnavailable',
  unexpected: 'unexpected',
};

type NameIn<Key> = Key extends `callback.${infer Name}.eyebrow` ? Name : never;
type ExplanationName = NameIn<MessageId>;

function explain(name: ExplanationName): { eyebrow: string; title: string; text: string } {
  return {
    eyebrow: t(`callback.${name}.eyebrow`),
    title: t(`callback.${name}.title`),
    text: t(`callback.${name}.text`),
  };
}

/** Where TikTok's redirect lands: checks the sign-in, then goes to the studio or explains why not. */
export function CallbackScreen() {
  useT();
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
  const explanation = refusal ? explain(explanations[refusal.problem]) : null;
  useDocumentTitle(explanation?.title ?? t('callback.connecting'));

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
      <h1 className="callback-screen__title">{explanation?.title ?? t('callback.connecting')}</h1>
      {/* <output> is a status live region (implicit role="status"): the outcome is announced. */}
      <output className="callback-screen__message">{explanation?.text ?? t('callback.connectingText')}</output>
      {refusal?.tiktokError ? (
        <p className="callback-screen__detail">
          <RichText id="callback.tiktokReason" values={{ code: refusal.tiktokError }} components={{ 0: <code /> }} />
        </p>
      ) : null}
      {explanation ? (
        <div className="callback-screen__actions">
          <ConnectButton size="md">{t('callback.tryAgain')}</ConnectButton>
          {connected ? (
            <ButtonLink to={paths.studio.getHref()} variant="secondary">
              {t('accounts.backToStudio')}
            </ButtonLink>
          ) : null}
          <ButtonLink to={paths.home.getHref()} variant="secondary">
            {t('callback.home')}
          </ButtonLink>
        </div>
      ) : null}
    </Card>
  );
}
