import {
  VIDEO_MIME_TYPES,
  videoMimeTypeOfName,
  MAX_VIDEO_BYTES,
  PostSettingsSchema,
  type CreateUploadRequest,
  type CreateUploadResponse,
  type PostSettings,
  type PublishStatus,
  type VideoMimeType,
} from '@content-studio/contract';
import type { AccessTokenSource } from '@/lib/access-token-source';
import { reportingRejection, signedOutError } from '@/lib/api-client';
import { isApiError, retryAfterOf } from '@/lib/api-error';
import { bytesInFirstChunks, chunkRange, chunksCoveredBy, type ChunkPlan } from './chunk-plan';
import { fingerprintFile, matchFile, type FileFingerprint, type FileMatch } from './file-fingerprint';
import { loadJobs, saveJobs, type JobRecord, type KeyValueStorage } from './job-store';
import { ProgressMeter } from './progress-meter';
import {
  backoffDelayMs,
  CHUNK_RETRY,
  classifyChunkError,
  initDefinitelyFailed,
  UploadStallError,
} from './retry-policy';
import type { UploadJobError, UploadJobInput, UploadJobView, UploadRetryInfo, UploadTransport } from './upload-types';

export interface EngineTiming {
  /** No upload progress for this long while bytes remain: the connection is stuck. */
  stallMs: number;
  /** All bytes of a chunk sent and no answer for this long: give up on that attempt. */
  responseTimeoutMs: number;
  watchdogTickMs: number;
  pollIntervalMs: number;
  /** Slower polling while a published public post waits for its post id (moderation). */
  postLinkPollIntervalMs: number;
  postLinkWindowMs: number;
  /** Still PROCESSING after this long: stop and tell the creator to check their profile. */
  processingTimeoutMs: number;
  /** Between any two status requests of this tab: TikTok allows 30/min per token (docs/requirements/tiktok-rules.md#rate-limits). */
  statusMinGapMs: number;
  statusErrorCapMs: number;
  /** TikTok documents no Retry-After for its 429s; back off at least a minute (docs/requirements/tiktok-rules.md#rate-limits). */
  initRateLimitMs: number;
  maxInitAttempts: number;
  /** Out-of-sync answers in a row before giving up: guards against a resync loop. */
  maxResyncs: number;
  progressEmitMs: number;
}

export const DEFAULT_TIMING: EngineTiming = {
  stallMs: 30_000,
  responseTimeoutMs: 120_000,
  watchdogTickMs: 1_000,
  pollIntervalMs: 5_000,
  postLinkPollIntervalMs: 10_000,
  postLinkWindowMs: 120_000,
  processingTimeoutMs: 30 * 60_000,
  statusMinGapMs: 2_500,
  statusErrorCapMs: 60_000,
  initRateLimitMs: 60_000,
  maxInitAttempts: 3,
  maxResyncs: 3,
  progressEmitMs: 250,
};

export interface UploadEngineOptions {
  transport: UploadTransport;
  /** The creator (TikTok open_id) whose queue this is; a stored queue of another is not loaded. */
  owner?: string;
  /** sessionStorage in the app; null keeps the queue in memory only. */
  storage: KeyValueStorage | null;
  /** The creator's session: every request takes its token from here and reports a 401 back. */
  tokens: AccessTokenSource;
  now?: () => number;
  random?: () => number;
  fingerprint?: (file: File) => Promise<FileFingerprint>;
  createId?: () => string;
  timing?: Partial<EngineTiming>;
}

/** Everything about a job that lives only as long as the page: never persisted. */
interface Runtime {
  controller: AbortController | null;
  /**
   * The token the upload session was created with. The proxy binds the sealed session to a hash of
   * that token, so chunks must carry it even after the auth feature has refreshed the session.
   */
  boundToken: string | null;
  meter: ProgressMeter;
  chunkIndex: number | null;
  loadedInChunk: number;
  retry: UploadRetryInfo | null;
  lastEmitAt: number;
  /** A trailing emit, so the last progress event of a burst is never left unshown. */
  emitTimer: ReturnType<typeof setTimeout> | null;
  cancelRequested: boolean;
}

const ACTIVE_STATES = new Set(['initializing', 'uploading', 'retrying']);
const EXPIRED_ERROR: UploadJobError = {
  code: 'UPLOAD_SESSION_EXPIRED',
  message:
    'This upload took longer than the hour TikTok allows, so TikTok discarded it. Nothing was posted; post the video again to start over.',
  tiktokLogId: null,
};

const SESSION_ENDED_ERROR: UploadJobError = {
  code: 'TIKTOK_TOKEN_INVALID',
  message: 'Your TikTok session ended. Connect your account again, then choose the file again to continue.',
  tiktokLogId: null,
};

/**
 * The browser side of the resumable upload: a queue that sends one video at a
 * time, chunk by chunk, then tracks TikTok's processing. Every step that TikTok can see is written
 * to storage before (init) or right after (publish id, acknowledged chunks) it happens, so that no
 * reload, lost answer or status error ever leads to a second init for the same video (docs/requirements/security-reliability.md#no-duplicate-posts).
 */
export class UploadEngine {
  private records: JobRecord[];
  private readonly files = new Map<string, File>();
  private readonly runtimes = new Map<string, Runtime>();
  private readonly pollers = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private readonly statusListeners = new Set<(publishId: string, status: PublishStatus) => void>();
  private snapshot: UploadJobView[] = [];
  private running: string | null = null;
  private started = false;
  private disposed = false;
  private nextStatusSlotAt = 0;

  private readonly transport: UploadTransport;
  private readonly storage: KeyValueStorage | null;
  private readonly tokens: AccessTokenSource;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly fingerprint: (file: File) => Promise<FileFingerprint>;
  private readonly createId: () => string;
  private readonly timing: EngineTiming;
  readonly owner: string | undefined;

  constructor(options: UploadEngineOptions) {
    this.transport = options.transport;
    this.storage = options.storage;
    this.tokens = options.tokens;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    this.fingerprint = options.fingerprint ?? fingerprintFile;
    this.createId = options.createId ?? (() => crypto.randomUUID());
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    this.owner = options.owner;
    this.records = loadJobs(this.storage, this.owner).map((record) => this.restore(record));
    this.persist();
    this.rebuildSnapshot();
  }

  // ── Public surface ────────────────────────────────────────────────────────────────────────────

  /** Resumes status polling of restored jobs and starts the queue. Safe to call more than once. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    for (const record of this.records) {
      if (record.state === 'processing' || (record.state === 'published' && record.awaitingPostLink)) {
        this.startPolling(record.id);
      }
    }
    this.pump();
  }

  /** Stops every request and timer without touching what is stored: what a page unload does. */
  dispose(): void {
    this.disposed = true;
    for (const runtime of this.runtimes.values()) {
      runtime.controller?.abort(new DOMException('Disposed', 'AbortError'));
      if (runtime.emitTimer) clearTimeout(runtime.emitTimer);
    }
    for (const poller of this.pollers.values()) poller.abort(new DOMException('Disposed', 'AbortError'));
    this.pollers.clear();
    this.listeners.clear();
    this.statusListeners.clear();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UploadJobView[] => this.snapshot;

  /** Every status answer, e.g. to mirror it into the query cache. */
  onStatus(listener: (publishId: string, status: PublishStatus) => void): () => void {
    this.statusListeners.add(listener);
    return () => this.statusListeners.delete(listener);
  }

  enqueue = async (input: UploadJobInput): Promise<string> => {
    const id = this.createId();
    let problem = validateInput(input);
    let fingerprint: FileFingerprint;
    try {
      fingerprint = await this.fingerprint(input.file);
    } catch {
      // E.g. the file was moved or deleted after it was picked: show it as failed rather than throw.
      problem ??= 'This file could not be read. Choose it again from the form.';
      fingerprint = {
        name: input.file.name,
        size: input.file.size,
        lastModified: input.file.lastModified,
        headSha256: '0'.repeat(64),
      };
    }
    const post = input.mode === 'direct' ? (input.post ?? null) : null;
    const record: JobRecord = {
      id,
      mode: input.mode,
      state: problem ? 'failed' : 'queued',
      createdAt: this.now(),
      file: { ...fingerprint, type: input.file.type },
      post,
      creatorUsername: input.creatorUsername ?? null,
      // TikTok hands out post ids only for public posts that passed moderation (docs/requirements/tiktok-rules.md#post-status).
      expectsPostLink:
        input.mode === 'direct' && post?.privacyLevel === 'PUBLIC_TO_EVERYONE' && Boolean(input.creatorUsername),
      upload: null,
      acknowledgedChunks: 0,
      lastStatus: null,
      processingSince: null,
      publishedAt: null,
      postUrl: null,
      awaitingPostLink: false,
      failReason: null,
      error: problem ? { code: 'VALIDATION_FAILED', message: problem, tiktokLogId: null } : null,
      needsFileReason: null,
      resumable: false,
      notice: null,
    };
    if (!problem) this.files.set(id, input.file);
    this.records = [...this.records, record];
    this.commit();
    this.pump();
    return id;
  };

  cancel = (id: string): void => {
    const record = this.record(id);
    if (!record) return;
    if (ACTIVE_STATES.has(record.state)) {
      const runtime = this.runtime(id);
      if (this.finalChunkFullySent(record, runtime)) {
        // Every byte already left: TikTok may be completing the upload right now. Aborting would only
        // hide the outcome, so wait for the answer and report it honestly.
        runtime.cancelRequested = true;
        this.update(id, { notice: 'Cancelling… the last part has already been sent, waiting for TikTok’s answer.' });
        return;
      }
      this.markCancelled(id);
      runtime.controller?.abort(new DOMException('Cancelled by the creator', 'AbortError'));
      return;
    }
    if (record.state === 'queued' || record.state === 'needs-file' || (record.state === 'failed' && record.resumable)) {
      this.markCancelled(id);
    }
  };

  provideFile = async (id: string, file: File): Promise<FileMatch> => {
    const record = this.record(id);
    if (!record || !(record.state === 'needs-file' || (record.state === 'failed' && record.resumable))) {
      return { ok: false, reason: 'This upload is not waiting for a file.' };
    }
    if (record.upload && this.now() >= record.upload.expiresAt) {
      this.fail(id, EXPIRED_ERROR, { resumable: false });
      return { ok: false, reason: EXPIRED_ERROR.message };
    }
    const match = await matchFile(fingerprintOf(record), file, this.fingerprint);
    if (!match.ok) return match;
    // The record may have changed while the file was being read (cancelled, dismissed).
    const current = this.record(id);
    if (!current || !(current.state === 'needs-file' || (current.state === 'failed' && current.resumable))) {
      return { ok: false, reason: 'This upload is not waiting for a file.' };
    }
    this.files.set(id, file);
    this.update(id, { state: 'queued', error: null, needsFileReason: null, resumable: false, notice: null });
    this.pump();
    return { ok: true };
  };

  dismiss = (id: string): void => {
    const record = this.record(id);
    if (!record) return;
    if (ACTIVE_STATES.has(record.state))
      this.runtime(id).controller?.abort(new DOMException('Dismissed', 'AbortError'));
    this.pollers.get(id)?.abort(new DOMException('Dismissed', 'AbortError'));
    this.pollers.delete(id);
    this.files.delete(id);
    this.runtimes.delete(id);
    this.records = this.records.filter((job) => job.id !== id);
    this.commit();
  };

  // ── Restore after a reload ────────────────────────────────────────────────────────────────────

  private restore(record: JobRecord): JobRecord {
    const expired = record.upload !== null && this.now() >= record.upload.expiresAt;
    switch (record.state) {
      case 'queued':
        // Never sent: safe to start once the file is chosen again.
        return { ...record, state: 'needs-file', needsFileReason: 'reload-before-start', resumable: true };
      case 'initializing':
        // The init may or may not have reached TikTok; its answer is lost. Asking again could post twice.
        return {
          ...record,
          state: 'unknown',
          resumable: false,
          error: {
            code: 'INIT_OUTCOME_UNKNOWN',
            message:
              'The page was reloaded while TikTok was being asked to start this upload, so we can’t tell whether it did.',
            tiktokLogId: null,
          },
        };
      case 'uploading':
      case 'retrying':
        if (!record.upload) {
          // Only a rate-limited init waits in 'retrying' without a publish id: TikTok refused it outright.
          return { ...record, state: 'needs-file', needsFileReason: 'reload-before-start', resumable: true };
        }
        if (expired) return { ...record, state: 'failed', error: EXPIRED_ERROR, resumable: false };
        return { ...record, state: 'needs-file', needsFileReason: 'reload-mid-upload', resumable: true };
      case 'needs-file':
        return expired
          ? { ...record, state: 'failed', error: EXPIRED_ERROR, resumable: false, needsFileReason: null }
          : record;
      case 'failed':
        return record.resumable && expired ? { ...record, error: EXPIRED_ERROR, resumable: false } : record;
      case 'published':
        if (record.awaitingPostLink && this.now() - (record.publishedAt ?? 0) >= this.timing.postLinkWindowMs) {
          return { ...record, awaitingPostLink: false };
        }
        return record;
      default:
        return record;
    }
  }

  // ── The queue ─────────────────────────────────────────────────────────────────────────────────

  /** One upload at a time: TikTok wants chunks in order, and allows only 6 inits a minute. */
  private pump(): void {
    if (!this.started || this.disposed || this.running) return;
    const waiting = this.records.filter((job) => job.state === 'queued' && this.files.has(job.id));
    // An upload TikTok already holds part of goes first: its hour is running.
    const next = waiting.find((job) => job.upload !== null) ?? waiting[0];
    if (!next) return;
    this.running = next.id;
    void this.run(next.id).finally(() => {
      this.running = null;
      const runtime = this.runtimes.get(next.id);
      if (runtime) {
        runtime.controller = null;
        runtime.chunkIndex = null;
        runtime.retry = null;
      }
      this.emit();
      this.pump();
    });
  }

  private async run(id: string): Promise<void> {
    const controller = new AbortController();
    const runtime = this.runtime(id);
    runtime.controller = controller;
    runtime.cancelRequested = false;
    const { signal } = controller;
    try {
      if (!this.record(id)?.upload) {
        const initialized = await this.initialize(id, signal);
        if (!initialized) return;
      }
      await this.uploadChunks(id, signal);
    } catch (error) {
      if (signal.aborted || this.disposed) return;
      // A bug, not a TikTok answer: stop this job, keep what TikTok already holds resumable.
      console.error('Upload engine error', error);
      this.fail(
        id,
        {
          code: 'INTERNAL',
          message: 'Something went wrong in the upload. Choose the file again to continue.',
          tiktokLogId: null,
        },
        { resumable: Boolean(this.record(id)?.upload) },
      );
    }
  }

  private async initialize(id: string, signal: AbortSignal): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      const record = this.record(id);
      if (!record || signal.aborted) return false;
      let accessToken: string;
      try {
        accessToken = await this.currentToken();
      } catch (error) {
        if (signal.aborted) return false;
        // Nothing was sent to TikTok yet, so choosing the file again after connecting is safe.
        this.sessionEnded(id, isApiError(error) ? toJobError(error) : SESSION_ENDED_ERROR);
        return false;
      }
      if (signal.aborted) return false;
      // Written BEFORE the request: if the page dies while it is in flight, the reload knows that an
      // init may exist and will not make another one.
      this.runtime(id).retry = null;
      this.update(id, { state: 'initializing', error: null });
      let created: CreateUploadResponse;
      try {
        created = await reportingRejection(this.tokens, accessToken, (token) =>
          this.transport.init(buildInitRequest(record), { accessToken: token, signal }),
        );
      } catch (error) {
        if (signal.aborted) return false;
        if (isApiError(error) && error.status === 401) {
          // The session is over (the token source has been told); a refused init created nothing.
          this.sessionEnded(id, { ...SESSION_ENDED_ERROR, tiktokLogId: error.tiktokLogId ?? null });
          return false;
        }
        if (isApiError(error) && error.code === 'RATE_LIMITED' && attempt < this.timing.maxInitAttempts) {
          // A 429 is a definite "no": nothing was created, so asking again later is safe.
          const delay =
            Math.max(retryAfterOf(error), this.timing.initRateLimitMs) + backoffDelayMs(1, CHUNK_RETRY, this.random);
          this.setRetry(id, {
            kind: 'init',
            chunkIndex: null,
            chunkCount: null,
            attempt: attempt + 1,
            maxAttempts: this.timing.maxInitAttempts,
            nextAttemptAt: this.now() + delay,
            message: error.message,
          });
          try {
            await sleep(delay, signal);
          } catch {
            return false;
          }
          continue;
        }
        if (initDefinitelyFailed(error)) {
          this.fail(id, toJobError(error), { resumable: false });
        } else {
          this.update(id, {
            state: 'unknown',
            resumable: false,
            error: isApiError(error)
              ? toJobError(error)
              : {
                  code: 'INIT_OUTCOME_UNKNOWN',
                  message: 'The answer to the start of this upload was lost.',
                  tiktokLogId: null,
                },
          });
        }
        return false;
      }
      // Written the moment it is known: from here on this video has a post at TikTok.
      this.runtime(id).boundToken = accessToken;
      const upload = { ...created };
      this.update(id, {
        upload,
        acknowledgedChunks: 0,
        ...(signal.aborted ? {} : { state: 'uploading' as const }),
      });
      if (signal.aborted) return false;
      if (!planFits(upload, record.file.size)) {
        this.fail(
          id,
          {
            code: 'VIDEO_SIZE_MISMATCH',
            message: 'The server planned this upload for a different file size. Nothing was posted.',
            tiktokLogId: null,
          },
          { resumable: false },
        );
        return false;
      }
      return true;
    }
  }

  private async uploadChunks(id: string, signal: AbortSignal): Promise<void> {
    let resyncs = 0;
    for (;;) {
      const record = this.record(id);
      if (!record?.upload || signal.aborted) return;
      const plan = record.upload;
      const index = record.acknowledgedChunks;
      if (index >= plan.chunkCount) {
        this.toProcessing(id);
        return;
      }
      if (this.now() >= plan.expiresAt) {
        this.fail(id, EXPIRED_ERROR, { resumable: false });
        return;
      }
      const outcome = await this.sendChunk(id, plan, index, signal);
      if (outcome.kind === 'stop') return;
      if (outcome.kind === 'done') {
        resyncs = 0;
        this.update(id, { acknowledgedChunks: index + 1 });
        if (outcome.complete || index + 1 >= plan.chunkCount) {
          this.toProcessing(id);
          return;
        }
        continue;
      }
      // Out of sync: trust TikTok's count of what it holds, and go on from there (docs/requirements/security-reliability.md#chunk-retry).
      resyncs++;
      if (resyncs > this.timing.maxResyncs) {
        this.fail(
          id,
          {
            code: 'UPLOAD_OUT_OF_SYNC',
            message:
              'The upload kept getting out of step with TikTok. Nothing was posted; post the video again to start over.',
            tiktokLogId: null,
          },
          { resumable: false },
        );
        return;
      }
      const covered = chunksCoveredBy(plan, outcome.uploadedBytes);
      this.runtime(id).meter.reset();
      this.update(id, { acknowledgedChunks: covered });
    }
  }

  private async sendChunk(
    id: string,
    plan: NonNullable<JobRecord['upload']>,
    index: number,
    signal: AbortSignal,
  ): Promise<{ kind: 'done'; complete: boolean } | { kind: 'resync'; uploadedBytes: number } | { kind: 'stop' }> {
    const range = chunkRange(plan, index);
    const runtime = this.runtime(id);
    let rebound = false;
    for (let attempt = 1; ; attempt++) {
      const file = this.files.get(id);
      if (!file) {
        this.update(id, { state: 'needs-file', needsFileReason: 'reload-mid-upload', resumable: true });
        return { kind: 'stop' };
      }
      runtime.chunkIndex = index;
      runtime.loadedInChunk = 0;
      runtime.retry = null;
      if (this.record(id)?.state !== 'uploading') this.update(id, { state: 'uploading' });
      else this.emit();

      let failure: unknown;
      let accessToken: string | null = null;
      try {
        // Asked every chunk even when the init token is at hand: a creator who disconnected
        // mid-upload must stop the upload, not just the next status check.
        const current = await this.currentToken();
        accessToken = runtime.boundToken ?? current;
      } catch (error) {
        failure = error;
      }
      if (signal.aborted) return { kind: 'stop' };

      if (accessToken) {
        const attemptController = new AbortController();
        const forwardAbort = () => attemptController.abort(signal.reason);
        signal.addEventListener('abort', forwardAbort, { once: true });
        let lastProgressAt = this.now();
        const watchdog = setInterval(() => {
          const allSent = runtime.loadedInChunk >= range.length;
          const limit = allSent ? this.timing.responseTimeoutMs : this.timing.stallMs;
          if (this.now() - lastProgressAt >= limit) {
            attemptController.abort(
              new UploadStallError(
                allSent
                  ? `No answer for ${Math.round(limit / 1000)} seconds after sending part ${index + 1}.`
                  : `No upload progress for ${Math.round(limit / 1000)} seconds.`,
              ),
            );
          }
        }, this.timing.watchdogTickMs);
        const base = bytesInFirstChunks(plan, index);
        try {
          const response = await reportingRejection(this.tokens, accessToken, (token) =>
            this.transport.putChunk(
              {
                publishId: plan.publishId,
                // Re-read each attempt: a re-bind (below) replaces the session mid-chunk.
                uploadSession: this.record(id)?.upload?.uploadSession ?? plan.uploadSession,
                index,
                body: file.slice(range.start, range.end + 1),
                accessToken: token,
              },
              (loaded) => {
                const at = this.now();
                if (loaded > runtime.loadedInChunk) lastProgressAt = at;
                runtime.loadedInChunk = Math.min(loaded, range.length);
                runtime.meter.record(at, base + runtime.loadedInChunk);
                this.emitProgress(runtime);
              },
              attemptController.signal,
            ),
          );
          if (signal.aborted) return { kind: 'stop' };
          runtime.loadedInChunk = range.length;
          if (runtime.cancelRequested) {
            this.update(id, {
              notice:
                this.record(id)?.mode === 'draft'
                  ? 'Too late to cancel: the whole video had already reached TikTok, so it will still arrive in your inbox.'
                  : 'Too late to cancel: the whole video had already reached TikTok, so it will still be posted.',
            });
          }
          return { kind: 'done', complete: response.complete };
        } catch (error) {
          failure = attemptController.signal.aborted && !signal.aborted ? attemptController.signal.reason : error;
        } finally {
          clearInterval(watchdog);
          signal.removeEventListener('abort', forwardAbort);
        }
      }
      if (signal.aborted) return { kind: 'stop' };
      if (runtime.cancelRequested) {
        this.markCancelled(id);
        return { kind: 'stop' };
      }

      const action = accessToken
        ? classifyChunkError(failure)
        : isApiError(failure) && failure.retryable
          ? ({ kind: 'retry', retryAfterMs: 0 } as const)
          : ({ kind: 'session-ended' } as const);
      const error = toJobError(failure);
      switch (action.kind) {
        case 'retry': {
          if (attempt >= CHUNK_RETRY.maxAttempts) {
            // Worth another go later (the network may be back): TikTok keeps the upload for the hour.
            this.fail(id, error, { resumable: true });
            return { kind: 'stop' };
          }
          const delay = Math.max(backoffDelayMs(attempt, CHUNK_RETRY, this.random), action.retryAfterMs);
          this.setRetry(id, {
            kind: 'chunk',
            chunkIndex: index,
            chunkCount: plan.chunkCount,
            attempt: attempt + 1,
            maxAttempts: CHUNK_RETRY.maxAttempts,
            nextAttemptAt: this.now() + delay,
            message: error.message,
          });
          try {
            await sleep(delay, signal);
          } catch {
            return { kind: 'stop' };
          }
          continue;
        }
        case 'resync':
          return { kind: 'resync', uploadedBytes: action.uploadedBytes };
        case 'restart':
          this.fail(id, error, { resumable: false });
          return { kind: 'stop' };
        case 'rebind': {
          // Once per chunk: a second refusal means the session is not ours to mend.
          if (rebound || !accessToken) {
            this.fail(id, error, { resumable: false });
            return { kind: 'stop' };
          }
          rebound = true;
          const renewed = await this.rebindSession(id, plan.publishId, signal);
          if (renewed !== 'ok') return { kind: 'stop' };
          attempt--;
          continue;
        }
        case 'session-ended':
          this.sessionEnded(id, { ...SESSION_ENDED_ERROR, tiktokLogId: error.tiktokLogId });
          return { kind: 'stop' };
        case 'fail':
          this.fail(id, error, { resumable: false });
          return { kind: 'stop' };
      }
    }
  }

  /**
   * The proxy seals an upload session for the token that created it. After a reload that followed
   * a token refresh the page only has the new token, so it asks the proxy to re-bind the session;
   * the proxy checks with TikTok that the token belongs to the post's creator. Same deadline.
   */
  private async rebindSession(id: string, publishId: string, signal: AbortSignal): Promise<'ok' | 'stopped'> {
    const upload = this.record(id)?.upload;
    if (!upload) return 'stopped';
    try {
      const accessToken = await this.currentToken();
      const renewed = await reportingRejection(this.tokens, accessToken, (token) =>
        this.transport.renewSession({ publishId, uploadSession: upload.uploadSession }, { accessToken: token, signal }),
      );
      if (signal.aborted) return 'stopped';
      this.runtime(id).boundToken = accessToken;
      this.update(id, { upload: { ...upload, uploadSession: renewed.uploadSession, expiresAt: renewed.expiresAt } });
      return 'ok';
    } catch (error) {
      if (signal.aborted) return 'stopped';
      if (isApiError(error) && error.status === 401) {
        this.sessionEnded(id, { ...SESSION_ENDED_ERROR, tiktokLogId: error.tiktokLogId ?? null });
        return 'stopped';
      }
      // Worth trying again later only if nothing was decided (the network, TikTok busy).
      this.fail(id, toJobError(error), { resumable: isApiError(error) && error.retryable });
      return 'stopped';
    }
  }

  private finalChunkFullySent(record: JobRecord, runtime: Runtime): boolean {
    if (record.state !== 'uploading' || !record.upload || runtime.chunkIndex === null) return false;
    if (runtime.chunkIndex !== record.upload.chunkCount - 1) return false;
    return runtime.loadedInChunk >= chunkRange(record.upload, runtime.chunkIndex).length;
  }

  // ── Status tracking ───────────────────────────────────────────────────────────────────────────

  private toProcessing(id: string): void {
    this.update(id, { state: 'processing', processingSince: this.now(), error: null, resumable: false });
    this.files.delete(id);
    this.startPolling(id);
  }

  private startPolling(id: string): void {
    if (this.pollers.has(id) || this.disposed) return;
    const controller = new AbortController();
    this.pollers.set(id, controller);
    void this.poll(id, controller.signal).finally(() => {
      if (this.pollers.get(id) === controller) this.pollers.delete(id);
    });
  }

  private async poll(id: string, signal: AbortSignal): Promise<void> {
    let failures = 0;
    let delay = this.timing.pollIntervalMs;
    for (;;) {
      try {
        await sleep(delay, signal);
        await this.statusSlot(signal);
      } catch {
        return;
      }
      const record = this.record(id);
      if (!record?.upload) return;
      let status: PublishStatus;
      try {
        const accessToken = await this.currentToken();
        const { publishId } = record.upload;
        status = await reportingRejection(this.tokens, accessToken, (token) =>
          this.transport.status(publishId, { accessToken: token, signal }),
        );
      } catch (error) {
        if (signal.aborted) return;
        failures++;
        const sessionEnded = isApiError(error) && (error.status === 401 || error.code === 'UNAUTHENTICATED');
        if (isApiError(error) && !error.retryable && !sessionEnded && error.code !== 'RATE_LIMITED') {
          // E.g. TikTok no longer knows this publish id: asking again won't change the answer.
          this.update(id, { state: 'unknown', error: toJobError(error), awaitingPostLink: false });
          return;
        }
        // Passing trouble, or a signed-out creator who may connect again: keep asking, slower and slower.
        delay = Math.max(
          retryAfterOf(error),
          this.timing.pollIntervalMs +
            backoffDelayMs(
              failures,
              { baseMs: this.timing.pollIntervalMs, capMs: this.timing.statusErrorCapMs, maxAttempts: Infinity },
              this.random,
            ),
        );
        this.setRetry(id, {
          kind: 'status',
          chunkIndex: null,
          chunkCount: null,
          attempt: failures + 1,
          maxAttempts: null,
          nextAttemptAt: this.now() + delay,
          message: sessionEnded ? SESSION_ENDED_ERROR.message.split('.')[0] + '.' : toJobError(error).message,
        });
        continue;
      }
      if (signal.aborted) return;
      failures = 0;
      this.runtime(id).retry = null;
      for (const listener of this.statusListeners) listener(record.upload.publishId, status);
      if (this.applyStatus(id, status)) {
        this.emit();
        return;
      }
      delay = this.record(id)?.state === 'published' ? this.timing.postLinkPollIntervalMs : this.timing.pollIntervalMs;
    }
  }

  /** Applies one status answer; true when tracking is over. */
  private applyStatus(id: string, status: PublishStatus): boolean {
    const record = this.record(id);
    if (!record) return true;
    const now = this.now();
    switch (status.status) {
      case 'FAILED':
        this.update(id, {
          state: 'failed',
          lastStatus: status.status,
          failReason: status.failReason ?? 'unknown',
          awaitingPostLink: false,
          // TikTok's log id of the answer that says FAILED: what its support asks for. The creator
          // reads the fail reason's words (describe-job.ts); this is for the diagnostics.
          error: {
            code: 'PUBLISH_FAILED',
            message: 'TikTok did not publish this video.',
            tiktokLogId: status.tiktokLogId ?? null,
          },
        });
        return true;
      case 'SEND_TO_USER_INBOX':
        // The creator finishes the post in the TikTok app, maybe days later. Polling on would burn
        // the shared 30/min status budget for nothing the page can act on, so tracking ends here.
        this.update(id, { state: 'inbox', lastStatus: status.status });
        return true;
      case 'PUBLISH_COMPLETE': {
        const postId = status.postIds[0];
        const postUrl =
          postId && record.creatorUsername
            ? `https://www.tiktok.com/@${encodeURIComponent(record.creatorUsername)}/video/${postId}`
            : null;
        const publishedAt = record.publishedAt ?? now;
        const awaitingPostLink = !postUrl && record.expectsPostLink && now - publishedAt < this.timing.postLinkWindowMs;
        this.update(id, { state: 'published', lastStatus: status.status, postUrl, publishedAt, awaitingPostLink });
        return !awaitingPostLink;
      }
      default: {
        if (now - (record.processingSince ?? now) >= this.timing.processingTimeoutMs) {
          this.update(id, {
            state: 'unknown',
            lastStatus: status.status,
            error: {
              code: 'PROCESSING_TIMEOUT',
              message: `TikTok was still processing this video after ${Math.round(this.timing.processingTimeoutMs / 60_000)} minutes, so we stopped checking.`,
              tiktokLogId: null,
            },
          });
          return true;
        }
        if (record.lastStatus !== status.status) this.update(id, { lastStatus: status.status });
        return false;
      }
    }
  }

  /** Spaces status requests of all jobs so that together they stay inside TikTok's 30/min. */
  private async statusSlot(signal: AbortSignal): Promise<void> {
    const now = this.now();
    const at = Math.max(now, this.nextStatusSlotAt);
    this.nextStatusSlotAt = at + this.timing.statusMinGapMs;
    if (at > now) await sleep(at - now, signal);
  }

  // ── State helpers ─────────────────────────────────────────────────────────────────────────────

  private record(id: string): JobRecord | undefined {
    return this.records.find((job) => job.id === id);
  }

  private runtime(id: string): Runtime {
    let runtime = this.runtimes.get(id);
    if (!runtime) {
      runtime = {
        controller: null,
        boundToken: null,
        meter: new ProgressMeter(),
        chunkIndex: null,
        loadedInChunk: 0,
        retry: null,
        lastEmitAt: 0,
        emitTimer: null,
        cancelRequested: false,
      };
      this.runtimes.set(id, runtime);
    }
    return runtime;
  }

  private update(id: string, patch: Partial<JobRecord>): void {
    this.records = this.records.map((job) => (job.id === id ? { ...job, ...patch } : job));
    this.commit();
  }

  private setRetry(id: string, retry: UploadRetryInfo): void {
    this.runtime(id).retry = retry;
    if (retry.kind === 'status') this.emit();
    else this.update(id, { state: 'retrying' });
  }

  private fail(id: string, error: UploadJobError, { resumable }: { resumable: boolean }): void {
    this.runtime(id).retry = null;
    this.update(id, { state: 'failed', error, resumable: resumable && Boolean(this.record(id)?.upload) });
    if (!resumable) this.files.delete(id);
  }

  /** A token valid now from the creator's session; UNAUTHENTICATED when they are signed out. */
  private async currentToken(): Promise<string> {
    const token = await this.tokens.getAccessToken();
    if (!token) throw signedOutError();
    return token;
  }

  /** The creator is signed out: the job waits, resumable, for them to connect and pick the file. */
  private sessionEnded(id: string, error: UploadJobError): void {
    this.runtime(id).retry = null;
    this.update(id, { state: 'needs-file', needsFileReason: 'session-ended', resumable: true, error });
  }

  private markCancelled(id: string): void {
    this.runtime(id).retry = null;
    this.files.delete(id);
    this.update(id, { state: 'cancelled', resumable: false, needsFileReason: null, notice: null });
  }

  /** Progress events come many times a second; the UI needs a few updates a second at most. */
  private emitProgress(runtime: Runtime): void {
    const wait = runtime.lastEmitAt + this.timing.progressEmitMs - this.now();
    if (wait <= 0) {
      this.emit();
      return;
    }
    runtime.emitTimer ??= setTimeout(() => {
      runtime.emitTimer = null;
      this.emit();
    }, wait);
  }

  private commit(): void {
    this.persist();
    this.emit();
  }

  private persist(): void {
    // A disposed engine (the page going away, a test's reset) must not overwrite what the next one reads.
    if (this.disposed) return;
    saveJobs(this.storage, this.records, this.owner);
  }

  private emit(): void {
    if (this.disposed) return;
    this.rebuildSnapshot();
    for (const listener of this.listeners) listener();
  }

  private rebuildSnapshot(): void {
    const now = this.now();
    this.snapshot = this.records.map((record) => {
      const runtime = this.runtimes.get(record.id);
      if (runtime) runtime.lastEmitAt = now;
      return toView(record, runtime);
    });
  }
}

function toView(record: JobRecord, runtime: Runtime | undefined): UploadJobView {
  const total = record.file.size;
  let sent = 0;
  if (['processing', 'published', 'inbox'].includes(record.state)) sent = total;
  else if (record.upload) {
    sent = bytesInFirstChunks(record.upload, record.acknowledgedChunks);
    if (record.state === 'uploading' && runtime?.chunkIndex === record.acknowledgedChunks)
      sent += runtime.loadedInChunk;
  }
  sent = Math.min(sent, total);
  const uploading = record.state === 'uploading' && runtime !== undefined;
  const bytesPerSecond = uploading ? runtime.meter.bytesPerSecond() : null;
  return {
    id: record.id,
    fileName: record.file.name,
    size: total,
    mode: record.mode,
    state: record.state,
    progress: {
      sentBytes: sent,
      totalBytes: total,
      bytesPerSecond,
      secondsLeft: uploading ? runtime.meter.secondsLeft(total, sent) : null,
    },
    chunk:
      record.upload &&
      runtime?.chunkIndex !== null &&
      runtime?.chunkIndex !== undefined &&
      ['uploading', 'retrying'].includes(record.state)
        ? { index: runtime.chunkIndex, count: record.upload.chunkCount }
        : null,
    retry: runtime?.retry ?? null,
    publishId: record.upload?.publishId ?? null,
    postUrl: record.postUrl,
    awaitingPostLink: record.awaitingPostLink,
    error: record.error,
    failReason: record.failReason,
    needsFileReason: record.state === 'needs-file' ? record.needsFileReason : null,
    resumable: record.state === 'needs-file' || (record.state === 'failed' && record.resumable),
    expiresAt: record.upload?.expiresAt ?? null,
    notice: record.notice,
    createdAt: record.createdAt,
  };
}

function fingerprintOf(record: JobRecord): FileFingerprint {
  const { name, size, lastModified, headSha256 } = record.file;
  return { name, size, lastModified, headSha256 };
}

export function mimeTypeOf(file: Pick<File, 'name' | 'type'>): VideoMimeType | null {
  if ((VIDEO_MIME_TYPES as readonly string[]).includes(file.type)) return file.type as VideoMimeType;
  // Some systems leave `type` empty for .mov and friends; the proxy checks the real bytes anyway.
  return videoMimeTypeOfName(file.name);
}

function validateInput(input: UploadJobInput): string | null {
  if (input.file.size <= 0) return 'This file is empty.';
  if (input.file.size > MAX_VIDEO_BYTES) return 'TikTok accepts videos up to 4 GB.';
  if (!mimeTypeOf(input.file)) return 'Choose an MP4, MOV or WebM video.';
  if (input.mode === 'direct' && !PostSettingsSchema.safeParse(input.post).success) {
    return 'The post settings are missing or incomplete.';
  }
  return null;
}

function buildInitRequest(record: JobRecord): CreateUploadRequest {
  const mimeType = mimeTypeOf({ name: record.file.name, type: record.file.type }) ?? 'video/mp4';
  if (record.mode === 'direct') {
    return { mode: 'direct', videoSize: record.file.size, mimeType, post: record.post as PostSettings };
  }
  return { mode: 'draft', videoSize: record.file.size, mimeType };
}

function planFits(plan: ChunkPlan, fileSize: number): boolean {
  return (
    plan.videoSize === fileSize &&
    plan.chunkCount >= 1 &&
    plan.chunkSize >= 1 &&
    plan.chunkSize * (plan.chunkCount - 1) < plan.videoSize
  );
}

function toJobError(error: unknown): UploadJobError {
  if (isApiError(error)) return { code: error.code, message: error.message, tiktokLogId: error.tiktokLogId ?? null };
  if (error instanceof UploadStallError) return { code: 'UPLOAD_STALLED', message: error.message, tiktokLogId: null };
  return { code: 'INTERNAL', message: 'Something went wrong in the upload.', tiktokLogId: null };
}

/** A timer that an abort cuts short (rejecting with the signal's reason). */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
