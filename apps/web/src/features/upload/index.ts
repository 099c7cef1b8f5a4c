/**
 * The upload feature's public surface. The compose route wires it: `useUploadQueue` with the
 * session's token source, `UploadQueue` for the progress and status UI.
 */
export { UploadQueue } from './components/upload-queue';
export { useUploadQueue } from './hooks/use-upload-queue';
