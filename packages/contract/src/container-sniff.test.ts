import { corpus, readCorpusFile } from '@content-studio/media-corpus';
import { describe, expect, it } from 'vitest';
import { CONTAINER_SNIFF_BYTES, containerRefusalMessage, sniffVideoContainer } from './container-sniff';

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const u32 = (n: number) => [n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];

/** An `ftyp` box: major brand, minor version 0x200, compatible brands. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const body = [...latin1(major), 0, 0, 2, 0, ...compatible.flatMap((b) => [...latin1(b)])];
  return Uint8Array.from([...u32(8 + body.length), ...latin1('ftyp'), ...body]);
}

/** An EBML header with the given DocType (and the usual version elements around it). */
function ebml(doctype: string | null): Uint8Array {
  const elements = [0x42, 0x86, 0x81, 0x01, 0x42, 0xf7, 0x81, 0x01, 0x42, 0xf2, 0x81, 0x04, 0x42, 0xf3, 0x81, 0x08];
  if (doctype !== null) elements.push(0x42, 0x82, 0x80 | doctype.length, ...latin1(doctype));
  elements.push(0x42, 0x87, 0x81, 0x04);
  return Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x80 | elements.length, ...elements, 0x18, 0x53, 0x80, 0x67]);
}

describe('sniffVideoContainer: ISO-BMFF brands', () => {
  it.each([
    'isom',
    'iso2',
    'iso4',
    'iso5',
    'iso6',
    'mp41',
    'mp42',
    'avc1',
    'M4V ',
    'M4VH',
    'dash',
    'MSNV',
    'XAVC',
    '3gp4',
    '3gp5',
    '3g2a',
    'mmp4',
    'CAEP',
  ])('takes %j as MP4', (brand) => {
    expect(sniffVideoContainer(ftyp(brand, 'isom'))).toEqual({
      ok: true,
      mimeType: 'video/mp4',
      container: 'mp4',
      brand,
    });
  });

  it("takes 'qt  ' as QuickTime", () => {
    expect(sniffVideoContainer(ftyp('qt  ', 'qt  '))).toEqual({
      ok: true,
      mimeType: 'video/quicktime',
      container: 'mov',
      brand: 'qt  ',
    });
  });

  it.each([
    ['M4A ', 'audio_brand'],
    ['M4B ', 'audio_brand'],
    ['M4P ', 'audio_brand'],
    ['F4A ', 'audio_brand'],
    ['heic', 'image_brand'],
    ['mif1', 'image_brand'],
    ['avif', 'image_brand'],
    ['hevc', 'image_brand'],
  ])('refuses %j (%s) even though it lists isom as compatible', (brand, reason) => {
    expect(sniffVideoContainer(ftyp(brand, 'mp42', 'isom'))).toEqual({ ok: false, reason, brand });
  });

  it('takes an unknown major brand that declares a video brand compatible, and refuses one that does not', () => {
    expect(sniffVideoContainer(ftyp('XYZ1', 'XYZ1', 'mp42'))).toMatchObject({
      ok: true,
      mimeType: 'video/mp4',
      brand: 'XYZ1',
    });
    expect(sniffVideoContainer(ftyp('XYZ1', 'qt  '))).toMatchObject({ ok: true, mimeType: 'video/quicktime' });
    expect(sniffVideoContainer(ftyp('crx ', 'crx '))).toEqual({ ok: false, reason: 'unknown_brand', brand: 'crx ' });
  });

  it('takes QuickTime files older than ftyp by their leading atom', () => {
    for (const atom of ['moov', 'mdat', 'wide', 'free', 'skip', 'pnot']) {
      expect(sniffVideoContainer(Uint8Array.from([...u32(8), ...latin1(atom), 0, 0, 0, 0]))).toMatchObject({
        ok: true,
        mimeType: 'video/quicktime',
      });
    }
  });
});

describe('sniffVideoContainer: EBML', () => {
  it('takes doctype webm, refuses matroska and a header without a doctype (which means matroska)', () => {
    expect(sniffVideoContainer(ebml('webm'))).toEqual({
      ok: true,
      mimeType: 'video/webm',
      container: 'webm',
      brand: 'webm',
    });
    expect(sniffVideoContainer(ebml('matroska'))).toEqual({ ok: false, reason: 'matroska', brand: 'matroska' });
    expect(sniffVideoContainer(ebml(null))).toEqual({ ok: false, reason: 'matroska', brand: null });
  });
});

describe('sniffVideoContainer: everything else', () => {
  it.each([
    ['a PDF', latin1('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n')],
    ['a GIF', latin1('GIF89a\x01\x00\x01\x00\x80\x00\x00')],
    ['a PNG', latin1('\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR')],
    ['text', latin1('These are my notes for the video.\n')],
    ['an ftyp cut before its brand', latin1('\x00\x00\x00\x18ftyp')],
    ['a broken EBML size', Uint8Array.from([0x1a, 0x45, 0xdf, 0xa3, 0x00])],
  ])('refuses %s', (_what, head) => {
    expect(sniffVideoContainer(head)).toMatchObject({ ok: false, reason: 'not_a_container' });
  });

  it('refuses no bytes as empty, with a message that says so', () => {
    const sniff = sniffVideoContainer(new Uint8Array(0));
    expect(sniff).toEqual({ ok: false, reason: 'empty', brand: null });
    expect(sniff.ok === false && containerRefusalMessage(sniff)).toMatch(/empty/);
  });
});

describe('sniffVideoContainer over the committed corpus', () => {
  it.each(corpus.map((e) => [e.name, e.outcome.firstBytes] as const))('%s: %s', (name, expected) => {
    const head = readCorpusFile(name).subarray(0, CONTAINER_SNIFF_BYTES);
    expect(sniffVideoContainer(head).ok ? 'accepted' : 'refused').toBe(expected);
  });
});
