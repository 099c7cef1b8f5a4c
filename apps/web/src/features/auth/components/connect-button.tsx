import { useId, useState, type ReactNode } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from '@/components/ui/button';
import { isApiError } from '@/lib/api-error';
import { creatorMessage } from '@/lib/api-error-text';
import { loadCatalogPart, useT } from '@/lib/i18n';
import './connect-button.css';

export type ConnectButtonProps = {
  children?: ReactNode;
  variant?: ButtonVariant;
  size?: ButtonSize;
};

/**
 * Starts TikTok's sign-in: asks the proxy for TikTok's settings, remembers a fresh `state` for this
 * tab and sends the browser to TikTok's consent page.
 */
export function ConnectButton({ children, variant = 'primary', size = 'lg' }: ConnectButtonProps) {
  const t = useT();
  const errorId = useId();
  // Plain state rather than a react-query mutation: react-query is not part of the landing page's
  // first download (issue 7), and one button's pending/failed state does not need it.
  const [start, setStart] = useState<StartState>({ status: 'idle' });
  // After success the browser is on its way to TikTok; a second click would only make a new state.
  const leaving = start.status === 'pending' || start.status === 'leaving';

  async function connect() {
    setStart({ status: 'pending' });
    try {
      // Loaded on first use: building the URL needs the api client, the contract and zod, which
      // the landing page otherwise does not, so a first visit downloads less. Their messages are in
      // the catalog's `app` part, which comes along.
      const [{ startSignIn }] = await Promise.all([import('../api/start-sign-in'), loadCatalogPart('app')]);
      const authorizeUrl = await startSignIn();
      setStart({ status: 'leaving' });
      window.location.assign(authorizeUrl);
    } catch (error) {
      setStart({ status: 'failed', error });
    }
  }

  return (
    <div className="connect">
      <Button
        size={size}
        variant={variant}
        className="connect__button"
        aria-disabled={leaving || undefined}
        aria-describedby={start.status === 'failed' ? errorId : undefined}
        onClick={() => {
          if (!leaving) void connect();
        }}
      >
        <TikTokNoteGlyph />
        {leaving ? t('connect.opening') : (children ?? t('connect.label'))}
      </Button>
      {start.status === 'failed' ? (
        <p id={errorId} role="alert" className="connect__error">
          {isApiError(start.error) ? creatorMessage(start.error) : t('connect.failed')}
        </p>
      ) : null}
    </div>
  );
}

type StartState =
  { status: 'idle' } | { status: 'pending' } | { status: 'leaving' } | { status: 'failed'; error: unknown };

function TikTokNoteGlyph() {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M14.5 3v11.2a3.3 3.3 0 1 1-3.3-3.3c.3 0 .6 0 .9.1V8.1a6.2 6.2 0 1 0 5.3 6.1V8.6a7 7 0 0 0 3.6 1V6.8A3.6 3.6 0 0 1 17.4 3z"
        fill="currentColor"
      />
    </svg>
  );
}
