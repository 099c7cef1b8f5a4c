import type { SniffedContainer } from '../media/container-sniff';
import type { VideoFacts, VideoRead } from '../media/video-facts';

/**
 * Tests only: stands in for media/mediabunny-reader.ts (src/testing/setup-tests.ts mocks it), since
 * the component tests cannot make real videos of every length and size. The first-bytes check in
 * read-video.ts still runs for real. The real reader is tested over real files in
 * media/read-video.test.ts.
 */

type Pending = { file: Blob; sniffed: SniffedContainer; resolve: (read: VideoRead) => void };
const pending: Pending[] = [];

export async function readContainer(file: Blob, sniffed: SniffedContainer, signal?: AbortSignal): Promise<VideoRead> {
  return new Promise((resolve) => {
    const entry = { file, sniffed, resolve };
    pending.push(entry);
    signal?.addEventListener('abort', () => pending.splice(pending.indexOf(entry), 1), { once: true });
  });
}

/** Reads waiting for an answer, oldest first. */
export function pendingReads(): readonly Pending[] {
  return [...pending];
}

/** Answers one waiting read. */
export function settleRead(entry: Pending, read: VideoRead): void {
  const at = pending.indexOf(entry);
  if (at >= 0) pending.splice(at, 1);
  entry.resolve(read);
}

export function resetFakeReads(): void {
  pending.length = 0;
}

/** A healthy 30 s 1080 × 1920 H.264 clip at 30 fps, in the container that was sniffed. */
export function fakeFacts(sniffed: SniffedContainer, overrides: Partial<VideoFacts> = {}): VideoFacts {
  return {
    container: sniffed.kind,
    mimeType: sniffed.mimeType,
    durationSec: 30,
    width: 1080,
    height: 1920,
    rotation: 0,
    videoCodec: 'avc',
    videoCodecId: 'avc1',
    audioCodec: 'aac',
    frameRate: 30,
    variableFrameRate: false,
    codecsParameter: null,
    ...overrides,
  };
}
