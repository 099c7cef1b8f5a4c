import type { VideoMimeType } from '@content-studio/contract';

/**
 * What the first bytes of a file say it is. The proxy and the sandbox apply the same rule (shared
 * through the contract); the compose screen applies it before any call, so a file that is not a
 * video never spends one of the creator's inits (TikTok's Content Posting API allows six a minute).
 */
export type SniffedContainer = { kind: 'mp4' | 'mov' | 'webm'; mimeType: VideoMimeType };

/** Enough for the `ftyp` box (size, type, major brand, version, a few compatible brands) or an EBML header. */
export const SNIFF_BYTES = 64;

// TODO(media-core): replace with the contract's shared sniffing function once it lands.
const QUICKTIME_BRAND = 'qt  ';

/**
 * ISO-BMFF (`ftyp` at offset 4; QuickTime when the major brand is `qt  `) or EBML with the `webm`
 * DocType. Anything else is refused.
 */
export function sniffContainer(head: Uint8Array): SniffedContainer | null {
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    return ascii(head, 8, 12) === QUICKTIME_BRAND
      ? { kind: 'mov', mimeType: 'video/quicktime' }
      : { kind: 'mp4', mimeType: 'video/mp4' };
  }
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return ascii(head, 0, head.length).includes('webm') ? { kind: 'webm', mimeType: 'video/webm' } : null;
  }
  return null;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}
