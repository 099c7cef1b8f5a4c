import { z } from 'zod';

/**
 * Build-time settings, parsed once here; nothing else reads `import.meta.env`.
 * Only `VITE_*` variables reach the bundle, so nothing secret can be configured here by design.
 */
const EnvSchema = z.object({
  /**
   * Origin (and optional path prefix) of the proxy. Empty means "same origin": the dev server, the
   * e2e server or the host's rewrite forwards `/api` and `/healthz` to the proxy.
   */
  VITE_API_BASE_URL: z
    .union([z.literal(''), z.url({ protocol: /^https?$/ })])
    .default('')
    .transform((url) => url.replace(/\/+$/, '')),
});

export type Env = { apiBaseUrl: string };

export function parseEnv(raw: Record<string, unknown>): Env {
  const result = EnvSchema.safeParse(raw);
  if (!result.success) {
    throw new Error(`Invalid VITE_* build settings:\n${z.prettifyError(result.error)}`);
  }
  return { apiBaseUrl: result.data.VITE_API_BASE_URL };
}

export const env: Env = parseEnv(import.meta.env);
