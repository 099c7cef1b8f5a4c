import { describe, expect, it } from 'vitest';
import { isCompatibleFormat, sniffVideoFormat } from './magic-bytes';

const bytes = (s: string, prefix: number[] = [0, 0, 0, 0x20]) =>
  Uint8Array.from([...prefix, ...Buffer.from(s, 'latin1')]);

// The rule itself is table-tested in packages/contract (container-sniff.test.ts); these pin what the
// proxy gets from it.
describe('sniffVideoFormat', () => {
  it.each([
    ['ftypisom', 'video/mp4'],
    ['ftypmp42', 'video/mp4'],
    ['ftypqt  ', 'video/quicktime'],
    ['moov\0\0\0\0', 'video/quicktime'],
    ['wide\0\0\0\0', 'video/quicktime'],
  ])('recognises %s', (head, type) => {
    expect(sniffVideoFormat(bytes(head))).toMatchObject({ ok: true, mimeType: type });
  });

  it('recognises WebM (EBML, doctype webm) and refuses Matroska', () => {
    const header = (doctype: string) =>
      Uint8Array.from([
        0x1a,
        0x45,
        0xdf,
        0xa3,
        0x80 | (3 + doctype.length),
        0x42,
        0x82,
        0x80 | doctype.length,
        ...Buffer.from(doctype, 'latin1'),
      ]);
    expect(sniffVideoFormat(header('webm'))).toMatchObject({ ok: true, mimeType: 'video/webm' });
    expect(sniffVideoFormat(header('matroska'))).toMatchObject({ ok: false, reason: 'matroska' });
  });

  it.each([
    ['%PDF-1.7\n%', []],
    ['GIF89a......', []],
    ['\x89PNG\r\n\x1a\n....', []],
  ])('refuses %j', (head, prefix) => {
    expect(sniffVideoFormat(bytes(head, prefix))).toMatchObject({ ok: false });
  });

  it('refuses an audio-only M4A by its brand', () => {
    expect(sniffVideoFormat(bytes('ftypM4A \0\0\0\0M4A isom'))).toMatchObject({ ok: false, reason: 'audio_brand' });
  });

  it('refuses too few bytes', () => {
    expect(sniffVideoFormat(bytes('ftyp').subarray(0, 7))).toMatchObject({ ok: false });
  });
});

describe('isCompatibleFormat', () => {
  it('treats MP4 and QuickTime as one family, WebM apart', () => {
    expect(isCompatibleFormat('video/mp4', 'video/quicktime')).toBe(true);
    expect(isCompatibleFormat('video/webm', 'video/mp4')).toBe(false);
  });
});
