import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

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

export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  // http://localhost:5173 is the origin `pnpm dev` registers as the sandbox's OAuth redirect URI,
  // which must match exactly; so the port is fixed rather than "next free one".
  server: { port: 5173, strictPort: true, proxy: apiProxy },
  preview: { port: 4173, strictPort: true, proxy: apiProxy },
});
