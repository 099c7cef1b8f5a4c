import type {
  ChunkResponse,
  CreateUploadRequest,
  CreateUploadResponse,
  PostSettings,
  PublishStatus,
  RenewedUploadSession,
  UploadMode,
} from '@content-studio/contract';

/** What the compose screen hands over: one video and how to post it. */
export interface UploadJobInput {
  file: File;
  mode: 'direct' | 'draft';
  /** Required for `direct`: the creator's choices, sent to TikTok as chosen. */
  post?: PostSettings;
  /** For the "View on TikTok" link (`https://www.tiktok.com/@{username}/video/{postId}`). */
  creatorUsername?: string;
}

/** A job's state in the UI's words; the engine's own states are in job-machine.ts. */
export type UploadJobState =
  | 'queued'
  | 'initializing'
  | 'uploading'
  | 'retrying'
  | 'needs-file'
  | 'processing'
  | 'published'
  | 'inbox'
  | 'failed'
  | 'cancelled'
  | 'unknown';

/** Why a job waits for its file to be chosen again. */
export type NeedsFileReason = 'reload-before-start' | 'reload-mid-upload' | 'session-ended';

export interface UploadJobError {
  code: string;
  message: string;
  tiktokLogId: string | null;
}

export interface UploadRetryInfo {
  /** What is retried: a chunk, the init (after a rate limit), or a status check. */
  kind: 'chunk' | 'init' | 'status';
  /** 0-based chunk index, for `kind: 'chunk'`. */
  chunkIndex: number | null;
  chunkCount: number | null;
  /** The attempt that will run next (2 = first retry). */
  attempt: number;
  maxAttempts: number | null;
  /** Epoch ms; the UI counts down to it. */
  nextAttemptAt: number;
  message: string;
}

/** One job as the UI sees it; a new object whenever anything about it changes. */
export interface UploadJobView {
  id: string;
  fileName: string;
  size: number;
  mode: UploadMode;
  state: UploadJobState;
  progress: {
    sentBytes: number;
    totalBytes: number;
    /** Moving average; null until there is enough data. */
    bytesPerSecond: number | null;
    secondsLeft: number | null;
  };
  /** The chunk being sent (0-based), while uploading. */
  chunk: { index: number; count: number } | null;
  retry: UploadRetryInfo | null;
  publishId: string | null;
  postUrl: string | null;
  /** Published publicly; TikTok hands out the post id after moderation, so the link may follow. */
  awaitingPostLink: boolean;
  error: UploadJobError | null;
  /** TikTok's `fail_reason`, verbatim, when processing failed. */
  failReason: string | null;
  needsFileReason: NeedsFileReason | null;
  /** Choosing the file again continues this upload (no new post is created). */
  resumable: boolean;
  /** When TikTok stops accepting bytes for this upload (epoch ms), once known. */
  expiresAt: number | null;
  /** A note for the creator that does not change the state, e.g. "too late to cancel". */
  notice: string | null;
  createdAt: number;
}

export interface TransportContext {
  accessToken: string;
  signal: AbortSignal;
}

export interface PutChunkInput {
  publishId: string;
  uploadSession: string;
  index: number;
  /** Exactly the chunk's bytes. */
  body: Blob;
}

/**
 * The requests of the resumable protocol. The engine only talks to this interface, so its
 * logic is tested with a fake; the real one uses XHR for chunks (upload progress) and fetch for JSON.
 * Failures are `ApiError`s (with the server's `retryAfterMs` when it sent one); an abort rejects with
 * the signal's reason.
 */
export interface UploadTransport {
  init(request: CreateUploadRequest, context: TransportContext): Promise<CreateUploadResponse>;
  putChunk(
    input: PutChunkInput & { accessToken: string },
    onProgress: (loadedBytes: number) => void,
    signal: AbortSignal,
  ): Promise<ChunkResponse>;
  status(publishId: string, context: TransportContext): Promise<PublishStatus>;
  /** Re-binds a session sealed for an earlier token of the same creator to the current one. */
  renewSession(
    input: { publishId: string; uploadSession: string },
    context: TransportContext,
  ): Promise<RenewedUploadSession>;
}
