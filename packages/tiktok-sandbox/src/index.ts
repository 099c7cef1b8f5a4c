export { startSandbox, type RunningSandbox } from './server';
export {
  type SandboxOptions,
  type SandboxOptionsPatch,
  DEFAULT_CLIENT_KEY,
  DEFAULT_CLIENT_SECRET,
  DEFAULT_REDIRECT_URIS,
} from './options';
export { DEFAULT_ACCOUNTS, type SandboxAccount, type PrivacyLevel } from './accounts';
export type { Fault, FaultKind, FaultTarget } from './faults';
export type { UploadReport } from './hooks';
export type { MediaFacts } from './media/read-media';
export type { ChunkRecord, PublishStatus, SandboxStats } from './state';
export { KNOWN_SCOPES, type Scope } from './oauth/scopes';
export { SANDBOX_ACCOUNT_PARAM, SANDBOX_ERROR_TYPE_PARAM } from './oauth/authorize';
export { obtainAuthorizationCode, type HeadlessConsentOptions } from './headless-consent';
export { checkChunkPlan, chunkLimits, type MbReading } from './api/chunk-rules';
