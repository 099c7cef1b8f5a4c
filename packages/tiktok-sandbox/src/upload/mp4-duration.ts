/** How much of the start of a video is kept to find the MP4 header; later bytes are only hashed. */
export const MP4_HEADER_REGION_BYTES = 4 * 1024 * 1024;

export type Mp4Probe =
  | { kind: 'duration'; seconds: number }
  /** Not an ISO-BMFF file (no leading ftyp), or a header we cannot read: skip the check. */
  | { kind: 'unknown' }
  /** The moov box may still come within the region; feed more bytes. */
  | { kind: 'need-more' };

interface Box {
  type: string;
  start: number;
  headerSize: number;
  /** Infinity for size 0 ("extends to end of file"). */
  size: number;
}

function readBox(buf: Buffer, offset: number): Box | 'short' | 'bad' {
  if (offset + 8 > buf.length) return 'short';
  const size32 = buf.readUInt32BE(offset);
  const type = buf.toString('latin1', offset + 4, offset + 8);
  if (size32 === 1) {
    if (offset + 16 > buf.length) return 'short';
    const size = Number(buf.readBigUInt64BE(offset + 8));
    return size < 16 ? 'bad' : { type, start: offset, headerSize: 16, size };
  }
  if (size32 === 0) return { type, start: offset, headerSize: 8, size: Number.POSITIVE_INFINITY };
  return size32 < 8 ? 'bad' : { type, start: offset, headerSize: 8, size: size32 };
}

/** mvhd: version 0 has 32-bit times and duration, version 1 64-bit (ISO/IEC 14496-12 §8.2.2). */
function readMvhd(buf: Buffer, body: number, end: number): Mp4Probe {
  const version = buf[body];
  if (version === 1) {
    if (body + 32 > end) return { kind: 'unknown' };
    const timescale = buf.readUInt32BE(body + 20);
    const duration = buf.readBigUInt64BE(body + 24);
    if (timescale === 0 || duration === 0xffffffffffffffffn) return { kind: 'unknown' };
    return { kind: 'duration', seconds: Number(duration) / timescale };
  }
  if (body + 20 > end) return { kind: 'unknown' };
  const timescale = buf.readUInt32BE(body + 12);
  const duration = buf.readUInt32BE(body + 16);
  if (timescale === 0 || duration === 0xffffffff) return { kind: 'unknown' };
  return { kind: 'duration', seconds: duration / timescale };
}

/**
 * Reads the movie duration from the start of an MP4/MOV. Only "faststart" files (moov before the
 * media data, within the header region) can be judged while streaming; for anything else the
 * duration check is skipped rather than buffering the whole video.
 * @param final true when no more bytes will be offered (region full or upload complete)
 */
export function probeMp4Duration(buf: Buffer, final: boolean): Mp4Probe {
  const more: Mp4Probe = final ? { kind: 'unknown' } : { kind: 'need-more' };
  const first = readBox(buf, 0);
  if (first === 'short') return more;
  if (first === 'bad' || first.type !== 'ftyp') return { kind: 'unknown' };
  let offset = 0;
  for (;;) {
    const box = readBox(buf, offset);
    if (box === 'short') return more;
    if (box === 'bad') return { kind: 'unknown' };
    if (box.type === 'moov') {
      const end = box.start + box.size;
      if (!Number.isFinite(end) || end > buf.length) return Number.isFinite(end) ? more : { kind: 'unknown' };
      let child = box.start + box.headerSize;
      while (child < end) {
        const c = readBox(buf, child);
        if (c === 'short' || c === 'bad' || !Number.isFinite(c.size)) return { kind: 'unknown' };
        if (c.type === 'mvhd') return readMvhd(buf, c.start + c.headerSize, Math.min(end, c.start + c.size));
        child += c.size;
      }
      return { kind: 'unknown' };
    }
    if (!Number.isFinite(box.size)) return { kind: 'unknown' };
    offset += box.size;
    if (offset >= MP4_HEADER_REGION_BYTES) return { kind: 'unknown' };
  }
}
