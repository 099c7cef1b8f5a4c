import { describe, expect, it } from 'vitest';
import { isCompatibleFormat, sniffVideoFormat } from './magic-bytes';

const bytes = (s: string, prefix: number[] = [0, 0, 0, 0x20]) => Uint8Array.from([...prefix, ...Buffer.from(s, 'latin1')]);

describe('sniffVideoFormat', () => {
  it.each([
    ['ftypisom', 'video/mp4'],
    ['ftypmp42', 'video/mp4'],
    ['ftypqt  ', 'video/quicktime'],
    ['moov\0\0\0\0', 'video/quicktime'],
    ['wide\0\0\0\0', 'video/quicktime'],
  ])('recognises %s', (head, type) => {
    expect(sniffVideoFormat(bytes(head))).toBe(type);
  });

  it('recognises WebM (EBML)', () => {
    expect(sniffVideoFormat(Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 1, 2, 3, 4]))).toBe('video/webm');
  });

  it.each([
    ['%PDF-1.7\n%', []],
    ['GIF89a......', []],
    ['\x89PNG\r\n\x1a\n....', []],
  ])('refuses %j', (head, prefix) => {
    expect(sniffVideoFormat(bytes(head, prefix))).toBeUndefined();
  });

  it('refuses too few bytes', () => {
    expect(sniffVideoFormat(bytes('ftyp').subarray(0, 7))).toBeUndefined();
  });
});

describe('isCompatibleFormat', () => {
  it('treats MP4 and QuickTime as one family, WebM apart', () => {
    expect(isCompatibleFormat('video/mp4', 'video/quicktime')).toBe(true);
    expect(isCompatibleFormat('video/webm', 'video/mp4')).toBe(false);
  });
});
