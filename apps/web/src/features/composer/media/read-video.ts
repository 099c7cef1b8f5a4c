import { CONTAINER_SNIFF_BYTES } from '@content-studio/contract';
import { sniffContainer } from './container-sniff';
import type { VideoRead } from './video-facts';

/**
 * Reads a picked video: its first bytes here, the container with mediabunny, which is loaded only
 * now (a dynamic import), so the landing page never downloads it. Only the parts of the file the
 * demuxer asks for are read (`BlobSource` slices the File); a 4 GB video is never held in memory.
 */
export async function readVideo(file: File, signal?: AbortSignal): Promise<VideoRead> {
  const head = new Uint8Array(await file.slice(0, CONTAINER_SNIFF_BYTES).arrayBuffer());
  const sniffed = sniffContainer(head);
  if (!sniffed.ok) return { kind: 'not-a-video', reason: sniffed.reason };
  const { readContainer } = await import('./mediabunny-reader');
  return readContainer(file, sniffed.container, signal);
}
