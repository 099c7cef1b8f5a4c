import {
  NOT_STARTED,
  PRE_INIT_STATES,
  type JobRecord,
  type JobState,
  type RecordIn,
  type UploadPlan,
} from '../engine/job-machine';

/** A publish id and session as the fake proxy hands them out: one 25-byte file in two chunks. */
export function uploadPlan(overrides: Partial<UploadPlan> = {}): UploadPlan {
  return {
    publishId: 'v_pub_file~v2-1.fixture',
    uploadSession: 'sealed-session-fixture',
    videoSize: 25,
    chunkSize: 10,
    chunkCount: 2,
    expiresAt: 1_800_003_000_000,
    ...overrides,
  };
}

const PRE_INIT = new Set<JobState>(PRE_INIT_STATES);

/**
 * A stored job in `state`, for tests: a draft of a 25-byte clip, with a publish id exactly when the
 * state has one (the machine's invariant), and `overrides` on top.
 */
export function jobRecord<S extends JobState>(state: S, overrides: Partial<JobRecord> = {}): RecordIn<S> {
  const base = {
    id: 'job-1',
    mode: 'draft' as const,
    createdAt: 1_800_000_000_000,
    file: { name: 'clip.mp4', size: 25, lastModified: 2, type: 'video/mp4', headSha256: 'a'.repeat(64) },
    post: null,
    creatorUsername: null,
    expectsPostLink: false,
    ...NOT_STARTED,
    error: null,
    upload: PRE_INIT.has(state) ? null : uploadPlan(),
  };
  return { ...base, ...overrides, state } as RecordIn<S>;
}
