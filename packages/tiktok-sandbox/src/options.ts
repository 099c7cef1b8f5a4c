import { z } from 'zod';
import { DEFAULT_ACCOUNTS, type SandboxAccount } from './accounts';
import type { MbReading } from './api/chunk-rules';

export interface SandboxOptions {
  /** Default 0 (ephemeral); the CLI uses SANDBOX_PORT or 4010. */
  port?: number;
  /** Default '127.0.0.1'. */
  host?: string;
  /** Origin written into upload_url, avatar URLs and `url`; default http://<host>:<port> (0.0.0.0 shown as 127.0.0.1). */
  publicUrl?: string;
  /** Sandbox keys start with 'sb' at TikTok too. */
  clientKey?: string;
  clientSecret?: string;
  /** Registered redirect URIs, matched byte for byte. */
  redirectUris?: string[];
  /** Shown on the consent page. */
  appName?: string;
  /** Injectable clock (epoch ms) for expiries, rate windows and timestamps. */
  now?: () => number;
  /** Unaudited apps: SELF_ONLY only, private accounts only, a few posting users per 24 h (TikTok's Content Sharing Guidelines). */
  audited?: boolean;
  /** TikTok's reaction to non-SELF_ONLY privacy from an unaudited app is undocumented. */
  unauditedNonSelfOnly?: 'reject' | 'force-self-only';
  /** Distinct users an unaudited app may post for per 24 h. */
  activeUserCap?: number;
  /** The same cap for an audited app (TikTok sets it from the audit application's estimate). */
  auditedActiveUserCap?: number;
  accessTokenTtlSec?: number;
  refreshTokenTtlSec?: number;
  authCodeTtlSec?: number;
  /** TikTok often answers OAuth errors with HTTP 200 (TikTok's OAuth Error Handling page). */
  oauthErrorStatus?: 200 | 400;
  /** Time from the last chunk (or a pull init) to the terminal processing state. */
  processingDelayMs?: number;
  /** Further delay before a public post gets its post id. */
  moderationDelayMs?: number;
  uploadUrlTtlSec?: number;
  /** How long an avatar URL handed out by user info or creator info loads (TikTok: about 2 h). */
  avatarUrlTtlSec?: number;
  postsPerDayCap?: number;
  /**
   * What "MB" means in TikTok's chunk rules (5 / 64 / 128 MB, 4 GB): the Media Transfer Guide does
   * not say. Default 'binary' (its 4 MB example is 4,194,304 bytes).
   */
  mbReading?: MbReading;
  /** Default: "4 GB" in the chosen reading (4 GiB or 4,000,000,000 bytes). A third party claims TikTok's own sandbox caps at 128 MB (not in TikTok's docs); set it to test that. */
  maxVideoSizeBytes?: number;
  /** Throttles every upload body to this rate (bytes/s) so slow-upstream behaviour can be measured; 0 = unthrottled. */
  uploadBytesPerSecond?: number;
  /**
   * 'tiktok' (default): after the last chunk the file is read and failed as TikTok would
   * (`file_format_check_failed`, `duration_check_failed`, …). 'off': every complete upload passes; only
   * for tests about something else that send bytes that are not a video (benchmark throughput).
   */
  mediaChecks?: 'tiktok' | 'off';
  /** PULL_FROM_URL: domain properties (cover subdomains). Nothing is verified by default. */
  verifiedDomains?: string[];
  /** PULL_FROM_URL: URL-prefix properties, `https://host/path/`. */
  verifiedUrlPrefixes?: string[];
  accounts?: readonly SandboxAccount[];
  /** Lines for humans. Never receives tokens, codes, secrets or upload URLs. Default: silent. */
  logger?: (line: string) => void;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  publicUrl: string | undefined;
  clientKey: string;
  clientSecret: string;
  redirectUris: string[];
  appName: string;
  now: () => number;
  audited: boolean;
  unauditedNonSelfOnly: 'reject' | 'force-self-only';
  activeUserCap: number;
  auditedActiveUserCap: number;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
  authCodeTtlSec: number;
  oauthErrorStatus: 200 | 400;
  processingDelayMs: number;
  moderationDelayMs: number;
  uploadUrlTtlSec: number;
  avatarUrlTtlSec: number;
  postsPerDayCap: number;
  mbReading: MbReading;
  /** Undefined: the reading's "4 GB". */
  maxVideoSizeBytes: number | undefined;
  uploadBytesPerSecond: number;
  mediaChecks: 'tiktok' | 'off';
  verifiedDomains: string[];
  verifiedUrlPrefixes: string[];
  accounts: SandboxAccount[];
  logger: (line: string) => void;
}

export const DEFAULT_CLIENT_KEY = 'sbawcontentstudiodev';
export const DEFAULT_CLIENT_SECRET = 'sandbox-secret-0123456789abcdef0123456789abcdef';
export const DEFAULT_REDIRECT_URIS: readonly string[] = [
  'http://localhost:5173/auth/callback',
  'http://127.0.0.1:5173/auth/callback',
];
export const GIB = 1024 * 1024 * 1024;

const nonNegativeInt = z.number().int().nonnegative();
const positiveInt = z.number().int().positive();

/** What may change while the sandbox runs (`setOptions`, `POST /__sandbox/options`). */
export const optionsPatchSchema = z.strictObject({
  audited: z.boolean().optional(),
  unauditedNonSelfOnly: z.enum(['reject', 'force-self-only']).optional(),
  activeUserCap: nonNegativeInt.optional(),
  auditedActiveUserCap: nonNegativeInt.optional(),
  accessTokenTtlSec: positiveInt.optional(),
  refreshTokenTtlSec: positiveInt.optional(),
  authCodeTtlSec: positiveInt.optional(),
  oauthErrorStatus: z.union([z.literal(200), z.literal(400)]).optional(),
  processingDelayMs: nonNegativeInt.optional(),
  moderationDelayMs: nonNegativeInt.optional(),
  uploadUrlTtlSec: positiveInt.optional(),
  avatarUrlTtlSec: positiveInt.optional(),
  postsPerDayCap: nonNegativeInt.optional(),
  mbReading: z.enum(['binary', 'decimal']).optional(),
  maxVideoSizeBytes: positiveInt.optional(),
  uploadBytesPerSecond: nonNegativeInt.optional(),
  mediaChecks: z.enum(['tiktok', 'off']).optional(),
  verifiedDomains: z.array(z.string().min(1)).optional(),
  verifiedUrlPrefixes: z.array(z.string().min(1)).optional(),
});

export type SandboxOptionsPatch = z.infer<typeof optionsPatchSchema>;

export function resolveOptions(o: SandboxOptions = {}): ResolvedOptions {
  const accounts = (o.accounts ?? DEFAULT_ACCOUNTS).map((a) => ({ ...a }));
  const ids = new Set<string>();
  for (const a of accounts) {
    if (ids.has(a.openId)) throw new Error(`tiktok-sandbox: duplicate account openId ${a.openId}`);
    ids.add(a.openId);
  }
  const resolved: ResolvedOptions = {
    port: o.port ?? 0,
    host: o.host ?? '127.0.0.1',
    publicUrl: o.publicUrl?.replace(/\/+$/, ''),
    clientKey: o.clientKey ?? DEFAULT_CLIENT_KEY,
    clientSecret: o.clientSecret ?? DEFAULT_CLIENT_SECRET,
    redirectUris: [...(o.redirectUris ?? DEFAULT_REDIRECT_URIS)],
    appName: o.appName ?? 'Content Studio Pro',
    now: o.now ?? Date.now,
    audited: o.audited ?? false,
    unauditedNonSelfOnly: o.unauditedNonSelfOnly ?? 'reject',
    activeUserCap: o.activeUserCap ?? 5,
    auditedActiveUserCap: o.auditedActiveUserCap ?? 1000,
    accessTokenTtlSec: o.accessTokenTtlSec ?? 7200,
    refreshTokenTtlSec: o.refreshTokenTtlSec ?? 15_552_000,
    authCodeTtlSec: o.authCodeTtlSec ?? 300,
    oauthErrorStatus: o.oauthErrorStatus ?? 200,
    processingDelayMs: o.processingDelayMs ?? 1500,
    moderationDelayMs: o.moderationDelayMs ?? 1000,
    uploadUrlTtlSec: o.uploadUrlTtlSec ?? 3600,
    avatarUrlTtlSec: o.avatarUrlTtlSec ?? 7200,
    postsPerDayCap: o.postsPerDayCap ?? 15,
    mbReading: o.mbReading ?? 'binary',
    maxVideoSizeBytes: o.maxVideoSizeBytes,
    uploadBytesPerSecond: o.uploadBytesPerSecond ?? 0,
    mediaChecks: o.mediaChecks ?? 'tiktok',
    verifiedDomains: [...(o.verifiedDomains ?? [])],
    verifiedUrlPrefixes: [...(o.verifiedUrlPrefixes ?? [])],
    accounts,
    logger: o.logger ?? (() => {}),
  };
  // Validate the tunables with the same schema as runtime patches so both paths agree.
  const tunables = Object.fromEntries(
    Object.keys(optionsPatchSchema.shape).map((key) => [key, resolved[key as keyof ResolvedOptions]]),
  );
  const check = optionsPatchSchema.safeParse(tunables);
  if (!check.success) throw new Error(`tiktok-sandbox: invalid options: ${z.prettifyError(check.error)}`);
  return resolved;
}
