import type { PostSettings, PublishStatus } from '@content-studio/contract';
import type { UploadJobError } from './upload-types';
import { t } from '@/lib/i18n';

/**
 * The upload job as a state machine: every state a job can be in, every event that moves it, and
 * `transition`, the only code that changes a job's state. It is pure (no timers, no requests, no
 * clock of its own: times come in with the events), so the whole table is tested without fakes;
 * the engine's effect runners (init, chunk attempts, the status poller) only report what happened
 * (docs/decisions/020-upload-job-state-machine.md). The diagram in ../README.md is this table.
 */

/** Nothing exists at TikTok yet: these states hold no publish id. */
export const PRE_INIT_STATES = ['queued', 'initializing', 'init-backoff', 'needs-file'] as const;
/** TikTok holds a post for this video: these states always hold its publish id and session. */
export const HELD_STATES = [
  'resume-queued',
  'uploading',
  'chunk-backoff',
  'paused',
  'processing',
  'awaiting-link',
  'published',
  'inbox',
] as const;
/** The end: with or without a publish id, depending on how far the job got. */
export const FINAL_STATES = ['failed', 'cancelled', 'unknown'] as const;
export const JOB_STATES = [...PRE_INIT_STATES, ...HELD_STATES, ...FINAL_STATES] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Why a job waits for the creator to pick its file again. */
export type WaitReason = 'reload-before-start' | 'reload-mid-upload' | 'session-ended' | 'gave-up';

export interface UploadPlan {
  publishId: string;
  uploadSession: string;
  videoSize: number;
  chunkSize: number;
  chunkCount: number;
  expiresAt: number;
}

interface JobData {
  id: string;
  mode: 'direct' | 'draft';
  createdAt: number;
  file: { name: string; size: number; lastModified: number; type: string; headSha256: string };
  /** The creator's choices for a direct post, so a job queued before a reload starts with them. */
  post: PostSettings | null;
  creatorUsername: string | null;
  /** A public direct post: TikTok hands out its post id (for the link) after moderation. */
  expectsPostLink: boolean;
  /** Chunks go in order, so "how many are acknowledged" is the whole progress. */
  acknowledgedChunks: number;
  lastStatus: PublishStatus['status'] | null;
  processingSince: number | null;
  publishedAt: number | null;
  postUrl: string | null;
  failReason: string | null;
  error: UploadJobError | null;
  /** Set in `needs-file` and `paused` only. */
  waitReason: WaitReason | null;
  notice: string | null;
}

/** What a job knows of its upload before the first init: nothing yet. Every new job starts from it. */
export const NOT_STARTED = {
  upload: null,
  acknowledgedChunks: 0,
  lastStatus: null,
  processingSince: null,
  publishedAt: null,
  postUrl: null,
  failReason: null,
  waitReason: null,
  notice: null,
} as const satisfies Partial<JobData> & { upload: null };

/** A job: its state, and a publish id exactly when the state says TikTok holds a post. */
export type JobRecord =
  | (JobData & { state: (typeof PRE_INIT_STATES)[number]; upload: null })
  | (JobData & { state: (typeof HELD_STATES)[number]; upload: UploadPlan })
  | (JobData & { state: (typeof FINAL_STATES)[number]; upload: UploadPlan | null });

type Narrow<R, S> = R extends { state: infer T } ? ([S] extends [T] ? R & { state: S } : never) : never;
/** A record known to be in state `S`, with the data that state guarantees (a publish id, say). */
export type RecordIn<S extends JobState> = Narrow<JobRecord, S>;

export type JobEvent =
  /** The job's turn came and the init request leaves now; stored BEFORE it is sent. */
  | { type: 'init-sent' }
  | { type: 'init-created'; upload: UploadPlan }
  /** A definite "no" (a 4xx, TikTok's own refusal): nothing was created. */
  | { type: 'init-refused'; error: UploadJobError }
  /** A 429: nothing was created, ask again after the wait. */
  | { type: 'init-rate-limited' }
  /** No answer, a timeout, a 5xx, an unreadable 2xx: a post may exist that we will never see. */
  | { type: 'init-lost'; error: UploadJobError }
  /** No token, or the proxy refused it (401): the creator must connect again. */
  | { type: 'signed-out'; error: UploadJobError }
  | { type: 'chunk-sending' }
  | { type: 'chunk-acknowledged'; index: number }
  /** TikTok's own count of what it holds (409 out of sync): continue from there. */
  | { type: 'resynced'; acknowledgedChunks: number }
  | { type: 'chunk-retry-scheduled' }
  /** Six attempts failed for passing reasons: TikTok keeps the upload, the creator can go on. */
  | { type: 'gave-up'; error: UploadJobError }
  /** The upload can't go on: TikTok wants a new post, or a refusal nothing can mend. */
  | { type: 'upload-refused'; error: UploadJobError }
  | { type: 'upload-expired'; error: UploadJobError }
  | { type: 'file-missing' }
  | { type: 'session-renewed'; uploadSession: string; expiresAt: number }
  | { type: 'chunks-done'; at: number }
  | { type: 'status'; status: PublishStatus; at: number }
  /** TikTok no longer knows the publish id, or gave up: asking again won't change the answer. */
  | { type: 'status-lost'; error: UploadJobError }
  | { type: 'processing-timed-out'; error: UploadJobError }
  | { type: 'link-window-over' }
  | { type: 'cancel' }
  /** Cancel asked for once the last chunk has fully gone out: the answer decides. */
  | { type: 'cancel-deferred' }
  | { type: 'cancel-too-late' }
  | { type: 'file-provided' }
  /** The page loaded again: what was in flight is gone. `at` decides whether the hour ran out. */
  | { type: 'reloaded'; at: number };

export type JobEventType = JobEvent['type'];
export type EventOf<E extends JobEventType> = Extract<JobEvent, { type: E }>;

type Handler<S extends JobState, E extends JobEventType> = (record: RecordIn<S>, event: EventOf<E>) => JobRecord;
type StateTable<S extends JobState> = { [E in JobEventType]?: Handler<S, E> };
type Table = { [S in JobState]: StateTable<S> };

// Words stored with a job are made when the job changes, in the creator's language of that moment.
export const expiredError = (): UploadJobError => ({
  code: 'UPLOAD_SESSION_EXPIRED',
  message: t('upload.error.expired'),
  tiktokLogId: null,
});

const initUnknownAfterReload = (): UploadJobError => ({
  code: 'INIT_OUTCOME_UNKNOWN',
  message: t('upload.error.initUnknownAfterReload'),
  tiktokLogId: null,
});

// ── Building blocks: each returns a record of one named state ─────────────────────────────────

function cancelled(record: JobRecord): JobRecord {
  return { ...record, state: 'cancelled', waitReason: null, notice: null };
}

function failed(record: JobRecord, error: UploadJobError): JobRecord {
  return { ...record, state: 'failed', error, waitReason: null };
}

function needsFile(record: RecordIn<(typeof PRE_INIT_STATES)[number]>, waitReason: WaitReason): JobRecord {
  return { ...record, state: 'needs-file', waitReason };
}

function paused(record: JobRecord & { upload: UploadPlan }, waitReason: WaitReason, error?: UploadJobError) {
  return { ...record, state: 'paused', waitReason, ...(error ? { error } : {}) } satisfies JobRecord;
}

function expired(record: JobRecord, at: number): boolean {
  return record.upload !== null && at >= record.upload.expiresAt;
}

function postUrlOf(record: JobRecord, status: PublishStatus): string | null {
  const postId = status.postIds[0];
  return postId && record.creatorUsername
    ? `https://www.tiktok.com/@${encodeURIComponent(record.creatorUsername)}/video/${postId}`
    : null;
}

/** One status answer while TikTok processes, or while a published post waits for its id. */
function onStatus(record: RecordIn<'processing' | 'awaiting-link'>, { status, at }: EventOf<'status'>): JobRecord {
  switch (status.status) {
    case 'FAILED':
      // TikTok's log id of the answer that says FAILED: what its support asks for. The creator
      // reads the fail reason's words (describe-job.ts); this is for the diagnostics.
      return {
        ...record,
        state: 'failed',
        lastStatus: status.status,
        failReason: status.failReason ?? 'unknown',
        error: {
          code: 'PUBLISH_FAILED',
          message: t('upload.error.notPublished'),
          tiktokLogId: status.tiktokLogId ?? null,
        },
      };
    case 'SEND_TO_USER_INBOX':
      return { ...record, state: 'inbox', lastStatus: status.status };
    case 'PUBLISH_COMPLETE': {
      const postUrl = postUrlOf(record, status);
      const publishedAt = record.publishedAt ?? at;
      // TikTok hands out post ids only for public posts that passed moderation: wait for one.
      const state = !postUrl && record.expectsPostLink ? 'awaiting-link' : 'published';
      return { ...record, state, lastStatus: status.status, postUrl, publishedAt };
    }
    default:
      return record.lastStatus === status.status ? record : { ...record, lastStatus: status.status };
  }
}

/**
 * Every legal transition. A state × event pair that is not listed is impossible: `transition`
 * returns the record unchanged (an answer that arrives after a cancel, say, changes nothing).
 */
const TABLE: Table = {
  queued: {
    'init-sent': (r) => ({ ...r, state: 'initializing', error: null }),
    'signed-out': (r, e) => ({ ...needsFile(r, 'session-ended'), error: e.error }),
    cancel: cancelled,
    reloaded: (r) => needsFile(r, 'reload-before-start'),
  },
  // The rule "never two inits for one video whose first init's outcome is unknown" is this row:
  // there is no way from here back to `queued`, and both a lost answer and a reload end in `unknown`.
  initializing: {
    'init-created': (r, e) => ({ ...r, state: 'uploading', upload: { ...e.upload }, acknowledgedChunks: 0 }),
    'init-refused': (r, e) => failed(r, e.error),
    'init-rate-limited': (r) => ({ ...r, state: 'init-backoff' }),
    'init-lost': (r, e) => ({ ...r, state: 'unknown', error: e.error }),
    'signed-out': (r, e) => ({ ...needsFile(r, 'session-ended'), error: e.error }),
    cancel: cancelled,
    reloaded: (r) => ({ ...r, state: 'unknown', error: initUnknownAfterReload() }),
  },
  'init-backoff': {
    'init-sent': (r) => ({ ...r, state: 'initializing', error: null }),
    'signed-out': (r, e) => ({ ...needsFile(r, 'session-ended'), error: e.error }),
    cancel: cancelled,
    // TikTok refused the init outright (429): nothing exists, starting again later is safe.
    reloaded: (r) => needsFile(r, 'reload-before-start'),
  },
  'needs-file': {
    'file-provided': (r) => ({ ...r, state: 'queued', error: null, waitReason: null, notice: null }),
    cancel: cancelled,
  },
  'resume-queued': {
    'chunk-sending': (r) => ({ ...r, state: 'uploading' }),
    'file-missing': (r) => paused(r, 'reload-mid-upload'),
    'upload-expired': (r, e) => failed(r, e.error),
    'signed-out': (r, e) => paused(r, 'session-ended', e.error),
    cancel: cancelled,
    reloaded: (r, e) => (expired(r, e.at) ? failed(r, expiredError()) : paused(r, 'reload-mid-upload')),
  },
  uploading: {
    'chunk-sending': (r) => r,
    'chunk-acknowledged': (r, e) => (e.index === r.acknowledgedChunks ? { ...r, acknowledgedChunks: e.index + 1 } : r),
    resynced: (r, e) => ({ ...r, acknowledgedChunks: Math.min(e.acknowledgedChunks, r.upload.chunkCount) }),
    'chunk-retry-scheduled': (r) => ({ ...r, state: 'chunk-backoff' }),
    'gave-up': (r, e) => paused(r, 'gave-up', e.error),
    'upload-refused': (r, e) => failed(r, e.error),
    'upload-expired': (r, e) => failed(r, e.error),
    'file-missing': (r) => paused(r, 'reload-mid-upload'),
    'session-renewed': (r, e) => ({
      ...r,
      upload: { ...r.upload, uploadSession: e.uploadSession, expiresAt: e.expiresAt },
    }),
    'signed-out': (r, e) => paused(r, 'session-ended', e.error),
    'chunks-done': (r, e) => ({
      ...r,
      state: 'processing',
      acknowledgedChunks: r.upload.chunkCount,
      processingSince: e.at,
      error: null,
    }),
    cancel: cancelled,
    'cancel-deferred': (r) => ({ ...r, notice: t('upload.notice.cancelling') }),
    'cancel-too-late': (r) => ({
      ...r,
      notice: r.mode === 'draft' ? t('upload.notice.tooLateDraft') : t('upload.notice.tooLateDirect'),
    }),
    reloaded: (r, e) => (expired(r, e.at) ? failed(r, expiredError()) : paused(r, 'reload-mid-upload')),
  },
  'chunk-backoff': {
    'chunk-sending': (r) => ({ ...r, state: 'uploading' }),
    'gave-up': (r, e) => paused(r, 'gave-up', e.error),
    'upload-refused': (r, e) => failed(r, e.error),
    'signed-out': (r, e) => paused(r, 'session-ended', e.error),
    cancel: cancelled,
    reloaded: (r, e) => (expired(r, e.at) ? failed(r, expiredError()) : paused(r, 'reload-mid-upload')),
  },
  paused: {
    'file-provided': (r) => ({ ...r, state: 'resume-queued', error: null, waitReason: null, notice: null }),
    'upload-expired': (r, e) => failed(r, e.error),
    cancel: cancelled,
    reloaded: (r, e) => (expired(r, e.at) ? failed(r, expiredError()) : r),
  },
  processing: {
    status: onStatus,
    'status-lost': (r, e) => ({ ...r, state: 'unknown', error: e.error }),
    'processing-timed-out': (r, e) => ({ ...r, state: 'unknown', error: e.error }),
  },
  'awaiting-link': {
    status: onStatus,
    'status-lost': (r, e) => ({ ...r, state: 'unknown', error: e.error }),
    'link-window-over': (r) => ({ ...r, state: 'published' }),
  },
  published: {},
  inbox: {},
  failed: {},
  cancelled: {
    // Cancelled while the init was on its way: keep the publish id TikTok handed out, for the
    // diagnostics; the job stays cancelled and nothing more is sent.
    'init-created': (r, e) => (r.upload ? r : { ...r, upload: { ...e.upload } }),
  },
  unknown: {},
};

/** The one way a job's state changes; an impossible event leaves the record as it is (same object). */
export function transition(record: JobRecord, event: JobEvent): JobRecord {
  const handler = (TABLE[record.state] as StateTable<JobState>)[event.type] as
    ((record: JobRecord, event: JobEvent) => JobRecord) | undefined;
  return handler ? handler(record, event) : record;
}

/** Whether `event` is legal in `state` (for the table test and the README). */
export function allows(state: JobState, type: JobEventType): boolean {
  return TABLE[state][type] !== undefined;
}

/** Waiting for the creator to pick the file again (before or after TikTok holds part of it). */
export function waitsForFile(record: JobRecord): boolean {
  return record.state === 'needs-file' || record.state === 'paused';
}

/** Sending, or about to: an in-flight request belongs to it. */
export function isActive(record: JobRecord): boolean {
  return (
    record.state === 'initializing' ||
    record.state === 'init-backoff' ||
    record.state === 'uploading' ||
    record.state === 'chunk-backoff'
  );
}
