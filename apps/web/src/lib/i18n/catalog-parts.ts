/**
 * Each language's catalog ships in two parts. The landing page's first download carries only the
 * `shell` part (its own texts and the frame's), so the studio's, the composer's and the upload
 * queue's texts do not count against the landing page's budget; the `app` part arrives with the
 * code of the first lazily loaded page (docs/decisions/024-translated-screens-and-policies.md).
 * Which part a message is in follows from its key, so a language stays one JSON file.
 */
export const CATALOG_PARTS = ['shell', 'app'] as const;
export type CatalogPart = (typeof CATALOG_PARTS)[number];

/** What the landing and not-found pages, the frame around every page and Connect TikTok show. */
const SHELL_NAMESPACES = ['shell', 'notFound', 'status', 'routeError', 'landing', 'connect'];

export function catalogPartOf(key: string): CatalogPart {
  return SHELL_NAMESPACES.includes(key.split('.')[0] ?? '') ? 'shell' : 'app';
}
