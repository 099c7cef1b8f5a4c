import { randomBytes } from 'node:crypto';
import type { Hash } from 'node:crypto';
import type { PrivacyLevel, SandboxAccount } from './accounts';
import { SlidingWindowLimiter } from './api/rate-limit';
import { FaultQueue } from './faults';
import type { MediaReading } from './media/read-media';
import type { ResolvedOptions, SandboxOptionsPatch } from './options';
import type { ReceivedBytes } from './upload/received-bytes';

export interface AuthCodeRecord {
  clientKey: string;
  openId: string;
  scopes: string[];
  redirectUri: string;
  codeChallenge: string | undefined;
  expiresAt: number;
  used: boolean;
}

/** One authorization; refreshes keep the grant, revoke kills everything issued under it. */
export interface GrantRecord {
  id: number;
  clientKey: string;
  openId: string;
  scopes: string[];
  revoked: boolean;
}

export interface AccessTokenRecord {
  grant: GrantRecord;
  expiresAt: number;
}

export interface RefreshTokenRecord {
  grant: GrantRecord;
  expiresAt: number;
  /** Set when a refresh rotated it away: TikTok's newer docs say the old one stops working. */
  rotated: boolean;
}

export type PublishStatus =
  'PROCESSING_UPLOAD' | 'PROCESSING_DOWNLOAD' | 'SEND_TO_USER_INBOX' | 'PUBLISH_COMPLETE' | 'FAILED';

export interface ChunkRecord {
  index: number;
  start: number;
  end: number;
  length: number;
  /** Wall time from the request to the last byte of this chunk. */
  ms: number;
}

export interface UploadSession {
  uploadId: string;
  uploadToken: string;
  videoSize: number;
  chunkSize: number;
  totalChunkCount: number;
  expiresAt: number;
  /** Set by the `expire-url` fault. */
  forcedExpired: boolean;
  receivedBytes: number;
  /** Running sha256 of accepted chunks only; a chunk in flight works on a copy. */
  hash: Hash;
  chunks: ChunkRecord[];
  /** The first and last bytes of the video (upload/received-bytes.ts); null once they have been read. */
  received: ReceivedBytes | null;
  /** What the media reader found after the last chunk; undefined before, or with mediaChecks 'off'. */
  media: MediaReading | undefined;
  /** Why the media checks failed the post, or a note on checks that could not be made. */
  mediaNote: string | undefined;
}

export interface PublishTask {
  publishId: string;
  openId: string;
  clientKey: string;
  mode: 'direct' | 'inbox';
  source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  postInfo: unknown;
  sourceInfo: unknown;
  /** What TikTok would publish with (the unaudited force-self-only mode changes it). */
  effectivePrivacyLevel: PrivacyLevel | null;
  status: PublishStatus;
  failReason: string | undefined;
  /** Kept as decimal strings: they are emitted as raw JSON integers. */
  postIds: string[];
  createdAt: number;
  upload: UploadSession | undefined;
  downloadedBytes: number;
}

export interface SandboxStats {
  /** Successful inits (tasks created), by flow. */
  inits: { direct: number; inbox: number };
  /** Successful authorization-code exchanges. */
  tokenExchanges: number;
  /** Successful refresh_token grants. */
  refreshes: number;
  /** Revocations that killed a live grant. */
  revokes: number;
  chunksAccepted: number;
  chunksRejected: number;
  uploadsCompleted: number;
  faultsApplied: number;
  /** Every request by `METHOD /path/` (query strings never included), whatever the outcome. */
  requests: Record<string, number>;
}

function emptyStats(): SandboxStats {
  return {
    inits: { direct: 0, inbox: 0 },
    tokenExchanges: 0,
    refreshes: 0,
    revokes: 0,
    chunksAccepted: 0,
    chunksRejected: 0,
    uploadsCompleted: 0,
    faultsApplied: 0,
    requests: {},
  };
}

export const DAY_MS = 24 * 60 * 60 * 1000;

/** Everything the sandbox remembers; `reset()` returns it to the state right after start. */
export class SandboxState {
  options: ResolvedOptions;
  baseUrl = '';
  clockOffsetMs = 0;
  readonly accounts = new Map<string, SandboxAccount>();
  readonly codes = new Map<string, AuthCodeRecord>();
  readonly accessTokens = new Map<string, AccessTokenRecord>();
  readonly refreshTokens = new Map<string, RefreshTokenRecord>();
  readonly clientTokens = new Map<string, number>();
  readonly tasks = new Map<string, PublishTask>();
  readonly uploads = new Map<string, PublishTask>();
  readonly limiter = new SlidingWindowLimiter();
  readonly faults = new FaultQueue();
  /** Direct posts this app made, per creator (epoch ms). Counted against the daily cap. */
  readonly posts = new Map<string, number[]>();
  /** When each creator last posted through this app; drives the unaudited active-user cap. */
  readonly posters = new Map<string, number[]>();
  stats: SandboxStats = emptyStats();
  /** Signs avatar URLs, which TikTok hands out signed and short-lived. */
  readonly avatarKey = randomBytes(32);
  private nextGrantId = 1;
  /** Processing and moderation timers: part of the simulated world, so reset() drops them. */
  private readonly timers = new Set<NodeJS.Timeout>();
  /** Timers of requests in flight (delays, stalls, throttling): only close() may drop them. */
  private readonly ioTimers = new Set<NodeJS.Timeout>();
  private closed = false;

  constructor(private readonly initialOptions: ResolvedOptions) {
    this.options = { ...initialOptions };
    this.loadAccounts();
  }

  now(): number {
    return this.options.now() + this.clockOffsetMs;
  }

  log(line: string): void {
    this.options.logger(line);
  }

  newGrant(clientKey: string, openId: string, scopes: string[]): GrantRecord {
    return { id: this.nextGrantId++, clientKey, openId, scopes, revoked: false };
  }

  applyPatch(patch: SandboxOptionsPatch): void {
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    this.options = { ...this.options, ...defined };
  }

  /** Timers are unref'd so a forgotten sandbox never keeps a test process alive, and die with close/reset. */
  schedule(ms: number, fn: () => void): void {
    this.addTimer(this.timers, ms, fn);
  }

  /** Like schedule, for request-scoped waits that must survive reset() (the request is still open). */
  scheduleIo(ms: number, fn: () => void): void {
    this.addTimer(this.ioTimers, ms, fn);
  }

  private addTimer(set: Set<NodeJS.Timeout>, ms: number, fn: () => void): void {
    if (this.closed) return;
    const t = setTimeout(() => {
      set.delete(t);
      fn();
    }, ms);
    t.unref();
    set.add(t);
  }

  clearTimers(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  close(): void {
    this.closed = true;
    this.clearTimers();
    for (const t of this.ioTimers) clearTimeout(t);
    this.ioTimers.clear();
  }

  countSince(log: Map<string, number[]>, openId: string, windowMs = DAY_MS): number {
    const since = this.now() - windowMs;
    return (log.get(openId) ?? []).filter((t) => t > since).length;
  }

  record(log: Map<string, number[]>, openId: string): void {
    const list = log.get(openId) ?? [];
    list.push(this.now());
    log.set(openId, list);
  }

  /** Distinct creators who posted through this app in the last 24 h. */
  activePosters(): Set<string> {
    const since = this.now() - DAY_MS;
    const active = new Set<string>();
    for (const [openId, times] of this.posters) if (times.some((t) => t > since)) active.add(openId);
    return active;
  }

  reset(): void {
    this.clearTimers();
    this.options = { ...this.initialOptions };
    this.clockOffsetMs = 0;
    this.codes.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.clientTokens.clear();
    this.tasks.clear();
    this.uploads.clear();
    this.limiter.clear();
    this.faults.clear();
    this.posts.clear();
    this.posters.clear();
    this.stats = emptyStats();
    this.loadAccounts();
  }

  private loadAccounts(): void {
    this.accounts.clear();
    for (const a of this.initialOptions.accounts) this.accounts.set(a.openId, { ...a });
  }
}
