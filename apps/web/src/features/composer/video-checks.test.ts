import { MAX_VIDEO_BYTES } from '@content-studio/contract';
import { describe, expect, it } from 'vitest';
import { checkVideoFile, checkVideoMetadata, formatDuration, normalizeVideoFile } from './video-checks';

const file = (name: string, type: string, size = 10) => {
  const f = new File([new Uint8Array(1)], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

describe('video checks before any byte moves', () => {
  it.each(['video/mp4', 'video/quicktime', 'video/webm'])('accepts %s', (type) => {
    expect(checkVideoFile(file('a', type))).toEqual([]);
  });

  it.each([
    ['notes.pdf', 'application/pdf', 10, 'type'],
    ['clip.avi', 'video/x-msvideo', 10, 'type'],
    ['empty.mp4', 'video/mp4', 0, 'empty'],
    ['huge.mp4', 'video/mp4', MAX_VIDEO_BYTES + 1, 'too-large'],
  ])('refuses %s', (name, type, size, id) => {
    expect(checkVideoFile(file(name, type, size)).map((problem) => problem.id)).toEqual([id]);
  });

  it('accepts exactly 4 GB', () => {
    expect(checkVideoFile(file('max.mp4', 'video/mp4', MAX_VIDEO_BYTES))).toEqual([]);
  });

  it('labels a typeless .mov by its extension, keeping the bytes', () => {
    const normalized = normalizeVideoFile(new File(['abc'], 'Holiday.MOV', { type: '' }));
    expect(normalized.type).toBe('video/quicktime');
    expect(normalized.name).toBe('Holiday.MOV');
    expect(normalized.size).toBe(3);
  });

  it("measures a direct post against the creator's limit and a draft against 10 minutes", () => {
    const metadata = { durationSec: 75, width: 1080, height: 1920 };
    expect(checkVideoMetadata(metadata, { mode: 'direct', maxDirectDurationSec: 60 })[0]?.fix).toBe(
      'Trim it to 1:00 or less in your editor.',
    );
    expect(checkVideoMetadata(metadata, { mode: 'draft', maxDirectDurationSec: 60 })).toEqual([]);
  });

  it.each([
    [359, 640, 'too-small'],
    [4097, 2160, 'too-big'],
  ])('refuses %i × %i px', (width, height, id) => {
    expect(checkVideoMetadata({ durationSec: 10, width, height }, { mode: 'direct', maxDirectDurationSec: 60 })[0]?.id).toBe(id);
  });

  it('passes what it could not read', () => {
    expect(checkVideoMetadata({ durationSec: null, width: null, height: null }, { mode: 'direct', maxDirectDurationSec: 60 })).toEqual([]);
  });

  it.each([
    [60, '1:00'],
    [75, '1:15'],
    [600, '10:00'],
    [3725, '1:02:05'],
  ])('writes %i s as %s', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });
});
