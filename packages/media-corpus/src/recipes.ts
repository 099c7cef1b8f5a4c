/**
 * The corpus's recipes: how each file is made, what it is, and what should happen to it.
 *
 * `expect` and `outcome` are written by hand from TikTok's rules (TikTok's "Content Posting API —
 * Media Transfer Guide", its "Media Restrictions" and the "Get Post Status" page's fail reasons), not
 * read back from the code under test: the tests compare the sandbox's media reader, the proxy's
 * first-bytes rule and the compose screen against these. The generator checks each new file with
 * ffprobe against `expect` before it writes the manifest, so a recipe cannot silently make something
 * else.
 */

/** How the bytes are made. `{out}` is the output path, `{in}` the previous step's output. */
export type Make =
  | { kind: 'ffmpeg'; steps: string[][] }
  | { kind: 'bytes'; utf8: string }
  | { kind: 'truncate'; of: string; keep: 'first-half' };

export type Container = 'mp4' | 'mov' | 'webm' | 'matroska';

/** What a container reader should find (null for files that are not a readable container). */
export interface Facts {
  container: Container;
  /** Codec of the video track, in mediabunny's names (avc, hevc, vp8, vp9, av1, prores) or `other:<ffmpeg name>` for one it has no name for. */
  videoCodec: string | null;
  audioCodec: string | null;
  durationSec: number;
  /** As displayed: the rotation applied. */
  width: number;
  height: number;
  /** Clockwise degrees the player turns the coded picture. */
  rotation: 0 | 90 | 180 | 270;
  /** Average frames per second over the whole file. */
  fps: number;
  /** Frame timing is not uniform (the average is what TikTok's 23–60 rule is checked against). */
  variableFrameRate?: boolean;
}

/** The compose screen's own refusal codes (one message and fix each). */
export type ComposeRefusal =
  | 'empty_file'
  | 'not_a_supported_container'
  | 'unreadable'
  | 'no_video_track'
  | 'unsupported_codec'
  | 'too_long'
  | 'picture_too_small'
  | 'picture_too_large'
  | 'frame_rate_out_of_range'
  | 'truncated';

/** TikTok's "Get Post Status" fail reasons that media processing produces. */
export type MediaFailReason =
  'file_format_check_failed' | 'duration_check_failed' | 'frame_rate_check_failed' | 'picture_size_check_failed';

export interface Outcome {
  /**
   * The first-bytes rule (packages/contract's container sniffing, shared by the proxy and the compose
   * screen): `refused` means no init is ever spent on the file.
   */
  firstBytes: 'accepted' | 'refused';
  /** The compose screen's verdict before any call to the proxy. */
  compose: { accepted: true } | { accepted: false; reason: ComposeRefusal };
  /**
   * What TikTok does after the last chunk if the file is sent anyway (a client that skips the
   * checks, or curl): `complete` = PUBLISH_COMPLETE (direct) / SEND_TO_USER_INBOX (inbox).
   */
  tiktok: { status: 'complete' } | { status: 'FAILED'; failReason: MediaFailReason };
}

export interface Recipe {
  name: string;
  description: string;
  make: Make;
  /** The post the outcome is for: which sandbox test account, and direct post or inbox draft. */
  post: { account: 'ava' | 'nico'; mode: 'direct' | 'inbox' };
  expect: Facts | null;
  outcome: Outcome;
}

const ACCEPTED: Outcome = { firstBytes: 'accepted', compose: { accepted: true }, tiktok: { status: 'complete' } };
const AVA_DIRECT = { account: 'ava', mode: 'direct' } as const;

function failed(
  compose: ComposeRefusal,
  failReason: MediaFailReason,
  firstBytes: 'accepted' | 'refused' = 'accepted',
): Outcome {
  return { firstBytes, compose: { accepted: false, reason: compose }, tiktok: { status: 'FAILED', failReason } };
}

// Low quality settings keep every file a few KiB to a few hundred KiB; the pictures only need to be
// decodable, not pretty. `-map_metadata -1 -fflags +bitexact` keeps encoder strings out, so two runs of
// the same ffmpeg build give the same bytes.
const QUIET = ['-hide_banner', '-loglevel', 'error', '-y'];
const EXACT = ['-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact', '-flags:a', '+bitexact'];
const X264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '38', '-pix_fmt', 'yuv420p'];
const AAC = ['-c:a', 'aac', '-b:a', '32k'];

function testsrc(size: string, rate: number, seconds: number): string[] {
  return ['-f', 'lavfi', '-i', `testsrc2=size=${size}:rate=${rate}:duration=${seconds}`];
}
function flat(size: string, rate: number, seconds: number): string[] {
  return ['-f', 'lavfi', '-i', `color=c=0x2040a0:size=${size}:rate=${rate}:duration=${seconds}`];
}
function tone(seconds: number): string[] {
  return ['-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${seconds}`];
}
function ffmpeg(...steps: string[][]): Make {
  return { kind: 'ffmpeg', steps: steps.map((s) => [...QUIET, ...s]) };
}
/** Video only, H.264 with the index first: the shape of most single-rule files below. */
function h264Faststart(input: string[]): Make {
  return ffmpeg([...input, ...X264, '-movflags', '+faststart', ...EXACT, '{out}']);
}

/**
 * The facts most files share: a 2 s, 360x640 (portrait, unrotated), 30 fps H.264 MP4 without audio.
 * Each recipe spreads it and states only what differs, so the rule a file tests stands out.
 */
const PORTRAIT_H264_2S: Facts = {
  container: 'mp4',
  videoCodec: 'avc',
  audioCodec: null,
  durationSec: 2,
  width: 360,
  height: 640,
  rotation: 0,
  fps: 30,
};
/** An audio-only MP4: a container a reader can open, with no picture at all. */
const AAC_ONLY_2S: Facts = { ...PORTRAIT_H264_2S, videoCodec: null, audioCodec: 'aac', width: 0, height: 0, fps: 0 };

export const RECIPES: readonly Recipe[] = [
  {
    name: 'h264-aac-faststart.mp4',
    description: 'The common case: H.264/AAC MP4 with the index (moov) before the media data.',
    make: ffmpeg([
      ...testsrc('360x640', 30, 2),
      ...tone(2),
      ...X264,
      ...AAC,
      '-movflags',
      '+faststart',
      ...EXACT,
      '{out}',
    ]),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, audioCodec: 'aac' },
    outcome: ACCEPTED,
  },
  {
    name: 'h264-aac-moov-at-end.mp4',
    description: 'What many Android cameras write: the index (moov) after the media data, at the very end.',
    make: ffmpeg([...testsrc('360x640', 30, 2), ...tone(2), ...X264, ...AAC, ...EXACT, '{out}']),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, audioCodec: 'aac' },
    outcome: ACCEPTED,
  },
  {
    name: 'hevc-rotated-90.mov',
    description:
      'An iPhone-style HEVC QuickTime file: coded 640x360 (landscape) with a display matrix turning it 90° to portrait.',
    // ffmpeg 5.1 has no -display_rotation and drops the `rotate` tag when it encodes, but writes it as
    // the track's display matrix on a stream copy: so encode first, then remux with the tag. Its tag
    // counts counter-clockwise here: 270 writes the matrix an iPhone writes for portrait (0 1 / -1 0),
    // which players turn 90° clockwise (ffprobe shows rotation -90).
    make: ffmpeg(
      [
        ...testsrc('640x360', 30, 2),
        ...tone(2),
        '-c:v',
        'libx265',
        '-preset',
        'ultrafast',
        '-crf',
        '38',
        '-pix_fmt',
        'yuv420p',
        '-tag:v',
        'hvc1',
        '-x265-params',
        'log-level=error',
        ...AAC,
        ...EXACT,
        '{out}',
      ],
      ['-i', '{in}', '-c', 'copy', '-metadata:s:v:0', 'rotate=270', ...EXACT, '{out}'],
    ),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, container: 'mov', videoCodec: 'hevc', audioCodec: 'aac', rotation: 90 },
    outcome: ACCEPTED,
  },
  {
    name: 'vp9-opus.webm',
    description: 'A WebM screen recording: VP9 video, Opus audio.',
    make: ffmpeg([
      ...testsrc('360x640', 30, 2),
      ...tone(2),
      '-c:v',
      'libvpx-vp9',
      '-b:v',
      '100k',
      '-deadline',
      'realtime',
      '-cpu-used',
      '8',
      '-c:a',
      'libopus',
      '-b:a',
      '24k',
      ...EXACT,
      '{out}',
    ]),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, container: 'webm', videoCodec: 'vp9', audioCodec: 'opus' },
    outcome: ACCEPTED,
  },
  {
    name: 'h264-4k-60fps.mp4',
    description: '4K (3840x2160) at 60 fps: the top of what TikTok takes; one second of flat colour keeps it tiny.',
    make: h264Faststart(flat('3840x2160', 60, 1)),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, durationSec: 1, width: 3840, height: 2160, fps: 60 },
    outcome: ACCEPTED,
  },
  {
    name: 'h264-vfr.mp4',
    description:
      'Variable frame rate, as phones record in low light: 60 fps for the first second, 30 fps for the next (45 fps on average).',
    make: ffmpeg([
      ...testsrc('360x640', 60, 2),
      '-vf',
      'select=lt(n\\,60)+not(mod(n\\,2))',
      '-fps_mode',
      'vfr',
      ...X264,
      '-movflags',
      '+faststart',
      ...EXACT,
      '{out}',
    ]),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, fps: 45, variableFrameRate: true },
    outcome: ACCEPTED,
  },
  {
    name: 'h264-no-audio.mp4',
    description: 'Video only, no audio track (TikTok takes it).',
    make: h264Faststart(testsrc('360x640', 30, 2)),
    post: AVA_DIRECT,
    expect: PORTRAIT_H264_2S,
    outcome: ACCEPTED,
  },
  {
    name: 'audio-only.mp4',
    description: 'An MP4 (brand isom) holding only AAC audio: a valid container with no video track.',
    make: ffmpeg([...tone(2), ...AAC, '-movflags', '+faststart', ...EXACT, '{out}']),
    post: AVA_DIRECT,
    expect: AAC_ONLY_2S,
    outcome: failed('no_video_track', 'file_format_check_failed'),
  },
  {
    name: 'audio-only-m4a-brand.mp4',
    description:
      "An iTunes audio file (major brand 'M4A ') renamed .mp4: audio by its brand, refused from its first bytes.",
    make: ffmpeg([...tone(2), ...AAC, '-f', 'ipod', '-movflags', '+faststart', ...EXACT, '{out}']),
    post: AVA_DIRECT,
    expect: AAC_ONLY_2S,
    outcome: failed('not_a_supported_container', 'file_format_check_failed', 'refused'),
  },
  {
    name: 'truncated-faststart.mp4',
    description:
      'The first half of h264-aac-faststart.mp4: the index is whole and promises 2 s, but half the media data is missing.',
    make: { kind: 'truncate', of: 'h264-aac-faststart.mp4', keep: 'first-half' },
    post: AVA_DIRECT,
    expect: null,
    outcome: failed('truncated', 'file_format_check_failed'),
  },
  {
    name: 'truncated-moov-at-end.mp4',
    description: 'The first half of h264-aac-moov-at-end.mp4: the index, written last, is gone.',
    make: { kind: 'truncate', of: 'h264-aac-moov-at-end.mp4', keep: 'first-half' },
    post: AVA_DIRECT,
    expect: null,
    outcome: failed('unreadable', 'file_format_check_failed'),
  },
  {
    name: 'empty.mp4',
    description: 'Zero bytes.',
    make: { kind: 'bytes', utf8: '' },
    post: AVA_DIRECT,
    expect: null,
    outcome: failed('empty_file', 'file_format_check_failed', 'refused'),
  },
  {
    name: 'text-named.mp4',
    description: 'A text file renamed clip.mp4.',
    make: { kind: 'bytes', utf8: 'These are my notes for the video, not the video.\n' },
    post: AVA_DIRECT,
    expect: null,
    outcome: failed('not_a_supported_container', 'file_format_check_failed', 'refused'),
  },
  {
    name: 'h264-61s.mp4',
    description: "61 s: one second over the 60 s nico may post directly (creator_info's max_video_post_duration_sec).",
    make: ffmpeg([...flat('360x640', 24, 61), ...X264, '-g', '100000', '-movflags', '+faststart', ...EXACT, '{out}']),
    post: { account: 'nico', mode: 'direct' },
    expect: { ...PORTRAIT_H264_2S, durationSec: 61, fps: 24 },
    outcome: failed('too_long', 'duration_check_failed'),
  },
  {
    name: 'h264-601s.mp4',
    description:
      "10 min 1 s: over TikTok's 10-minute limit for videos sent to the inbox as drafts. A still 360x360 picture at 23 fps keeps it small.",
    make: ffmpeg([
      ...flat('360x360', 23, 601),
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '51',
      '-pix_fmt',
      'yuv420p',
      '-g',
      '100000',
      '-x264-params',
      'bframes=16',
      '-movflags',
      '+faststart',
      ...EXACT,
      '{out}',
    ]),
    post: { account: 'ava', mode: 'inbox' },
    expect: { ...PORTRAIT_H264_2S, durationSec: 601, height: 360, fps: 23 },
    outcome: failed('too_long', 'duration_check_failed'),
  },
  {
    name: 'h264-240x426.mp4',
    description: "Too small: the short side is 240 px, under TikTok's 360 px minimum.",
    make: h264Faststart(testsrc('240x426', 30, 1)),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, durationSec: 1, width: 240, height: 426 },
    outcome: failed('picture_too_small', 'picture_size_check_failed'),
  },
  {
    name: 'h264-4160x360.mp4',
    description: "Too wide: 4160 px, over TikTok's 4096 px maximum (flat colour keeps it tiny).",
    make: h264Faststart(flat('4160x360', 30, 1)),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, durationSec: 1, width: 4160, height: 360 },
    outcome: failed('picture_too_large', 'picture_size_check_failed'),
  },
  {
    name: 'h264-15fps.mp4',
    description: "A 15 fps clip, under TikTok's 23 fps minimum.",
    make: h264Faststart(testsrc('360x640', 15, 2)),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, fps: 15 },
    outcome: failed('frame_rate_out_of_range', 'frame_rate_check_failed'),
  },
  {
    name: 'h264-120fps.mp4',
    description: "A 120 fps slow-motion clip, over TikTok's 60 fps maximum.",
    make: h264Faststart(flat('360x640', 120, 1)),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, durationSec: 1, fps: 120 },
    outcome: failed('frame_rate_out_of_range', 'frame_rate_check_failed'),
  },
  {
    name: 'mpeg4-part2.mp4',
    description:
      "MPEG-4 Part 2 video (old cameras, DivX/Xvid) in MP4: a codec TikTok's Media Restrictions do not list.",
    make: ffmpeg([
      ...testsrc('360x640', 30, 1),
      '-c:v',
      'mpeg4',
      '-q:v',
      '20',
      '-movflags',
      '+faststart',
      ...EXACT,
      '{out}',
    ]),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, videoCodec: 'other:mpeg4', durationSec: 1 },
    outcome: failed('unsupported_codec', 'file_format_check_failed'),
  },
  {
    name: 'prores.mov',
    description: 'Apple ProRes in QuickTime (camera and editor exports): a codec TikTok does not take.',
    make: ffmpeg([...flat('360x640', 24, 1), '-c:v', 'prores_ks', '-profile:v', '0', ...EXACT, '{out}']),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, container: 'mov', videoCodec: 'prores', durationSec: 1, fps: 24 },
    outcome: failed('unsupported_codec', 'file_format_check_failed'),
  },
  {
    name: 'h264-matroska.mkv',
    description:
      "H.264 in Matroska (doctype 'matroska', not 'webm'): an EBML file, but not one of the containers TikTok lists (MP4, WebM, MOV).",
    make: ffmpeg([...testsrc('360x640', 30, 1), ...X264, ...EXACT, '{out}']),
    post: AVA_DIRECT,
    expect: { ...PORTRAIT_H264_2S, container: 'matroska', durationSec: 1 },
    outcome: failed('not_a_supported_container', 'file_format_check_failed', 'refused'),
  },
];
