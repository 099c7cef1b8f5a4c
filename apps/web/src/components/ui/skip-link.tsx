import type { MouseEvent } from 'react';
import { useT } from '@/lib/i18n';
import './skip-link.css';

export const MAIN_CONTENT_ID = 'main';

/**
 * First focusable element on every page. Focus is moved by hand instead of following the hash, so
 * the URL does not change and the router does not treat it as a navigation.
 */
export function SkipLink() {
  const t = useT();
  function skipToMain(event: MouseEvent<HTMLAnchorElement>) {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  }

  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={skipToMain}>
      {t('shell.skipLink')}
    </a>
  );
}
