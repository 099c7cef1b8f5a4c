import './logo.css';

/** The brand mark and wordmark. The mark is decorative; the wordmark is the accessible name. */
export function Logo() {
  return (
    <span className="logo">
      <svg className="logo__mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="8" className="logo__tile" />
        <path d="M12 9.5v13l10.5-6.5z" fill="#25f4ee" transform="translate(-1.2 -0.9)" />
        <path d="M12 9.5v13l10.5-6.5z" fill="#fe2c55" transform="translate(1.2 0.9)" />
        <path d="M12 9.5v13l10.5-6.5z" className="logo__play" />
      </svg>
      <span className="logo__word">
        Content Studio <span className="logo__pro">Pro</span>
      </span>
    </span>
  );
}
