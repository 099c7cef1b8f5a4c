import {
  bytesInFirstChunks,
  chunkRange,
  chunksCoveredBy,
  isChunkPlanOf,
  PREFERRED_BROWSER_CHUNK_BYTES,
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
import { sendChunkAttempt, sleep, type ChunkAttemptTiming } from './chunk-attempt';
import { fingerprintFile, matchFile, type FileFingerprint, type FileMatch } from './file-fingerprint';
import {
  expiredError,
  isActive,
  NOT_STARTED,
  transition,
  waitsForFile,
  type JobEvent,
  type JobRecord,
  type UploadPlan,
} from './job-machine';
import { loadJobs, saveJobs, type KeyValueStorage } from './job-store';
import { ProgressMeter } from './progress-meter';
import {
  backoffDelayMs,
  CHUNK_RETRY,
  classifyChunkError,
  initDefinitelyFailed,
  UploadStallError,
} from './retry-policy';
import { StatusSlot } from './status-slot';
import type {
  UploadJobError,
  UploadJobInput,
  UploadJobState,
  UploadJobView,
  UploadRetryInfo,
  UploadTransport,
} from './upload-types';
import { creatorMessage } from '@/lib/api-error-text';
import { formatBytes } from '@/lib/format-bytes';
import { t } from '@/lib/i18n';

export interface EngineTiming extends ChunkAttemptTiming {
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

const sessionEndedError = (): UploadJobError => ({
  code: 'TIKTOK_TOKEN_INVALID',
  message: t('upload.error.sessionEnded'),
  tiktokLogId: null,
});

type ChunkOutcome = { kind: 'done'; complete: boolean } | { kind: 'resync'; uploadedBytes: number } | { kind: 'stop' };

/**
 * The browser side of the resumable upload: a queue that sends one video at a time, chunk by
 * chunk, then tracks TikTok's processing. The class is the store `useSyncExternalStore` reads; a
 * job's state changes only through `transition` (job-machine.ts), fed by the effect runners below:
 * the queue pump, the init, the chunk loop (one attempt at a time, see chunk-attempt.ts) and the
 * status poller. Every step TikTok can see is stored before (init) or right after (publish id,
 * acknowledged chunks) it happens, so no reload, lost answer or status error ever leads to a
 * second init for the same video (docs/requirements/security-reliability.md#no-duplicate-posts).
 */
export class UploadEngine {
  private records: JobRecord[];
  private readonly files = new Map<string, File>();
  private readonly runtimes = new Map<string, Runtime>();
  private readonly pollers = new Map<string, AbortController>();
  private readonly listeners = new Set<() => void>();
  private snapshot: UploadJobView[] = [];
  private running: string | null = null;
  private started = false;
  private disposed = false;

  private readonly transport: UploadTransport;
  private readonly storage: KeyValueStorage | null;
  private readonly tokens: AccessTokenSource;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly fingerprint: (file: File) => Promise<FileFingerprint>;
  private readonly createId: () => string;
  private readonly timing: EngineTiming;
  private readonly statusSlot: StatusSlot;
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
    this.statusSlot = new StatusSlot(this.timing.statusMinGapMs, this.now);
    this.owner = options.owner;
    const at = this.now();
    this.records = loadJobs(this.storage, this.owner).map((record) => transition(record, { type: 'reloaded', at }));
    this.persist();
    this.rebuildSnapshot();
  }

  // ── Public surface ────────────────────────────────────────────────────────────────────────────

  /** Resumes status polling of restored jobs and starts the queue. Safe to call more than once. */
  start(): void {
    if (this.started || this.disposed) return;
    this.started = true;
    for (const record of this.records) {
      if (record.state === 'processing' || record.state === 'awaiting-link') this.startPolling(record.id);
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
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): UploadJobView[] => this.snapshot;

  enqueue = async (input: UploadJobInput): Promise<string> => {
    const id = this.createId();
    let problem = validateInput(input);
    let fingerprint: FileFingerprint;
    try {
      fingerprint = await this.fingerprint(input.file);
    } catch {
      // E.g. the file was moved or deleted after it was picked: show it as failed rather than throw.
      problem ??= t('upload.error.unreadable');
      fingerprint = {
        name: input.file.name,
        size: input.file.size,
        lastModified: input.file.lastModified,
        headSha256: '0'.repeat(64),
      };
    }
    const post = input.mode === 'direct' ? (input.post ?? null) : null;
    const data = {
      id,
      mode: input.mode,
      createdAt: this.now(),
      file: { ...fingerprint, type: input.file.type },
      post,
      creatorUsername: input.creatorUsername ?? null,
      // TikTok hands out post ids only for public posts that passed moderation (docs/requirements/tiktok-rules.md#post-status).
      expectsPostLink:
        input.mode === 'direct' && post?.privacyLevel === 'PUBLIC_TO_EVERYONE' && Boolean(input.creatorUsername),
      ...NOT_STARTED,
    };
    const record: JobRecord = problem
      ? { ...data, state: 'failed', error: { code: 'VALIDATION_FAILED', message: problem, tiktokLogId: null } }
      : { ...data, state: 'queued', error: null };
    if (!problem) this.files.set(id, input.file);
    this.records = [...this.records, record];
    this.commit();
    this.pump();
    return id;
  };

  cancel = (id: string): void => {
    const record = this.record(id);
    if (!record) return;
    const runtime = this.runtime(id);
    if (this.finalChunkFullySent(record, runtime)) {
      // Every byte already left: TikTok may be completing the upload right now. Aborting would only
      // hide the outcome, so wait for the answer and report it honestly.
      runtime.cancelRequested = true;
      this.dispatch(id, { type: 'cancel-deferred' });
      return;
    }
    if (!this.dispatch(id, { type: 'cancel' })) return;
    runtime.controller?.abort(new DOMException('Cancelled by the creator', 'AbortError'));
  };

  provideFile = async (id: string, file: File): Promise<FileMatch> => {
    const record = this.record(id);
    if (!record || !waitsForFile(record)) return { ok: false, reason: t('upload.error.notWaiting') };
    if (record.upload && this.now() >= record.upload.expiresAt) {
      this.dispatch(id, { type: 'upload-expired', error: expiredError() });
      return { ok: false, reason: expiredError().message };
    }
    const match = await matchFile(fingerprintOf(record), file, this.fingerprint);
    if (!match.ok) return match;
    // The record may have changed while the file was being read (cancelled, dismissed).
    const current = this.record(id);
    if (!current || !waitsForFile(current)) return { ok: false, reason: t('upload.error.notWaiting') };
    this.files.set(id, file);
    this.dispatch(id, { type: 'file-provided' });
    this.pump();
    return { ok: true };
  };

  dismiss = (id: string): void => {
    const record = this.record(id);
    if (!record) return;
    this.runtimes.get(id)?.controller?.abort(new DOMException('Dismissed', 'AbortError'));
    this.pollers.get(id)?.abort(new DOMException('Dismissed', 'AbortError'));
    this.pollers.delete(id);
    this.files.delete(id);
    this.runtimes.delete(id);
    this.records = this.records.filter((job) => job.id !== id);
    this.commit();
  };

  // ── The store: the one place records change ───────────────────────────────────────────────────

  /** Applies `event` to the job; false when the machine says it is impossible in its state. */
  private dispatch(id: string, event: JobEvent): boolean {
    const record = this.record(id);
    if (!record) return false;
    const next = transition(record, event);
    if (next === record) return false;
    this.records = this.records.map((job) => (job.id === id ? next : job));
    if (!isActive(next)) {
      const runtime = this.runtimes.get(id);
      if (runtime) runtime.retry = null;
    }
    // A file is kept only while the job may still send it.
    if (
      !isActive(next) &&
      next.state !== 'queued' &&
      next.state !== 'resume-queued' &&
      !(next.state === 'paused' && next.waitReason === 'gave-up')
    ) {
      this.files.delete(id);
    }
    this.commit();
    return true;
  }

  // ── Effect runner: the queue pump ─────────────────────────────────────────────────────────────

  /** One upload at a time: TikTok wants chunks in order, and allows only 6 inits a minute. */
  private pump(): void {
    if (!this.started || this.disposed || this.running) return;
    const waiting = this.records.filter(
      (job) => (job.state === 'queued' || job.state === 'resume-queued') && this.files.has(job.id),
    );
    // An upload TikTok already holds part of goes first: its hour is running.
    const next = waiting.find((job) => job.state === 'resume-queued') ?? waiting[0];
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
      if (this.record(id)?.state === 'queued') {
        const initialized = await this.initialize(id, signal);
        if (!initialized) return;
      }
      await this.uploadChunks(id, signal);
    } catch (error) {
      if (signal.aborted || this.disposed) return;
      // A bug, not a TikTok answer: stop this job, keep what TikTok already holds resumable.
      console.error('Upload engine error', error);
      const internal: UploadJobError = {
        code: 'INTERNAL',
        message: t('upload.error.internalResume'),
        tiktokLogId: null,
      };
      if (!this.dispatch(id, { type: 'gave-up', error: internal })) {
        this.dispatch(id, { type: 'init-refused', error: internal });
      }
    }
  }

  // ── Effect runner: the init ───────────────────────────────────────────────────────────────────

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
        this.dispatch(id, { type: 'signed-out', error: isApiError(error) ? toJobError(error) : sessionEndedError() });
        return false;
      }
      if (signal.aborted) return false;
      // Stored BEFORE the request: if the page dies while it is in flight, the reload knows that an
      // init may exist and will not make another one.
      this.runtime(id).retry = null;
      if (!this.dispatch(id, { type: 'init-sent' })) return false;
      let created: CreateUploadResponse;
      try {
        created = await reportingRejection(this.tokens, accessToken, (token) =>
          this.transport.init(buildInitRequest(record), { accessToken: token, signal }),
        );
      } catch (error) {
        if (signal.aborted) return false;
        if (isApiError(error) && error.status === 401) {
          // The session is over (the token source has been told); a refused init created nothing.
          this.dispatch(id, {
            type: 'signed-out',
            error: { ...sessionEndedError(), tiktokLogId: error.tiktokLogId ?? null },
          });
          return false;
        }
        if (isApiError(error) && error.code === 'RATE_LIMITED' && attempt < this.timing.maxInitAttempts) {
          // A 429 is a definite "no": nothing was created, so asking again later is safe.
          const delay =
            Math.max(retryAfterOf(error), this.timing.initRateLimitMs) + backoffDelayMs(1, CHUNK_RETRY, this.random);
          this.runtime(id).retry = {
            kind: 'init',
            chunkIndex: null,
            chunkCount: null,
            attempt: attempt + 1,
            maxAttempts: this.timing.maxInitAttempts,
            nextAttemptAt: this.now() + delay,
            message: creatorMessage(error),
          };
          this.dispatch(id, { type: 'init-rate-limited' });
          try {
            await sleep(delay, signal);
          } catch {
            return false;
          }
          continue;
        }
        if (initDefinitelyFailed(error)) {
          this.dispatch(id, { type: 'init-refused', error: toJobError(error) });
        } else {
          this.dispatch(id, {
            type: 'init-lost',
            error: isApiError(error)
              ? toJobError(error)
              : {
                  code: 'INIT_OUTCOME_UNKNOWN',
                  message: t('upload.error.initLost'),
                  tiktokLogId: null,
                },
          });
        }
        return false;
      }
      // Stored the moment it is known: from here on this video has a post at TikTok.
      this.runtime(id).boundToken = accessToken;
      const upload = {
        publishId: created.publishId,
        uploadSession: created.uploadSession,
        videoSize: created.videoSize,
        chunkSize: created.chunkSize,
        chunkCount: created.chunkCount,
        expiresAt: created.expiresAt,
      };
      this.dispatch(id, { type: 'init-created', upload });
      if (signal.aborted) return false;
      if (!planFits(upload, record.file.size)) {
        this.dispatch(id, {
          type: 'upload-refused',
          error: {
            code: 'VIDEO_SIZE_MISMATCH',
            message: t('upload.error.sizeMismatch'),
            tiktokLogId: null,
          },
        });
        return false;
      }
      return true;
    }
  }

  // ── Effect runner: the chunk loop ─────────────────────────────────────────────────────────────

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
        this.dispatch(id, { type: 'upload-expired', error: expiredError() });
        return;
      }
      const outcome = await this.sendChunk(id, plan, index, signal);
      if (outcome.kind === 'stop') return;
      if (outcome.kind === 'done') {
        resyncs = 0;
        this.dispatch(id, { type: 'chunk-acknowledged', index });
        if (outcome.complete || index + 1 >= plan.chunkCount) {
          this.toProcessing(id);
          return;
        }
        continue;
      }
      // Out of sync: trust TikTok's count of what it holds, and go on from there (docs/requirements/security-reliability.md#chunk-retry).
      resyncs++;
      if (resyncs > this.timing.maxResyncs) {
        this.dispatch(id, {
          type: 'upload-refused',
          error: {
            code: 'UPLOAD_OUT_OF_SYNC',
            message: t('upload.error.outOfSync'),
            tiktokLogId: null,
          },
        });
        return;
      }
      this.runtime(id).meter.reset();
      this.dispatch(id, {
        type: 'resynced',
        acknowledgedChunks: chunksCoveredBy(plan, plan.videoSize, outcome.uploadedBytes),
      });
    }
  }

  private async sendChunk(id: string, plan: UploadPlan, index: number, signal: AbortSignal): Promise<ChunkOutcome> {
    const range = chunkRange(plan, plan.videoSize, index);
    const runtime = this.runtime(id);
    let rebound = false;
    for (let attempt = 1; ; attempt++) {
      const file = this.files.get(id);
      if (!file) {
        this.dispatch(id, { type: 'file-missing' });
        return { kind: 'stop' };
      }
      runtime.chunkIndex = index;
      runtime.loadedInChunk = 0;
      runtime.retry = null;
      if (!this.dispatch(id, { type: 'chunk-sending' })) this.emit();
      if (this.record(id)?.state !== 'uploading') return { kind: 'stop' };

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
        const base = bytesInFirstChunks(plan, plan.videoSize, index);
        try {
          const response = await reportingRejection(this.tokens, accessToken, (token) =>
            sendChunkAttempt({
              transport: this.transport,
              input: {
                publishId: plan.publishId,
                // Re-read each attempt: a re-bind (below) replaces the session mid-chunk.
                uploadSession: this.record(id)?.upload?.uploadSession ?? '',
                index,
                body: file.slice(range.start, range.end + 1),
                accessToken: token,
              },
              timing: this.timing,
              now: this.now,
              onProgress: (loaded) => {
                runtime.loadedInChunk = loaded;
                runtime.meter.record(this.now(), base + loaded);
                this.emitProgress(runtime);
              },
              signal,
            }),
          );
          if (signal.aborted) return { kind: 'stop' };
          runtime.loadedInChunk = range.length;
          if (runtime.cancelRequested) this.dispatch(id, { type: 'cancel-too-late' });
          return { kind: 'done', complete: response.complete };
        } catch (error) {
          failure = error;
        }
      }
      if (signal.aborted) return { kind: 'stop' };
      if (runtime.cancelRequested) {
        this.dispatch(id, { type: 'cancel' });
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
            this.dispatch(id, { type: 'gave-up', error });
            return { kind: 'stop' };
          }
          const delay = Math.max(backoffDelayMs(attempt, CHUNK_RETRY, this.random), action.retryAfterMs);
          runtime.retry = {
            kind: 'chunk',
            chunkIndex: index,
            chunkCount: plan.chunkCount,
            attempt: attempt + 1,
            maxAttempts: CHUNK_RETRY.maxAttempts,
            nextAttemptAt: this.now() + delay,
            message: error.message,
          };
          this.dispatch(id, { type: 'chunk-retry-scheduled' });
          try {
            await sleep(delay, signal);
          } catch {
            return { kind: 'stop' };
          }
          continue;
        }
        case 'resync':
          return { kind: 'resync', uploadedBytes: action.uploadedBytes };
        case 'rebind': {
          // Once per chunk: a second refusal means the session is not ours to mend.
          if (rebound || !accessToken) {
            this.dispatch(id, { type: 'upload-refused', error });
            return { kind: 'stop' };
          }
          rebound = true;
          const renewed = await this.rebindSession(id, plan.publishId, signal);
          if (renewed !== 'ok') return { kind: 'stop' };
          attempt--;
          continue;
        }
        case 'session-ended':
          this.dispatch(id, { type: 'signed-out', error: { ...sessionEndedError(), tiktokLogId: error.tiktokLogId } });
          return { kind: 'stop' };
        case 'restart':
        case 'fail':
          this.dispatch(id, { type: 'upload-refused', error });
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
      this.dispatch(id, {
        type: 'session-renewed',
        uploadSession: renewed.uploadSession,
        expiresAt: renewed.expiresAt,
      });
      return 'ok';
    } catch (error) {
      if (signal.aborted) return 'stopped';
      const jobError = toJobError(error);
      if (isApiError(error) && error.status === 401) {
        this.dispatch(id, { type: 'signed-out', error: { ...sessionEndedError(), tiktokLogId: jobError.tiktokLogId } });
      } else if (isApiError(error) && error.retryable) {
        // Nothing was decided (the network, TikTok busy): worth trying again later.
        this.dispatch(id, { type: 'gave-up', error: jobError });
      } else {
        this.dispatch(id, { type: 'upload-refused', error: jobError });
      }
      return 'stopped';
    }
  }

  private finalChunkFullySent(record: JobRecord, runtime: Runtime): boolean {
    if (record.state !== 'uploading' || runtime.chunkIndex === null) return false;
    if (runtime.chunkIndex !== record.upload.chunkCount - 1) return false;
    return runtime.loadedInChunk >= chunkRange(record.upload, record.upload.videoSize, runtime.chunkIndex).length;
  }

  // ── Effect runner: the status poller ──────────────────────────────────────────────────────────

  private toProcessing(id: string): void {
    if (this.dispatch(id, { type: 'chunks-done', at: this.now() })) this.startPolling(id);
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
      if (this.linkWindowOver(id)) return;
      try {
        await sleep(delay, signal);
        await this.statusSlot.take(signal);
      } catch {
        return;
      }
      if (this.linkWindowOver(id)) return;
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
          this.dispatch(id, { type: 'status-lost', error: toJobError(error) });
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
        this.runtime(id).retry = {
          kind: 'status',
          chunkIndex: null,
          chunkCount: null,
          attempt: failures + 1,
          maxAttempts: null,
          nextAttemptAt: this.now() + delay,
          message: sessionEnded ? t('upload.error.sessionEndedShort') : toJobError(error).message,
        };
        this.emit();
        continue;
      }
      if (signal.aborted) return;
      failures = 0;
      this.runtime(id).retry = null;
      const at = this.now();
      this.dispatch(id, { type: 'status', status, at });
      const after = this.record(id);
      if (after?.state === 'processing' && at - (after.processingSince ?? at) >= this.timing.processingTimeoutMs) {
        this.dispatch(id, {
          type: 'processing-timed-out',
          error: {
            code: 'PROCESSING_TIMEOUT',
            message: t('upload.error.processingTimeout', {
              minutes: Math.round(this.timing.processingTimeoutMs / 60_000),
            }),
            tiktokLogId: null,
          },
        });
      }
      const state = this.record(id)?.state;
      if (state !== 'processing' && state !== 'awaiting-link') {
        this.emit();
        return;
      }
      delay = state === 'awaiting-link' ? this.timing.postLinkPollIntervalMs : this.timing.pollIntervalMs;
    }
  }

  /** A public post waits for its link only so long; after that it is simply published. */
  private linkWindowOver(id: string): boolean {
    const record = this.record(id);
    if (record?.state !== 'awaiting-link') return false;
    if (this.now() - (record.publishedAt ?? 0) < this.timing.postLinkWindowMs) return false;
    this.dispatch(id, { type: 'link-window-over' });
    return true;
  }

  // ── Helpers ───────────────────────────────────────────────────────────────────────────────────

  /** A token valid now from the creator's session; UNAUTHENTICATED when they are signed out. */
  private async currentToken(): Promise<string> {
    const token = await this.tokens.getAccessToken();
    if (!token) throw signedOutError();
    return token;
  }

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

/** The UI's words for the machine's states (components/describe-job.ts speaks these). */
function viewState(record: JobRecord): UploadJobState {
  switch (record.state) {
    case 'resume-queued':
      return 'queued';
    case 'init-backoff':
    case 'chunk-backoff':
      return 'retrying';
    case 'paused':
      return record.waitReason === 'gave-up' ? 'failed' : 'needs-file';
    case 'awaiting-link':
      return 'published';
    default:
      return record.state;
  }
}

function toView(record: JobRecord, runtime: Runtime | undefined): UploadJobView {
  const total = record.file.size;
  const state = viewState(record);
  let sent = 0;
  if (['processing', 'published', 'inbox'].includes(state)) sent = total;
  else if (record.upload) {
    sent = bytesInFirstChunks(record.upload, record.upload.videoSize, record.acknowledgedChunks);
    if (record.state === 'uploading' && runtime?.chunkIndex === record.acknowledgedChunks)
      sent += runtime.loadedInChunk;
  }
  sent = Math.min(sent, total);
  const uploading = record.state === 'uploading' && runtime !== undefined;
  const bytesPerSecond = uploading ? runtime.meter.bytesPerSecond() : null;
  const waitReason = record.waitReason === 'gave-up' ? null : record.waitReason;
  return {
    id: record.id,
    fileName: record.file.name,
    size: total,
    mode: record.mode,
    state,
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
      (record.state === 'uploading' || record.state === 'chunk-backoff')
        ? { index: runtime.chunkIndex, count: record.upload.chunkCount }
        : null,
    retry: runtime?.retry ?? null,
    publishId: record.upload?.publishId ?? null,
    postUrl: record.postUrl,
    awaitingPostLink: record.state === 'awaiting-link',
    error: record.error,
    failReason: record.failReason,
    needsFileReason: state === 'needs-file' ? waitReason : null,
    resumable: waitsForFile(record),
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
  if (input.file.size <= 0) return t('upload.error.empty');
  if (input.file.size > MAX_VIDEO_BYTES) return t('upload.error.tooLarge', { max: formatBytes(MAX_VIDEO_BYTES) });
  if (!mimeTypeOf(input.file)) return t('upload.error.type');
  if (input.mode === 'direct' && !PostSettingsSchema.safeParse(input.post).success) {
    return t('upload.error.settings');
  }
  return null;
}

function buildInitRequest(record: JobRecord): CreateUploadRequest {
  const mimeType = mimeTypeOf({ name: record.file.name, type: record.file.type }) ?? 'video/mp4';
  // The largest chunks TikTok allows, so the fewest round trips between chunks (why, and what it
  // costs when a chunk fails: PREFERRED_BROWSER_CHUNK_BYTES in the contract). The proxy fits the
  // wish to the file; the plan it answers is the one followed.
  const source = { videoSize: record.file.size, mimeType, preferredChunkSize: PREFERRED_BROWSER_CHUNK_BYTES };
  if (record.mode === 'direct') return { mode: 'direct', ...source, post: record.post as PostSettings };
  return { mode: 'draft', ...source };
}

function planFits(plan: UploadPlan, fileSize: number): boolean {
  return plan.videoSize === fileSize && isChunkPlanOf(plan, fileSize);
}

function toJobError(error: unknown): UploadJobError {
  if (isApiError(error))
    return { code: error.code, message: creatorMessage(error), tiktokLogId: error.tiktokLogId ?? null };
  if (error instanceof UploadStallError) return { code: 'UPLOAD_STALLED', message: error.message, tiktokLogId: null };
  return { code: 'INTERNAL', message: t('upload.error.internal'), tiktokLogId: null };
}
