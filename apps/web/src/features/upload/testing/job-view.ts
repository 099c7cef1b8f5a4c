import type { UploadJobView } from '../engine/upload-types';

/** A job as the UI receives it, for component tests. */
export function jobView(overrides: Partial<UploadJobView> = {}): UploadJobView {
  return {
    id: 'job-1',
    fileName: 'clip.mp4',
    size: 80_000_000,
    mode: 'direct',
    state: 'uploading',
    progress: { sentBytes: 12_500_000, totalBytes: 80_000_000, bytesPerSecond: 4_200_000, secondsLeft: 14 },
    chunk: { index: 1, count: 8 },
    retry: null,
    publishId: 'v_pub_file~v2-1.123',
    postUrl: null,
    awaitingPostLink: false,
    error: null,
    failReason: null,
    needsFileReason: null,
    resumable: false,
    expiresAt: null,
    notice: null,
    createdAt: 0,
    ...overrides,
  };
}
