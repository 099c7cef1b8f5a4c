import { useId } from 'react';
import { Button } from '@/components/ui/button';
import './connect-button.css';

/**
 * The one way into the product. Sign-in with TikTok is not wired up yet, so the button says so
 * instead of pretending: it stays focusable (aria-disabled, not disabled) and points to a note that
 * explains why nothing happens.
 */
export function ConnectButton() {
  const noteId = useId();
  return (
    <div className="connect">
      <Button size="lg" aria-disabled="true" aria-describedby={noteId} className="connect__button">
        <TikTokNoteGlyph />
        Connect TikTok
      </Button>
      <p id={noteId} className="connect__note">
        Sign-in with TikTok is not switched on in this preview yet.
      </p>
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
