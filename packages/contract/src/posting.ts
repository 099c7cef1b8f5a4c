import { z } from 'zod';

export const PRIVACY_LEVELS = [
  'PUBLIC_TO_EVERYONE',
  'MUTUAL_FOLLOW_FRIENDS',
  'FOLLOWER_OF_CREATOR',
  'SELF_ONLY',
] as const;
export const PrivacyLevelSchema = z.enum(PRIVACY_LEVELS);
export type PrivacyLevel = z.infer<typeof PrivacyLevelSchema>;

/** TikTok counts caption length in UTF-16 code units, which is what JS `String.length` measures. */
export const MAX_TITLE_LENGTH = 2200;
/**
 * TikTok's Media Transfer Guide allows videos up to "4 GB" without defining GB; 4,000,000,000 bytes
 * is within both readings (see chunk-plan.ts).
 */
export const MAX_VIDEO_BYTES = 4_000_000_000;
export const VIDEO_MIME_TYPES = ['video/mp4', 'video/quicktime', 'video/webm'] as const;
export const VideoMimeTypeSchema = z.enum(VIDEO_MIME_TYPES);
export type VideoMimeType = z.infer<typeof VideoMimeTypeSchema>;

/** `GET /api/v1/creator-info`: what the compose screen must honour (TikTok's audit rules). */
export const CreatorInfoSchema = z.object({
  nickname: z.string(),
  username: z.string(),
  avatarUrl: z.string(),
  privacyLevelOptions: z.array(PrivacyLevelSchema),
  commentDisabled: z.boolean(),
  duetDisabled: z.boolean(),
  stitchDisabled: z.boolean(),
  maxVideoPostDurationSec: z.number().int().positive(),
});
export type CreatorInfo = z.infer<typeof CreatorInfoSchema>;

/**
 * The creator's choices for a Direct Post, forwarded to TikTok exactly as chosen
 * (docs/requirements/product-promises.md#settings-as-chosen).
 * Interactions are "allow" flags so that the default, false, is TikTok's required unchecked state.
 */
export const PostSettingsSchema = z
  .strictObject({
    // Not `.max()`: zod 4.6 measures code points, TikTok measures UTF-16 units (emoji count twice).
    title: z.string().refine((title) => title.length <= MAX_TITLE_LENGTH, {
      message: `The caption can be at most ${MAX_TITLE_LENGTH} characters.`,
    }),
    privacyLevel: PrivacyLevelSchema,
    allowComment: z.boolean(),
    allowDuet: z.boolean(),
    allowStitch: z.boolean(),
    brandOrganic: z.boolean(),
    brandedContent: z.boolean(),
    isAigc: z.boolean(),
    coverTimestampMs: z.number().int().min(0).max(2_147_483_647).optional(),
  })
  .refine((post) => !(post.brandedContent && post.privacyLevel === 'SELF_ONLY'), {
    message: 'Branded content visibility cannot be set to private.',
    path: ['privacyLevel'],
  });
export type PostSettings = z.infer<typeof PostSettingsSchema>;

/**
 * TikTok's publish ids (`v_pub_file~v2-1.…`, `v_inbox_file~v2.…`): at most 64 characters per the
 * Direct Post reference, treated as opaque beyond the characters they are made of.
 */
export const PublishIdSchema = z.string().regex(/^[\w.~-]{1,64}$/);

export const UploadModeSchema = z.enum(['direct', 'draft']);
export type UploadMode = z.infer<typeof UploadModeSchema>;

export const VideoSizeSchema = z.number().int().min(1).max(MAX_VIDEO_BYTES);

/**
 * A wish, not a plan: any positive whole number of bytes is accepted and the proxy's planner
 * (`planChunks`, chunk-plan.ts) brings it within TikTok's chunk rules, so a client needs no copy of
 * those rules. The plan actually used is in the answer (`chunkSize`, `chunkCount`).
 */
export const PreferredChunkSizeSchema = z
  .number()
  .int()
  .positive()
  .describe(
    'Bytes per chunk the client would like; without it the proxy uses its default. The proxy fits it ' +
      'to TikTok’s chunk rules (Media Transfer Guide), so the plan to follow is the one in the answer.',
  );

/** Body of `POST /api/v1/uploads` (the resumable path). */
export const CreateUploadRequestSchema = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('direct'),
    videoSize: VideoSizeSchema,
    mimeType: VideoMimeTypeSchema,
    post: PostSettingsSchema,
    preferredChunkSize: PreferredChunkSizeSchema.optional(),
  }),
  z.strictObject({
    mode: z.literal('draft'),
    videoSize: VideoSizeSchema,
    mimeType: VideoMimeTypeSchema,
    preferredChunkSize: PreferredChunkSizeSchema.optional(),
  }),
]);
export type CreateUploadRequest = z.infer<typeof CreateUploadRequestSchema>;

export const CreateUploadResponseSchema = z.object({
  publishId: z.string(),
  /** Opaque, sealed by the proxy; sent back with every chunk. */
  uploadSession: z.string(),
  videoSize: z.number().int().positive(),
  chunkSize: z.number().int().positive(),
  chunkCount: z.number().int().positive(),
  /** Epoch milliseconds after which TikTok's upload URL no longer accepts bytes. */
  expiresAt: z.number().int().positive(),
  /** The host TikTok chose for the bytes (never the URL: that carries TikTok's upload token). */
  uploadHost: z.string(),
  /** TikTok's log id of the init, for support requests. */
  tiktokLogId: z.string().optional(),
});
export type CreateUploadResponse = z.infer<typeof CreateUploadResponseSchema>;

/**
 * Answer to `POST /api/v1/uploads/:publishId/session`: the same upload session, re-bound to the
 * caller's current access token (after a token refresh), with the same deadline.
 */
export const RenewedUploadSessionSchema = z.object({
  uploadSession: z.string(),
  expiresAt: z.number().int().positive(),
});
export type RenewedUploadSession = z.infer<typeof RenewedUploadSessionSchema>;

/** Answer to one chunk of the resumable path. */
export const ChunkResponseSchema = z.object({
  chunkIndex: z.number().int().min(0),
  uploadedBytes: z.number().int().min(0),
  complete: z.boolean(),
});
export type ChunkResponse = z.infer<typeof ChunkResponseSchema>;

/** Answer to the one-shot `POST /api/v1/videos`. */
export const VideoUploadedResponseSchema = z.object({
  publishId: z.string(),
  videoSize: z.number().int().positive(),
  chunkSize: z.number().int().positive(),
  chunkCount: z.number().int().positive(),
  /** The host TikTok chose for the bytes (never the URL: that carries TikTok's upload token). */
  uploadHost: z.string(),
  tiktokLogId: z.string().optional(),
});
export type VideoUploadedResponse = z.infer<typeof VideoUploadedResponseSchema>;

/** TikTok's documented statuses, in the words of its Get Post Status page. */
export const TIKTOK_PUBLISH_STATUSES = [
  'PROCESSING_UPLOAD',
  'PROCESSING_DOWNLOAD',
  'SEND_TO_USER_INBOX',
  'PUBLISH_COMPLETE',
  'FAILED',
] as const;
/**
 * Plus `UNKNOWN`: a status TikTok sent that its docs do not list (yet). It is not an end: clients
 * keep asking, within their usual processing time limit, and TikTok's word is in `tiktokStatus`.
 */
export const PUBLISH_STATUSES = [...TIKTOK_PUBLISH_STATUSES, 'UNKNOWN'] as const;
export const PublishStatusValueSchema = z.enum(PUBLISH_STATUSES);
export type PublishStatusValue = z.infer<typeof PublishStatusValueSchema>;

/** `GET /api/v1/posts/:publishId/status`. Post ids are strings: TikTok's 19-digit ids overflow doubles. */
export const PublishStatusSchema = z.object({
  status: PublishStatusValueSchema,
  failReason: z.string().nullable(),
  postIds: z.array(z.string().regex(/^\d+$/)),
  uploadedBytes: z.number().int().min(0),
  /** With UNKNOWN: the status as TikTok spelled it, for diagnostics. */
  tiktokStatus: z.string().max(64).optional(),
  /** TikTok's log id of this status answer, for support requests. */
  tiktokLogId: z.string().optional(),
});
export type PublishStatus = z.infer<typeof PublishStatusSchema>;

/**
 * Fields of the one-shot multipart `POST /api/v1/videos` (scripts, curl), sent *before* the `video`
 * file part: `mode`, `videoSize` (bytes, decimal) and, for direct posts, `post` (JSON of
 * PostSettings). The container type is read from the file's first bytes.
 */
export const OneShotUploadFieldsSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('direct'), videoSize: VideoSizeSchema, post: PostSettingsSchema }),
  z.strictObject({ mode: z.literal('draft'), videoSize: VideoSizeSchema }),
]);
export type OneShotUploadFields = z.infer<typeof OneShotUploadFieldsSchema>;
