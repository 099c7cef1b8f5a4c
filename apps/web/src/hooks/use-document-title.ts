import { useEffect } from 'react';

const SITE_NAME = 'Content Studio Pro';

/**
 * Sets the tab title for the current page. A single-page app keeps one document, so without this
 * every route would announce the same title to screen readers and in the browser history.
 */
export function useDocumentTitle(pageTitle: string | null): void {
  useEffect(() => {
    document.title = pageTitle ? `${pageTitle} · ${SITE_NAME}` : SITE_NAME;
  }, [pageTitle]);
}
