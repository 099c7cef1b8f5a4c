import { MAX_VIDEO_BYTES } from '@content-studio/contract';
import { describe, expect, it } from 'vitest';
import type { VideoFacts, VideoRead } from './media/video-facts';
import { fakeFacts } from './testing/fake-container-reader';
import { checkVideoFacts, checkVideoFile, checkVideoRead, describeFacts, formatDuration } from './video-checks';

const file = (name: string, type: string, size = 10) => {
  const f = new File([new Uint8Array(1)], name, { type });
  Object.defineProperty(f, 'size', { value: size });
  return f;
};

/** The fake reader's healthy clip, as read from an MP4 whose codecs string the browser would use. */
const facts = (overrides: Partial<VideoFacts> = {}): VideoFacts =>
  fakeFacts({ kind: 'mp4', mimeType: 'video/mp4' }, { codecsParameter: 'avc1.64001f, mp4a.40.2', ...overrides });

const direct = { mode: 'direct', maxDirectDurationSec: 60 } as const;
const ids = (problems: { id: string }[]) => problems.map((problem) => problem.id);

describe('checks on the File, before it is read', () => {
  it.each([
    ['empty.mp4', 0, 'empty', '“empty.mp4” is empty (0 bytes).'],
    ['huge.mp4', MAX_VIDEO_BYTES + 1, 'too-large', '“huge.mp4” is 4 GB; TikTok accepts videos up to 4 GB.'],
  ])('refuses %s', (name, size, id, message) => {
    expect(checkVideoFile(file(name, 'video/mp4', size))).toEqual([{ id, message, fix: expect.any(String) }]);
  });

  it('accepts exactly 4 GB, whatever type the system reports (the content decides)', () => {
    expect(checkVideoFile(file('max.mp4', 'video/mp4', MAX_VIDEO_BYTES))).toEqual([]);
    expect(checkVideoFile(file('Holiday.MOV', ''))).toEqual([]);
  });
});

describe('a file whose container is no video TikTok can take', () => {
  const cases: [Exclude<VideoRead, { kind: 'read' }>, string, string, RegExp][] = [
    [
      { kind: 'not-a-video', reason: 'not_a_container' },
      'type',
      "“a.mp4” isn't an MP4, MOV or WebM video: its contents are not a video file, whatever its name says.",
      /export it from your editor as MP4/,
    ],
    [
      { kind: 'unreadable' },
      'unreadable',
      "“a.mp4” starts like a video file, but the rest of it can't be read as one.",
      /damaged/,
    ],
    [
      { kind: 'truncated' },
      'truncated',
      '“a.mp4” is incomplete: the file stops before the end of its video.',
      /Copy it again from the original/,
    ],
    [{ kind: 'no-video', hasAudio: true }, 'no-video', '“a.mp4” has sound but no picture.', /needs a video track/],
    [{ kind: 'no-video', hasAudio: false }, 'no-video', '“a.mp4” holds no video.', /needs a video track/],
  ];
  it.each(cases)('%o → %s, with its own message and fix', (read, id, message, fix) => {
    const problem = checkVideoRead(read, 'a.mp4');
    expect({ id: problem.id, message: problem.message }).toEqual({ id, message });
    expect(problem.fix).toMatch(fix);
  });

  it.each([
    ['audio_brand', '“a.mp4” is an audio file, not a video.'],
    ['image_brand', '“a.mp4” is a photo (HEIC or AVIF), not a video.'],
    ['matroska', '“a.mp4” is a Matroska (.mkv) file; TikTok takes MP4, MOV or WebM.'],
    [
      'unknown_brand',
      "“a.mp4” isn't an MP4, MOV or WebM video: its contents are not a video file, whatever its name says.",
    ],
  ] as const)('says what a refused file is by its first bytes (%s)', (reason, message) => {
    expect(checkVideoRead({ kind: 'not-a-video', reason }, 'a.mp4')).toMatchObject({ id: 'type', message });
  });

  it('gives every kind a different message and fix', () => {
    const problems = cases.map(([read]) => checkVideoRead(read, 'a.mp4'));
    expect(new Set(problems.map((problem) => problem.message)).size).toBe(cases.length);
    expect(new Set(problems.map((problem) => problem.fix)).size).toBe(cases.length - 1); // the two no-video kinds share their fix
  });
});

describe("checks on what the container says, from TikTok's Media Restrictions", () => {
  it('passes a healthy clip', () => {
    expect(checkVideoFacts(facts(), direct)).toEqual([]);
  });

  it.each(['avc', 'hevc', 'vp8', 'vp9'])('takes %s', (videoCodec) => {
    expect(checkVideoFacts(facts({ videoCodec }), direct)).toEqual([]);
  });

  it.each([
    ['av1', 'avc1', 'This video is encoded with AV1; TikTok takes H.264, H.265 (HEVC), VP8 or VP9.'],
    [
      null,
      'mp4v',
      'This video is encoded with an unknown codec (“mp4v”); TikTok takes H.264, H.265 (HEVC), VP8 or VP9.',
    ],
  ])('refuses codec %s (%s)', (videoCodec, videoCodecId, message) => {
    expect(checkVideoFacts(facts({ videoCodec, videoCodecId }), direct)).toEqual([
      { id: 'codec', message, fix: 'Export it again from your editor or camera app as MP4 (H.264).' },
    ]);
  });

  it("measures a direct post against the creator's limit and a draft against 10 minutes", () => {
    const long = facts({ durationSec: 75 });
    expect(checkVideoFacts(long, direct)).toEqual([
      {
        id: 'too-long',
        message: 'This video is 1:15 long; your TikTok account can post videos up to 1:00.',
        fix: 'Cut it to 1:00 or less: right here in the browser (below), or in your editor.',
      },
    ]);
    expect(checkVideoFacts(long, { mode: 'draft', maxDirectDurationSec: 60 })).toEqual([]);
    expect(
      checkVideoFacts(facts({ durationSec: 600.5 }), { mode: 'draft', maxDirectDurationSec: 60 })[0]?.message,
    ).toBe('This video is 10:01 long; TikTok accepts drafts up to 10:00.');
    expect(checkVideoFacts(facts({ durationSec: 60 }), direct)).toEqual([]);
  });

  it('waits with the length check until the creator’s limit is known', () => {
    expect(checkVideoFacts(facts({ durationSec: 9999 }), { mode: 'direct', maxDirectDurationSec: undefined })).toEqual(
      [],
    );
  });

  it.each([
    [359, 640, 'too-small', 'This video is 359 × 640 px; TikTok needs at least 360 px on each side.'],
    [4097, 2160, 'too-big', 'This video is 4097 × 2160 px; TikTok accepts at most 4096 px on each side.'],
  ])('refuses %i × %i px', (width, height, id, message) => {
    expect(checkVideoFacts(facts({ width, height }), direct)).toEqual([{ id, message, fix: expect.any(String) }]);
  });

  it.each([360, 4096])('takes a side of exactly %i px', (side) => {
    expect(checkVideoFacts(facts({ width: side, height: side }), direct)).toEqual([]);
  });

  it.each([
    [15, 'This video plays at 15 frames per second; TikTok accepts 23 to 60.'],
    [22.5, 'This video plays at 22.5 frames per second; TikTok accepts 23 to 60.'],
    [120, 'This video plays at 120 frames per second; TikTok accepts 23 to 60.'],
  ])('refuses %d fps', (frameRate, message) => {
    expect(checkVideoFacts(facts({ frameRate }), direct)).toEqual([
      { id: 'frame-rate', message, fix: 'Export it again at 24, 25, 30 or 60 frames per second.' },
    ]);
  });

  it.each([23, 23.976, 29.97, 59.94, 60, 60.02])('takes %d fps', (frameRate) => {
    expect(checkVideoFacts(facts({ frameRate }), direct)).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(
      ids(
        checkVideoFacts(facts({ videoCodec: 'av1', durationSec: 90, width: 320, height: 240, frameRate: 15 }), direct),
      ),
    ).toEqual(['codec', 'too-long', 'too-small', 'frame-rate']);
  });
});

describe('what was read, in words', () => {
  it('says length, displayed size, codec, frame rate and a missing sound', () => {
    expect(
      describeFacts(
        facts({ videoCodec: 'hevc', durationSec: 42.4, audioCodec: null, variableFrameRate: true, frameRate: 29.97 }),
      ),
    ).toBe('0:42 · 1080 × 1920 px · H.265 (HEVC) · 29.97 fps (variable) · no sound');
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
