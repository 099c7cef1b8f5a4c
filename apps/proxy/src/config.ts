import { isSecureOrLoopback } from '@content-studio/contract';
import { z } from 'zod';
import { compileUploadOrigins, DEFAULT_UPLOAD_ORIGINS, KNOWN_UPLOAD_HOSTS } from './tiktok';

/**
 * The only module that reads the environment. Everything the proxy knows about its deployment comes
 * through here, is validated once at start, and is frozen, so a misconfigured instance never serves.
 */

const DEFAULT_TIKTOK_AUTH_URL = 'https://www.tiktok.com/v2/auth/authorize/';
export const DEFAULT_TIKTOK_API_BASE_URL = 'https://open.tiktokapis.com';

/** `http:` is tolerated only on loopback (dev and tests); production traffic is HTTPS
 * (docs/requirements/product-promises.md#https-only). */
function secureUrl(what: string, opts: { allowPath: boolean; forbidQuery?: boolean }) {
  return z.string().superRefine((raw, ctx) => {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be an absolute URL (${what})` });
      return;
    }
    const problem = !isSecureOrLoopback(url)
      ? 'must use https (http is accepted only for localhost)'
      : url.username || url.password
        ? 'must not contain credentials'
        : url.hash
          ? 'must not contain a fragment'
          : !opts.allowPath && url.pathname !== '/'
            ? 'must be an origin without a path'
            : opts.forbidQuery && url.search
              ? 'must not contain a query string (TikTok matches it exactly)'
              : undefined;
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

function commaList(item: z.ZodType<string, string>, what: string) {
  return z
    .string()
    .transform((raw) =>
      raw
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1, { message: `needs at least one ${what}` }));
}

const origin = secureUrl('origin', { allowPath: false }).transform((raw) =>
  // An origin pattern keeps its `*`; URL would percent-encode it.
  raw.includes('*') ? raw.replace(/\/$/, '') : new URL(raw).origin,
);

const sealKey = z.string().transform((raw, ctx) => {
  const bytes = /^[A-Za-z0-9+/_-]+={0,2}$/.test(raw) ? Buffer.from(raw, 'base64') : Buffer.alloc(0);
  if (bytes.length < 32) {
    ctx.addIssue({ code: 'custom', message: 'must be at least 32 random bytes, base64-encoded' });
    return z.NEVER;
  }
  return bytes;
});

const EnvSchema = z
  .object({
    TIKTOK_CLIENT_KEY: z
      .string({ error: 'is required' })
      .regex(/^[A-Za-z0-9_-]{4,128}$/, { error: 'must be 4–128 letters, digits, _ or -' }),
    TIKTOK_CLIENT_SECRET: z
      .string({ error: 'is required' })
      .min(16, { error: 'must be at least 16 characters' })
      .max(512, { error: 'is too long' })
      .regex(/^\S+$/, { error: 'must not contain whitespace' }),
    TIKTOK_REDIRECT_URI: z
      .string({ error: 'is required' })
      .pipe(secureUrl('redirect URI', { allowPath: true, forbidQuery: true })),
    SESSION_SEAL_KEY: z.string({ error: 'is required' }).pipe(sealKey),
    ALLOWED_ORIGINS: z.string({ error: 'is required' }).pipe(commaList(origin, 'origin')),
    TIKTOK_AUTH_URL: secureUrl('authorize URL', { allowPath: true }).default(DEFAULT_TIKTOK_AUTH_URL),
    TIKTOK_API_BASE_URL: secureUrl('API base URL', { allowPath: false })
      .transform((raw) => new URL(raw).origin)
      .default(DEFAULT_TIKTOK_API_BASE_URL),
    TIKTOK_UPLOAD_ORIGINS: commaList(origin, 'origin')
      .refine(
        (entries) => {
          try {
            compileUploadOrigins(entries);
            return true;
          } catch {
            return false;
          }
        },
        { message: 'must be exact origins or https patterns such as https://*.tiktokapis.com' },
      )
      .default([...DEFAULT_UPLOAD_ORIGINS]),
    /**
     * Whether TikTok has audited this app for Direct Post. TikTok's Content Sharing Guidelines restrict
     * an unaudited app's posts to private viewing (SELF_ONLY); only the operator knows the audit state,
     * and the compose screen must say so before the creator posts, so it comes from here.
     */
    TIKTOK_APP_AUDITED: z
      .enum(['true', 'false'], { error: 'must be true or false' })
      .transform((raw) => raw === 'true')
      .default(false),
    PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int()
      .min(0)
      .max(65535, { error: 'must be a port number' })
      .default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    /** Number of proxies in front of us whose X-Forwarded-For we believe (Render: 1). */
    TRUST_PROXY_HOPS: z.coerce.number({ error: 'must be a whole number' }).int().min(0).max(10).default(0),
    /** The Prometheus endpoint's own port (docs/decisions/016); unset, there are no metrics. */
    METRICS_PORT: z.coerce
      .number({ error: 'must be a port number' })
      .int()
      .min(0)
      .max(65535, { error: 'must be a port number' })
      .optional(),
    /** Shared rate-limit counters (Render Key Value); unset, each instance counts alone. */
    RATE_LIMIT_REDIS_URL: z
      .string()
      .superRefine((raw, ctx) => {
        let url: URL | undefined;
        try {
          url = new URL(raw);
        } catch {
          url = undefined;
        }
        // Render's internal Key Value address is redis:// on its private network; rediss:// is TLS.
        if (!url || (url.protocol !== 'redis:' && url.protocol !== 'rediss:') || !url.hostname) {
          ctx.addIssue({ code: 'custom', message: 'must be a redis:// or rediss:// URL' });
        }
      })
      .optional(),
    /** How long in-flight uploads may finish after SIGTERM; keep below Render's maxShutdownDelaySeconds. */
    SHUTDOWN_GRACE_MS: z.coerce
      .number({ error: 'must be a whole number of milliseconds' })
      .int()
      .min(0)
      .max(300_000)
      .default(25_000),
  })
  .refine((e) => e.METRICS_PORT === undefined || e.METRICS_PORT === 0 || e.METRICS_PORT !== e.PORT, {
    path: ['METRICS_PORT'],
    message: 'must differ from PORT (metrics are never served on the public port)',
  });

export interface Config {
  readonly tiktok: {
    readonly clientKey: string;
    readonly clientSecret: string;
    readonly redirectUri: string;
    readonly authUrl: string;
    readonly apiBaseUrl: string;
    readonly uploadOrigins: readonly string[];
    /** TikTok's Direct Post audit passed: posts may be public. */
    readonly appAudited: boolean;
  };
  readonly sealKey: Buffer;
  readonly allowedOrigins: readonly string[];
  readonly server: {
    readonly host: string;
    readonly port: number;
    readonly trustProxyHops: number;
    readonly shutdownGraceMs: number;
  };
  readonly logLevel: string;
  /** Present only when METRICS_PORT is set: the Prometheus endpoint is off by default. */
  readonly metrics: { readonly port: number } | undefined;
  /** Present only when RATE_LIMIT_REDIS_URL is set; a credential (it may hold a password). */
  readonly rateLimitRedisUrl: string | undefined;
}

export interface ConfigProblem {
  variable: string;
  problem: string;
}

/** Carries only variable names and fixed descriptions: never a value, which may be a secret. */
export class ConfigError extends Error {
  readonly problems: readonly ConfigProblem[];

  constructor(problems: ConfigProblem[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p.variable} ${p.problem}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  // Empty strings count as missing: a blank `TIKTOK_CLIENT_SECRET=` in .env is a mistake, not a value.
  const present = Object.fromEntries(
    Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ''),
  );
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      variable: String(issue.path[0] ?? 'environment'),
      // zod's messages for our schema are the fixed texts above; never interpolate the input.
      problem: present[String(issue.path[0])] === undefined && issue.path.length === 1 ? 'is required' : issue.message,
    }));
    // One line per variable: the first problem found is the one to fix.
    throw new ConfigError(problems.filter((p, i) => problems.findIndex((q) => q.variable === p.variable) === i));
  }
  const e = parsed.data;
  const uploadOriginsProblem = checkUploadOriginsCoverTikTok(e.TIKTOK_API_BASE_URL, e.TIKTOK_UPLOAD_ORIGINS);
  if (uploadOriginsProblem)
    throw new ConfigError([{ variable: 'TIKTOK_UPLOAD_ORIGINS', problem: uploadOriginsProblem }]);
  return deepFreeze({
    tiktok: {
      clientKey: e.TIKTOK_CLIENT_KEY,
      clientSecret: e.TIKTOK_CLIENT_SECRET,
      redirectUri: e.TIKTOK_REDIRECT_URI,
      authUrl: e.TIKTOK_AUTH_URL,
      apiBaseUrl: e.TIKTOK_API_BASE_URL,
      uploadOrigins: e.TIKTOK_UPLOAD_ORIGINS,
      appAudited: e.TIKTOK_APP_AUDITED,
    },
    sealKey: e.SESSION_SEAL_KEY,
    allowedOrigins: e.ALLOWED_ORIGINS,
    server: {
      host: e.HOST,
      port: e.PORT,
      trustProxyHops: e.TRUST_PROXY_HOPS,
      shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    },
    logLevel: e.LOG_LEVEL,
    metrics: e.METRICS_PORT === undefined ? undefined : { port: e.METRICS_PORT },
    rateLimitRedisUrl: e.RATE_LIMIT_REDIS_URL,
  });
}

/**
 * Against real TikTok, an upload allowlist that refuses one of TikTok's upload hosts would cost a
 * creator an init (and leave a dangling publish task) before the refusal: refuse it at start instead.
 */
function checkUploadOriginsCoverTikTok(apiBaseUrl: string, uploadOrigins: readonly string[]): string | undefined {
  if (!/(^|\.)tiktokapis\.com$/.test(new URL(apiBaseUrl).hostname)) return undefined;
  const allows = compileUploadOrigins(uploadOrigins);
  if (KNOWN_UPLOAD_HOSTS.every((host) => allows(new URL(`https://${host}/`)))) return undefined;
  return `must allow every TikTok upload host (${KNOWN_UPLOAD_HOSTS.join(', ')}); the default https://*.tiktokapis.com does`;
}

/** The process environment, read here and nowhere else. */
export function loadConfigFromProcess(): Config {
  return loadConfig(process.env);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
