import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** The built SPA; e2e uses the production build, never the dev server. */
export const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));

export type StackOptions = {
  /** Extra response headers for the SPA's files (the production security headers, for example). */
  webHeaders?: Record<string, string>;
  /** Where `/api/*` and `/healthz` go; unset, they answer 502 like a proxy with no upstream. */
  apiUpstream?: string;
};

export type Stack = {
  /** Origin of the built SPA, http://127.0.0.1:PORT. */
  webOrigin: string;
  web: StaticServer;
  stop(): Promise<void>;
};

/**
 * Starts what the browser tests talk to. For now that is the built SPA alone. The order matters
 * for what comes next: the SPA's origin must be known before the TikTok sandbox and the proxy start,
 * because both are configured with it (OAuth redirect URI, allowed origins); the proxy's origin is
 * then handed to `web.setApiUpstream`.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!existsSync(`${WEB_DIST}index.html`)) {
    throw new Error(
      `No built SPA at ${WEB_DIST}. Run \`pnpm --filter @content-studio/web build\` (or \`pnpm test:e2e\`, which builds everything) first.`,
    );
  }
  const web = await startStaticServer({
    root: WEB_DIST,
    ...(options.webHeaders ? { headers: options.webHeaders } : {}),
    ...(options.apiUpstream ? { apiUpstream: options.apiUpstream } : {}),
  });
  return {
    webOrigin: web.origin,
    web,
    stop: () => web.close(),
  };
}
