import type { PublishStatus } from '@content-studio/contract';
import { describe, expect, it } from 'vitest';
import { jobRecord, uploadPlan } from '../testing/job-record';
import {
  allows,
  expiredError,
  JOB_STATES,
  transition,
  type EventOf,
  type JobEvent,
  type JobEventType,
  type JobState,
} from './job-machine';

const AT = 1_800_000_500_000;
const error = { code: 'X', message: 'x', tiktokLogId: null };
const status = (value: PublishStatus['status'], postIds: string[] = []): PublishStatus => ({
  status: value,
  failReason: value === 'FAILED' ? 'frame_rate_check_failed' : null,
  postIds,
  uploadedBytes: 25,
});

/** One event of every type, as the effect runners would report it. */
const EVENTS: { [E in JobEventType]: EventOf<E> } = {
  'init-sent': { type: 'init-sent' },
  'init-created': { type: 'init-created', upload: uploadPlan() },
  'init-refused': { type: 'init-refused', error },
  'init-rate-limited': { type: 'init-rate-limited' },
  'init-lost': { type: 'init-lost', error },
  'signed-out': { type: 'signed-out', error },
  'chunk-sending': { type: 'chunk-sending' },
  'chunk-acknowledged': { type: 'chunk-acknowledged', index: 0 },
  resynced: { type: 'resynced', acknowledgedChunks: 1 },
  'chunk-retry-scheduled': { type: 'chunk-retry-scheduled' },
  'gave-up': { type: 'gave-up', error },
  'upload-refused': { type: 'upload-refused', error },
  'upload-expired': { type: 'upload-expired', error: expiredError() },
  'file-missing': { type: 'file-missing' },
  'session-renewed': { type: 'session-renewed', uploadSession: 'renewed', expiresAt: AT + 1 },
  'chunks-done': { type: 'chunks-done', at: AT },
  status: { type: 'status', status: status('PROCESSING_UPLOAD'), at: AT },
  'status-lost': { type: 'status-lost', error },
  'processing-timed-out': { type: 'processing-timed-out', error },
  'link-window-over': { type: 'link-window-over' },
  cancel: { type: 'cancel' },
  'cancel-deferred': { type: 'cancel-deferred' },
  'cancel-too-late': { type: 'cancel-too-late' },
  'file-provided': { type: 'file-provided' },
  reloaded: { type: 'reloaded', at: AT },
};

/**
 * The whole machine, state by state: the state each legal event leads to. Every pair not listed
 * is impossible and must leave the record untouched. This is the README's diagram.
 */
const EXPECTED: { [S in JobState]: Partial<Record<JobEventType, JobState>> } = {
  queued: { 'init-sent': 'initializing', 'signed-out': 'needs-file', cancel: 'cancelled', reloaded: 'needs-file' },
  initializing: {
    'init-created': 'uploading',
    'init-refused': 'failed',
    'init-rate-limited': 'init-backoff',
    'init-lost': 'unknown',
    'signed-out': 'needs-file',
    cancel: 'cancelled',
    reloaded: 'unknown',
  },
  'init-backoff': {
    'init-sent': 'initializing',
    'signed-out': 'needs-file',
    cancel: 'cancelled',
    reloaded: 'needs-file',
  },
  'needs-file': { 'file-provided': 'queued', cancel: 'cancelled' },
  'resume-queued': {
    'chunk-sending': 'uploading',
    'file-missing': 'paused',
    'upload-expired': 'failed',
    'signed-out': 'paused',
    cancel: 'cancelled',
    reloaded: 'paused',
  },
  uploading: {
    'chunk-sending': 'uploading',
    'chunk-acknowledged': 'uploading',
    resynced: 'uploading',
    'chunk-retry-scheduled': 'chunk-backoff',
    'gave-up': 'paused',
    'upload-refused': 'failed',
    'upload-expired': 'failed',
    'file-missing': 'paused',
    'session-renewed': 'uploading',
    'signed-out': 'paused',
    'chunks-done': 'processing',
    cancel: 'cancelled',
    'cancel-deferred': 'uploading',
    'cancel-too-late': 'uploading',
    reloaded: 'paused',
  },
  'chunk-backoff': {
    'chunk-sending': 'uploading',
    'gave-up': 'paused',
    'upload-refused': 'failed',
    'signed-out': 'paused',
    cancel: 'cancelled',
    reloaded: 'paused',
  },
  paused: { 'file-provided': 'resume-queued', 'upload-expired': 'failed', cancel: 'cancelled', reloaded: 'paused' },
  processing: { status: 'processing', 'status-lost': 'unknown', 'processing-timed-out': 'unknown' },
  'awaiting-link': { status: 'awaiting-link', 'status-lost': 'unknown', 'link-window-over': 'published' },
  published: {},
  inbox: {},
  failed: {},
  cancelled: { 'init-created': 'cancelled' },
  unknown: {},
};

const EVENT_TYPES = Object.keys(EVENTS) as JobEventType[];

function publishIdIn(state: JobState): 'none' | 'held' | 'either' {
  if (['queued', 'initializing', 'init-backoff', 'needs-file'].includes(state)) return 'none';
  return ['failed', 'cancelled', 'unknown'].includes(state) ? 'either' : 'held';
}

describe('the job state machine, every state × every event', () => {
  for (const state of JOB_STATES) {
    for (const type of EVENT_TYPES) {
      const to = EXPECTED[state][type];
      it(`${state} × ${type} → ${to ?? 'impossible'}`, () => {
        const before = jobRecord(state, state === 'awaiting-link' ? { publishedAt: AT } : {});
        const after = transition(before, EVENTS[type] as JobEvent);
        expect(allows(state, type)).toBe(to !== undefined);
        // Impossible: the very same record comes back; legal: a record in the expected state.
        expect(to === undefined ? after === before : after.state === to).toBe(true);
        // The invariant the types promise: a publish id exactly where TikTok holds a post.
        const rule = publishIdIn(after.state);
        expect(rule === 'either' || rule === (after.upload ? 'held' : 'none')).toBe(true);
      });
    }
  }
});

describe('never two inits for one video whose first init’s outcome is unknown', () => {
  it('has no way back to an init once one was sent, except the definite 429', () => {
    // Only these two states may send an init, and neither holds a publish id or an unknown outcome.
    expect(JOB_STATES.filter((state) => allows(state, 'init-sent'))).toEqual(['queued', 'init-backoff']);
    // And only these reach them: a new job, a file picked before any init, a rate-limited init.
    const into = (target: JobState) =>
      JOB_STATES.flatMap((state) => EVENT_TYPES.filter((type) => EXPECTED[state][type] === target).map(() => state));
    expect(new Set(into('queued'))).toEqual(new Set(['needs-file']));
    expect(new Set(into('init-backoff'))).toEqual(new Set(['initializing']));
    expect(transition(jobRecord('initializing'), EVENTS['init-rate-limited']).state).toBe('init-backoff');
  });

  it('calls a lost answer or a reload mid-init unknown, for good', () => {
    const lost = transition(jobRecord('initializing'), EVENTS['init-lost']);
    const reloaded = transition(jobRecord('initializing'), EVENTS.reloaded);
    expect([lost.state, reloaded.state]).toEqual(['unknown', 'unknown']);
    expect(reloaded.error?.code).toBe('INIT_OUTCOME_UNKNOWN');
    for (const type of EVENT_TYPES) expect(transition(lost, EVENTS[type] as JobEvent)).toBe(lost);
  });

  it('continues a job TikTok holds part of without an init', () => {
    const resumed = transition(jobRecord('paused', { waitReason: 'reload-mid-upload' }), EVENTS['file-provided']);
    expect(resumed).toMatchObject({ state: 'resume-queued', upload: uploadPlan(), waitReason: null });
    expect(transition(resumed, EVENTS['init-sent'])).toBe(resumed);
  });
});

describe('what the transitions carry', () => {
  it('stores the plan the moment init returns, and counts acknowledged chunks in order', () => {
    const uploading = transition(jobRecord('initializing'), EVENTS['init-created']);
    expect(uploading).toMatchObject({ state: 'uploading', upload: uploadPlan(), acknowledgedChunks: 0 });
    const one = transition(uploading, { type: 'chunk-acknowledged', index: 0 });
    expect(one.acknowledgedChunks).toBe(1);
    // A late answer for a chunk already counted changes nothing.
    expect(transition(one, { type: 'chunk-acknowledged', index: 0 })).toBe(one);
    expect(transition(one, { type: 'resynced', acknowledgedChunks: 0 }).acknowledgedChunks).toBe(0);
  });

  it('says why a job waits for its file', () => {
    expect(transition(jobRecord('queued'), EVENTS.reloaded).waitReason).toBe('reload-before-start');
    expect(transition(jobRecord('uploading'), EVENTS.reloaded).waitReason).toBe('reload-mid-upload');
    expect(transition(jobRecord('uploading'), EVENTS['signed-out']).waitReason).toBe('session-ended');
    expect(transition(jobRecord('chunk-backoff'), EVENTS['gave-up'])).toMatchObject({ waitReason: 'gave-up', error });
  });

  it('fails an upload whose hour ran out while the page was away', () => {
    const late = { type: 'reloaded', at: uploadPlan().expiresAt } as const;
    for (const state of ['resume-queued', 'uploading', 'chunk-backoff', 'paused'] as const) {
      expect(transition(jobRecord(state), late)).toMatchObject({ state: 'failed', error: expiredError() });
    }
  });

  it('keeps a re-bound session, with its deadline', () => {
    const renewed = transition(jobRecord('uploading'), EVENTS['session-renewed']);
    expect(renewed.upload).toMatchObject({ uploadSession: 'renewed', expiresAt: AT + 1 });
  });

  it('follows TikTok’s statuses to their end', () => {
    const processing = transition(jobRecord('uploading'), EVENTS['chunks-done']);
    expect(processing).toMatchObject({ state: 'processing', processingSince: AT, acknowledgedChunks: 2 });
    const at = (value: PublishStatus['status'], postIds?: string[]) =>
      transition(processing, { type: 'status', status: status(value, postIds), at: AT });
    expect(at('SEND_TO_USER_INBOX').state).toBe('inbox');
    expect(at('FAILED')).toMatchObject({ state: 'failed', failReason: 'frame_rate_check_failed' });
    expect(at('PROCESSING_DOWNLOAD')).toMatchObject({ state: 'processing', lastStatus: 'PROCESSING_DOWNLOAD' });
    expect(at('PUBLISH_COMPLETE')).toMatchObject({ state: 'published', publishedAt: AT });

    const publicPost = { ...processing, expectsPostLink: true, creatorUsername: 'ava' };
    const waiting = transition(publicPost, { type: 'status', status: status('PUBLISH_COMPLETE'), at: AT });
    expect(waiting.state).toBe('awaiting-link');
    const linked = transition(waiting, { type: 'status', status: status('PUBLISH_COMPLETE', ['741']), at: AT + 9 });
    expect(linked).toMatchObject({
      state: 'published',
      publishedAt: AT,
      postUrl: 'https://www.tiktok.com/@ava/video/741',
    });
  });

  it('notes a cancel that came too late, in the words of the mode', () => {
    const direct = transition(jobRecord('uploading', { mode: 'direct' }), EVENTS['cancel-too-late']);
    const draft = transition(jobRecord('uploading'), EVENTS['cancel-too-late']);
    expect(direct.notice).toMatch(/will still be posted/);
    expect(draft.notice).toMatch(/arrive in your inbox/);
  });
});
