import type { VideoMimeType } from '@content-studio/contract';

/** Enough bytes to recognise every container we accept. */
export const SNIFF_BYTES = 12;

const QUICKTIME_LEADING_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

/**
 * Recognises MP4, QuickTime and WebM from their first bytes, so a renamed PDF or a truncated header
 * is refused before a single byte is forwarded to TikTok (which would only fail it minutes later).
 */
export function sniffVideoFormat(head: Uint8Array): VideoMimeType | undefined {
  if (head.length < 8) return undefined;
  const box = Buffer.from(head.subarray(4, 8)).toString('latin1');
  if (box === 'ftyp') {
    const brand = Buffer.from(head.subarray(8, 12)).toString('latin1');
    return brand === 'qt  ' ? 'video/quicktime' : 'video/mp4';
  }
  if (QUICKTIME_LEADING_ATOMS.has(box)) return 'video/quicktime';
  // EBML magic: WebM (and Matroska, which TikTok does not take; the doctype is checked by TikTok).
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'video/webm';
  return undefined;
}

/** MP4 and QuickTime share the ISO box format; a `.mov` declared as mp4 (or back) is fine. */
export function isCompatibleFormat(declared: VideoMimeType, sniffed: VideoMimeType): boolean {
  if (declared === sniffed) return true;
  const isoFamily: VideoMimeType[] = ['video/mp4', 'video/quicktime'];
  return isoFamily.includes(declared) && isoFamily.includes(sniffed);
}
