import { describe, expect, it } from 'vitest';
import { box, craftMp4 } from '../../test/harness';
import { MP4_HEADER_REGION_BYTES, probeMp4Duration } from './mp4-duration';

describe('probeMp4Duration', () => {
  it('reads a version 0 mvhd', () => {
    expect(probeMp4Duration(craftMp4(61, 4096), true)).toEqual({ kind: 'duration', seconds: 61 });
  });

  it('reads a version 1 mvhd with another timescale', () => {
    expect(probeMp4Duration(craftMp4(12.5, 4096, { version: 1, timescale: 90_000 }), true)).toEqual({ kind: 'duration', seconds: 12.5 });
  });

  it('asks for more bytes while the header is incomplete, and gives up when no more come', () => {
    const mp4 = craftMp4(30, 4096);
    expect(probeMp4Duration(mp4.subarray(0, 30), false)).toEqual({ kind: 'need-more' });
    expect(probeMp4Duration(mp4.subarray(0, 4), false)).toEqual({ kind: 'need-more' });
    expect(probeMp4Duration(mp4.subarray(0, 30), true)).toEqual({ kind: 'unknown' });
  });

  it('does not judge files that are not MP4 (no leading ftyp), e.g. WebM', () => {
    const webm = Buffer.concat([Buffer.from([0x1a, 0x45, 0xdf, 0xa3]), Buffer.alloc(100)]);
    expect(probeMp4Duration(webm, false)).toEqual({ kind: 'unknown' });
    expect(probeMp4Duration(Buffer.alloc(4096, 0x42), false)).toEqual({ kind: 'unknown' });
  });

  it('skips over a small mdat before moov when both lie in the region', () => {
    const ftyp = craftMp4(1, 4096).subarray(0, 20);
    const mvhdBody = Buffer.alloc(100);
    mvhdBody.writeUInt32BE(600, 12);
    mvhdBody.writeUInt32BE(600 * 42, 16);
    const buf = Buffer.concat([ftyp, box('free', Buffer.alloc(10)), box('mdat', Buffer.alloc(1000)), box('moov', box('mvhd', mvhdBody))]);
    expect(probeMp4Duration(buf, true)).toEqual({ kind: 'duration', seconds: 42 });
  });

  it('gives up when moov would start beyond the header region (not faststart)', () => {
    const ftyp = craftMp4(1, 4096).subarray(0, 20);
    const mdatHeader = Buffer.alloc(8);
    mdatHeader.writeUInt32BE(MP4_HEADER_REGION_BYTES + 100, 0);
    mdatHeader.write('mdat', 4, 'latin1');
    expect(probeMp4Duration(Buffer.concat([ftyp, mdatHeader, Buffer.alloc(64)]), false)).toEqual({ kind: 'unknown' });
  });

  it('treats corrupt box sizes and unknown durations as unknown', () => {
    const bad = craftMp4(10, 4096);
    bad.writeUInt32BE(3, 20); // moov size smaller than its header
    expect(probeMp4Duration(bad, true)).toEqual({ kind: 'unknown' });
    const unknownDuration = craftMp4(10, 4096);
    unknownDuration.writeUInt32BE(0xffffffff, 20 + 8 + 8 + 16);
    expect(probeMp4Duration(unknownDuration, true)).toEqual({ kind: 'unknown' });
  });
});
