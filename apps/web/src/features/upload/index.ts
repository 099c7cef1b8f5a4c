/**
 * The upload feature's public surface. The compose route wires it: `useUploadQueue` with the app's
 * token getter, `UploadQueue` for the progress and status UI.
 */
export type {
  UploadJobError,
  UploadJobInput,
  UploadJobState,
  UploadJobView,
  UploadRetryInfo,
} from './engine/upload-types';
export { UploadQueue } from './components/upload-queue';
export { useUploadQueue, type UploadQueue as UploadQueueApi } from './hooks/use-upload-queue';
