import {
  CONTAINER_SNIFF_BYTES,
  type ContainerSniff,
  type VideoMimeType,
  sniffVideoContainer,
} from '@content-studio/contract';

/** Enough bytes to recognise every container we accept (the rule lives in packages/contract). */
export const SNIFF_BYTES = CONTAINER_SNIFF_BYTES;

/**
 * Recognises MP4, QuickTime and WebM from their first bytes, so a renamed PDF, an audio-only M4A or a
 * Matroska file is refused before a single byte is forwarded to TikTok (which would only fail it
 * minutes later). The compose screen runs the same rule, from packages/contract, before any request.
 */
export function sniffVideoFormat(head: Uint8Array): ContainerSniff {
  return sniffVideoContainer(head);
}

/** MP4 and QuickTime share the ISO box format; a `.mov` declared as mp4 (or back) is fine. */
export function isCompatibleFormat(declared: VideoMimeType, sniffed: VideoMimeType): boolean {
  if (declared === sniffed) return true;
  const isoFamily: VideoMimeType[] = ['video/mp4', 'video/quicktime'];
  return isoFamily.includes(declared) && isoFamily.includes(sniffed);
}
