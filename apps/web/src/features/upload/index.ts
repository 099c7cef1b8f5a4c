/**
 * The upload feature's public surface. The compose route wires it: `useUploadQueues` with each
 * connected account's token source, `UploadQueue` for the progress and status UI of each.
 */
export { UploadQueue } from './components/upload-queue';
export { useUploadQueue, useUploadQueues, type UploadQueue as UploadQueueApi } from './hooks/use-upload-queue';
