import type { VideoMimeType } from '@content-studio/contract';

/**
 * What the first bytes of a file say it is. The proxy and the sandbox apply the same rule (shared
 * through the contract); the compose screen applies it before any call, so a file that is not a
 * video never spends one of the creator's inits (TikTok's Content Posting API allows six a minute).
 */
export type SniffedContainer = { kind: 'mp4' | 'mov' | 'webm'; mimeType: VideoMimeType };

/** Enough for the `ftyp` box (size, type, major brand, version, a few compatible brands) or an EBML header. */
export const SNIFF_BYTES = 64;

// Until the contract's shared rule is merged here, the same rule, kept to what phones, cameras and
// editors write. Audio-only brands (`M4A `, `M4B `) are iTunes audio, never a video.
const QUICKTIME_BRAND = 'qt  ';
const VIDEO_BRANDS = new Set([
  'isom', 'iso2', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'hvc1', 'M4V ', 'M4VP', 'M4VH',
  'qt  ', '3gp4', '3gp5', '3gp6', '3g2a', 'mmp4', 'MSNV', 'XAVC', 'dash',
]);

/**
 * ISO-BMFF (`ftyp` at offset 4, with a video brand as its major or a compatible brand; QuickTime
 * when the major brand is `qt  `) or EBML with the `webm` DocType. Anything else is refused.
 */
export function sniffContainer(head: Uint8Array): SniffedContainer | null {
  if (head.length >= 12 && ascii(head, 4, 8) === 'ftyp') {
    const major = ascii(head, 8, 12);
    if (major === QUICKTIME_BRAND) return { kind: 'mov', mimeType: 'video/quicktime' };
    if (major.startsWith('M4A') || major.startsWith('M4B') || major.startsWith('M4P')) return null;
    const boxSize = Math.min(head.length, new DataView(head.buffer, head.byteOffset).getUint32(0));
    const brands = [major];
    for (let at = 16; at + 4 <= boxSize; at += 4) brands.push(ascii(head, at, at + 4));
    return brands.some((brand) => VIDEO_BRANDS.has(brand)) ? { kind: 'mp4', mimeType: 'video/mp4' } : null;
  }
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) {
    return ascii(head, 0, head.length).includes('webm') ? { kind: 'webm', mimeType: 'video/webm' } : null;
  }
  return null;
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  return String.fromCharCode(...bytes.subarray(start, end));
}
