/** Public surface of the TikTok client: the only code in the proxy that knows TikTok's HTTP API. */
export {
  createTikTokClient,
  type CallOptions,
  type InitVideoUploadInput,
  type TikTokClient,
  type TikTokClientOptions,
} from './tiktok-client';
export type { PutVideoChunkInput, PutVideoChunkResult, SelfReportingBody } from './media-transfer';
export type { FileUploadSource } from './requests';
export type { TikTokTokenGrant, UploadTarget } from './responses';
export {
  DEFAULT_CHUNK_BYTES,
  MAX_CHUNK_BYTES,
  MAX_CHUNK_COUNT,
  MAX_FINAL_CHUNK_BYTES,
  MIN_CHUNK_BYTES,
  chunkRange,
  isValidChunkPlan,
  planChunks,
  type ChunkPlan,
  type ChunkRange,
  // The plan is part of the upload protocol the SPA and bench follow too, so it lives in the contract.
} from '@content-studio/contract';
export {
  DEFAULT_UPLOAD_ORIGINS,
  UploadUrlNotAllowedError,
  assertUploadUrlAllowed,
  compileUploadOrigins,
  type UploadUrlRejection,
} from './upload-origin';
export {
  TikTokApiError,
  TikTokNetworkError,
  TikTokOAuthError,
  TikTokProtocolError,
  TikTokTransferError,
  type NetworkFailure,
  type OAuthOperation,
} from './tiktok-errors';
export { createTikTokDispatcher, type TikTokDispatcher } from './dispatcher';
