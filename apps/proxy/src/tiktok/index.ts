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
  DEFAULT_UPLOAD_ORIGINS,
  KNOWN_UPLOAD_HOSTS,
  UploadUrlNotAllowedError,
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
