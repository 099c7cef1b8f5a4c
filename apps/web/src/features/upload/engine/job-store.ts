import { PostSettingsSchema, PublishIdSchema, PUBLISH_STATUSES, UploadModeSchema } from '@content-studio/contract';
import { z } from 'zod';
import { FINAL_STATES, HELD_STATES, PRE_INIT_STATES, type JobRecord } from './job-machine';

export type { JobRecord } from './job-machine';

/**
 * The queue as kept in sessionStorage, so that a reload knows what was already sent to TikTok. It
 * holds no file (storage can't) and no token: only what is needed to never init twice, to continue
 * an upload within its hour, and to keep tracking a post.
 */
export const UPLOADS_STORAGE_KEY = 'csp.uploads';

/**
 * Each connected account's queue has a key of its own (`csp.uploads.<open_id>`), so the engines of
 * two accounts never write over each other (docs/decisions/025-several-accounts.md). A queue kept
 * before there could be several accounts sits under the bare key, with its owner inside.
 */
export function uploadsStorageKey(owner: string | undefined): string {
  return owner === undefined ? UPLOADS_STORAGE_KEY : `${UPLOADS_STORAGE_KEY}.${owner}`;
}

const ErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  tiktokLogId: z.string().nullable(),
});

const UploadPlanSchema = z.object({
  publishId: PublishIdSchema,
  uploadSession: z.string().min(1),
  videoSize: z.number().int().positive(),
  chunkSize: z.number().int().positive(),
  chunkCount: z.number().int().positive(),
  expiresAt: z.number(),
});

const JobDataShape = {
  id: z.string().min(1),
  mode: UploadModeSchema,
  createdAt: z.number(),
  file: z.object({
    name: z.string(),
    size: z.number().int().min(0),
    lastModified: z.number(),
    type: z.string(),
    headSha256: z.string().regex(/^[0-9a-f]{64}$/),
  }),
  post: PostSettingsSchema.nullable(),
  creatorUsername: z.string().nullable(),
  expectsPostLink: z.boolean(),
  acknowledgedChunks: z.number().int().min(0),
  lastStatus: z.enum(PUBLISH_STATUSES).nullable(),
  processingSince: z.number().nullable(),
  publishedAt: z.number().nullable(),
  postUrl: z.string().nullable(),
  failReason: z.string().nullable(),
  error: ErrorSchema.nullable(),
  waitReason: z.enum(['reload-before-start', 'reload-mid-upload', 'session-ended', 'gave-up']).nullable(),
  notice: z.string().nullable(),
};

/** The machine's invariant, checked on read: a publish id exactly where the state says one exists. */
export const JobRecordSchema: z.ZodType<JobRecord> = z.union([
  z.object({ ...JobDataShape, state: z.enum(PRE_INIT_STATES), upload: z.null() }),
  z.object({ ...JobDataShape, state: z.enum(HELD_STATES), upload: UploadPlanSchema }),
  z.object({ ...JobDataShape, state: z.enum(FINAL_STATES), upload: UploadPlanSchema.nullable() }),
]);

const StoredQueueSchema = z.object({ version: z.literal(2), owner: z.string().optional(), jobs: z.array(z.unknown()) });

export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

type StoredQueue = z.infer<typeof StoredQueueSchema>;

function readQueue(storage: KeyValueStorage | null, key: string): StoredQueue | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return null;
  }
  const queue = StoredQueueSchema.safeParse(parsed);
  return queue.success ? queue.data : null;
}

/** The queue kept under the bare key before there were keys per account, if it is `owner`'s. */
function legacyQueueOf(storage: KeyValueStorage | null, owner: string | undefined): StoredQueue | null {
  if (owner === undefined) return null;
  const legacy = readQueue(storage, UPLOADS_STORAGE_KEY);
  return legacy?.owner === owner ? legacy : null;
}

/**
 * Reads the stored queue; entries that fail validation are dropped one by one, not all at once. A
 * queue another creator left in this tab (they disconnected, someone else connected) is not theirs
 * to see: file names, post ids and sessions of one account never show up under another.
 */
export function loadJobs(storage: KeyValueStorage | null, owner?: string): JobRecord[] {
  const queue = readQueue(storage, uploadsStorageKey(owner)) ?? legacyQueueOf(storage, owner);
  if (!queue) return [];
  if (owner !== undefined && queue.owner !== undefined && queue.owner !== owner) return [];
  return queue.jobs.flatMap((job) => {
    const record = JobRecordSchema.safeParse(job);
    return record.success ? [record.data] : [];
  });
}

export function saveJobs(storage: KeyValueStorage | null, jobs: readonly JobRecord[], owner?: string): void {
  try {
    storage?.setItem(
      uploadsStorageKey(owner),
      JSON.stringify({ version: 2, ...(owner === undefined ? {} : { owner }), jobs }),
    );
    // Moved to the account's own key: the old copy must not come back as someone's queue later.
    if (legacyQueueOf(storage, owner)) storage?.removeItem(UPLOADS_STORAGE_KEY);
  } catch (error) {
    // Storage full or disabled: the in-memory queue still prevents double inits in this tab; only
    // the protection across a reload is lost, which is worth a trace but not a failed upload.
    console.warn('Content Studio Pro could not save the upload queue.', error);
  }
}
