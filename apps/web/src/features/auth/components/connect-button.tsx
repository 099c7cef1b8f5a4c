import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { Button, type ButtonSize, type ButtonVariant } from '@/components/ui/button';
import { isApiError } from '@/lib/api-error';
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
export function ConnectButton({ children = 'Connect TikTok', variant = 'primary', size = 'lg' }: ConnectButtonProps) {
  const queryClient = useQueryClient();
  const errorId = useId();
  const start = useMutation({
    mutationKey: ['auth', 'start-sign-in'],
    // Loaded on first use: building the URL needs the api client, the contract and zod, which the
    // landing page otherwise does not, so a first visit downloads less.
    mutationFn: async () => (await import('../api/start-sign-in')).startSignIn(queryClient),
    onSuccess: (authorizeUrl) => window.location.assign(authorizeUrl),
  });
  // After success the browser is on its way to TikTok; a second click would only make a new state.
  const leaving = start.isPending || start.isSuccess;

  return (
    <div className="connect">
      <Button
        size={size}
        variant={variant}
        className="connect__button"
        aria-disabled={leaving || undefined}
        aria-describedby={start.isError ? errorId : undefined}
        onClick={() => {
          if (!leaving) start.mutate();
        }}
      >
        <TikTokNoteGlyph />
        {leaving ? 'Opening TikTok…' : children}
      </Button>
      {start.isError ? (
        <p id={errorId} role="alert" className="connect__error">
          {isApiError(start.error)
            ? start.error.message
            : "Couldn't open TikTok's sign-in. Reload the page and try again."}
        </p>
      ) : null}
    </div>
  );
}

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
