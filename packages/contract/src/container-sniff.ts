import type { VideoMimeType } from './posting';
import { CONTAINER_MIME_TYPES, type VideoContainer } from './video-files';

/**
 * The first-bytes rule shared by the proxy (before init on the one-shot path, before the first chunk
 * on the resumable one) and the compose screen (before any call to the proxy): is this an MP4, MOV or
 * WebM container, the formats TikTok's "Media Restrictions" list? Pure TypeScript over a Uint8Array,
 * so the browser and Node run the same code. Whether the container holds a video TikTok takes is
 * decided later, by reading it (docs/decisions/013-first-bytes-container-rule.md).
 */

/** Enough for an `ftyp` box with a long compatible-brand list, or a whole EBML header. */
export const CONTAINER_SNIFF_BYTES = 256;

export type ContainerRefusal =
  /** No bytes at all. */
  | 'empty'
  /** An ISO-BMFF brand for audio only (iTunes M4A/M4B/M4P, Flash F4A/F4B). */
  | 'audio_brand'
  /** An ISO-BMFF brand for still images (HEIC/HEIF, AVIF). */
  | 'image_brand'
  /** An `ftyp` that names no brand of a video format. */
  | 'unknown_brand'
  /** EBML with a doctype other than `webm` (Matroska `.mkv`). */
  | 'matroska'
  /** None of the containers: a PDF, a text file, a GIF, … */
  | 'not_a_container';

export type ContainerSniff =
  | { ok: true; mimeType: VideoMimeType; container: VideoContainer; brand: string | null }
  | { ok: false; reason: ContainerRefusal; brand: string | null };

/**
 * Brands phones, cameras and editors write for video files. ISO/IEC 14496-12 (`isom`, `iso2`–`iso9`),
 * MP4 v1/v2 (`mp41`, `mp42`), AVC (`avc1`), Apple (`M4V `, `M4VH`, `M4VP`), DASH (`dash`), 3GPP/3GPP2
 * (`3gp4`–`3gp7`, `3g2a`–`3g2c`), Sony (`MSNV`, `XAVC`), `mmp4` (mobile MP4), Adobe `f4v `, Canon
 * `CAEP`. 3GP files are MP4s in all but name, and TikTok takes what is inside (H.264/AAC) whatever the
 * brand; `qt  ` is QuickTime, separate because it declares video/quicktime.
 */
const VIDEO_BRANDS = new Set([
  'isom',
  'iso2',
  'iso3',
  'iso4',
  'iso5',
  'iso6',
  'iso7',
  'iso8',
  'iso9',
  'mp41',
  'mp42',
  'avc1',
  'M4V ',
  'M4VH',
  'M4VP',
  'dash',
  '3gp4',
  '3gp5',
  '3gp6',
  '3gp7',
  '3g2a',
  '3g2b',
  '3g2c',
  'MSNV',
  'XAVC',
  'mmp4',
  'f4v ',
  'CAEP',
]);
const QUICKTIME_BRAND = 'qt  ';
/** Audio-only by definition of the brand: such a file has no video track for TikTok to take. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ', 'F4B ']);
/** HEIF/HEIC and AVIF stills and image sequences (a Live Photo's still, a burst). */
const IMAGE_BRANDS = new Set([
  'heic',
  'heix',
  'heim',
  'heis',
  'hevc',
  'hevx',
  'hevm',
  'hevs',
  'mif1',
  'msf1',
  'avif',
  'avis',
]);
/** QuickTime files older than `ftyp` start with one of these atoms. */
const QUICKTIME_LEADING_ATOMS = new Set(['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']);

function ascii(bytes: Uint8Array, start: number, length: number): string {
  let s = '';
  for (let i = start; i < start + length && i < bytes.length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}

function uint32(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) | ((bytes[at + 1] ?? 0) << 16) | ((bytes[at + 2] ?? 0) << 8) | (bytes[at + 3] ?? 0)) >>> 0
  );
}

/** A container it recognised, labelled with the type the container table gives it. */
function found(container: VideoContainer, brand: string | null): ContainerSniff {
  return { ok: true, mimeType: CONTAINER_MIME_TYPES[container], container, brand };
}

function sniffFtyp(head: Uint8Array): ContainerSniff {
  const major = ascii(head, 8, 4);
  if (major === QUICKTIME_BRAND) return found('mov', major);
  if (AUDIO_BRANDS.has(major)) return { ok: false, reason: 'audio_brand', brand: major };
  if (IMAGE_BRANDS.has(major)) return { ok: false, reason: 'image_brand', brand: major };
  if (VIDEO_BRANDS.has(major)) return found('mp4', major);
  // An unknown major brand (a new camera's) is taken when it declares compatibility with a video brand:
  // that is what compatible brands are for. Only as many as were sniffed are looked at.
  const boxEnd = Math.min(uint32(head, 0), head.length);
  for (let at = 16; at + 4 <= boxEnd; at += 4) {
    const brand = ascii(head, at, 4);
    if (brand === QUICKTIME_BRAND) return found('mov', major);
    if (VIDEO_BRANDS.has(brand)) return found('mp4', major);
  }
  return { ok: false, reason: 'unknown_brand', brand: major };
}

/** An EBML variable-length integer (RFC 8794): the first byte's leading zeros give its length. */
function vint(bytes: Uint8Array, at: number, keepMarker: boolean): { value: number; length: number } | undefined {
  const first = bytes[at];
  if (first === undefined || first === 0) return undefined;
  let length = 1;
  while (length <= 8 && !(first & (0x80 >> (length - 1)))) length++;
  if (at + length > bytes.length) return undefined;
  let value = keepMarker ? first : first & (0xff >> length);
  for (let i = 1; i < length; i++) value = value * 256 + (bytes[at + i] ?? 0);
  return { value, length };
}

const EBML_ID = 0x1a45dfa3;
const DOCTYPE_ID = 0x4282;

function sniffEbml(head: Uint8Array): ContainerSniff {
  const size = vint(head, 4, false);
  if (!size) return { ok: false, reason: 'not_a_container', brand: null };
  const end = Math.min(head.length, 4 + size.length + size.value);
  let at = 4 + size.length;
  while (at < end) {
    const id = vint(head, at, true);
    if (!id) break;
    const len = vint(head, at + id.length, false);
    if (!len) break;
    const body = at + id.length + len.length;
    if (id.value === DOCTYPE_ID) {
      const doctype = ascii(head, body, len.value).replace(/\0+$/, '');
      return doctype === 'webm' ? found('webm', doctype) : { ok: false, reason: 'matroska', brand: doctype };
    }
    at = body + len.value;
  }
  // RFC 8794: DocType defaults to "matroska" when absent.
  return { ok: false, reason: 'matroska', brand: null };
}

/** Reads at most CONTAINER_SNIFF_BYTES; give it the file's first bytes (fewer if the file is shorter). */
export function sniffVideoContainer(head: Uint8Array): ContainerSniff {
  if (head.length === 0) return { ok: false, reason: 'empty', brand: null };
  if (head.length >= 4 && uint32(head, 0) === EBML_ID) return sniffEbml(head.subarray(0, CONTAINER_SNIFF_BYTES));
  if (head.length < 12) {
    // Too short for an ftyp with its major brand; a legacy QuickTime atom header needs only 8.
    if (head.length >= 8 && QUICKTIME_LEADING_ATOMS.has(ascii(head, 4, 4)) && uint32(head, 0) >= 8) {
      return found('mov', null);
    }
    return { ok: false, reason: 'not_a_container', brand: null };
  }
  const box = ascii(head, 4, 4);
  const size = uint32(head, 0);
  if (box === 'ftyp' && size >= 16) return sniffFtyp(head.subarray(0, CONTAINER_SNIFF_BYTES));
  if (QUICKTIME_LEADING_ATOMS.has(box) && (size >= 8 || size === 0 || size === 1)) {
    return found('mov', null);
  }
  return { ok: false, reason: 'not_a_container', brand: null };
}

/** What to tell the creator (the proxy's 415 message; the compose screen may word its own). */
export function containerRefusalMessage(sniff: Extract<ContainerSniff, { ok: false }>): string {
  switch (sniff.reason) {
    case 'empty':
      return 'This file is empty. Pick the video again.';
    case 'audio_brand':
      return 'This is an audio file, not a video. TikTok needs a video: export it as MP4 (H.264) and try again.';
    case 'image_brand':
      return 'This is a photo (HEIC/AVIF), not a video. Pick a video, or export it as MP4 (H.264).';
    case 'matroska':
      return 'TikTok does not take Matroska (.mkv) files. Export the video as MP4 (H.264) and try again.';
    case 'unknown_brand':
    case 'not_a_container':
      return 'This file is not an MP4, MOV or WebM video. Export it as MP4 (H.264) and try again.';
  }
}
