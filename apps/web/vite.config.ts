import { compileMessageOrThrow } from '@lingui/message-utils/compileMessage';
import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { CATALOG_PARTS, catalogPartOf, type CatalogPart } from './src/lib/i18n/catalog-parts.ts';

/**
 * The SPA calls the API on its own origin by default (VITE_API_BASE_URL unset), so the dev and
 * preview servers forward `/api` and `/healthz` to the proxy. That keeps CORS out of local work and
 * lets the same build run behind any reverse proxy that does the same (the e2e static server does).
 */
const proxyTarget = parseProxyUrl(process.env.PROXY_URL ?? 'http://127.0.0.1:3000');
const apiProxy = { '/api': proxyTarget, '/healthz': proxyTarget };

function parseProxyUrl(value: string): string {
  try {
    return new URL(value).origin;
  } catch {
    // Fail at start-up rather than with a confusing proxy error on the first request.
    throw new Error(`PROXY_URL must be an absolute URL such as http://127.0.0.1:3000 (got "${value}")`);
  }
}

const CATALOG_PREFIX = 'virtual:i18n-catalog/';
const catalogDir = fileURLToPath(new URL('./src/lib/i18n/catalogs/', import.meta.url));

/**
 * `virtual:i18n-catalog/<locale>_<part>` is the part's messages (`catalog-parts.ts`) of
 * `src/lib/i18n/catalogs/<locale>.json`, every ICU message compiled by Lingui's own compiler, here
 * rather than in the browser: the page then ships no message parser (about 10 KB gzip less on the
 * landing page), and a message that does not parse fails the build instead of a creator's screen.
 * See docs/decisions/023-languages-with-lingui.md and 024-translated-screens-and-policies.md.
 */
function i18nCatalogs(): Plugin {
  return {
    name: 'content-studio:i18n-catalogs',
    resolveId: (id) => (id.startsWith(CATALOG_PREFIX) ? `\0${id}` : null),
    load(id) {
      if (!id.startsWith(`\0${CATALOG_PREFIX}`)) return null;
      // "<locale>_<part>": also the name of the chunk it becomes (de_shell-<hash>.js).
      const [locale = '', part = ''] = id.slice(CATALOG_PREFIX.length + 1).split('_');
      if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(locale)) throw new Error(`No such catalog: ${locale}`);
      if (!(CATALOG_PARTS as readonly string[]).includes(part)) throw new Error(`No such catalog part: ${part}`);
      const file = `${catalogDir}${locale}.json`;
      this.addWatchFile(file);
      const source = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      const compiled = Object.fromEntries(
        Object.entries(source)
          .filter(([key]) => catalogPartOf(key) === (part as CatalogPart))
          .map(([key, message]) => {
            try {
              return [key, compileMessageOrThrow(message)];
            } catch (error) {
              throw new Error(`${locale}.json, "${key}": ${(error as Error).message}`, { cause: error });
            }
          }),
      );
      // JSON.parse of a string literal: smaller and faster to start than the same object as code.
      return `export const messages = JSON.parse(${JSON.stringify(JSON.stringify(compiled))});`;
    },
  };
}

export default defineConfig({
  plugins: [react(), i18nCatalogs()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // http://localhost:5173 is the origin `pnpm dev` registers as the sandbox's OAuth redirect URI,
  // which must match exactly; so the port is fixed rather than "next free one".
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, strictPort: true, proxy: apiProxy },
});
