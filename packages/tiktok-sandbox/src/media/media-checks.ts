import type { MediaReading } from './read-media';

/** TikTok's "Get Post Status" fail reasons that its media checks produce. */
export type MediaFailReason =
  'file_format_check_failed' | 'duration_check_failed' | 'frame_rate_check_failed' | 'picture_size_check_failed';

export type MediaVerdict =
  { kind: 'pass'; note?: string } | { kind: 'fail'; failReason: MediaFailReason; detail: string };

/** TikTok's "Media Restrictions": H.264 (recommended), H.265, VP8, VP9. */
const ACCEPTED_VIDEO_CODECS: readonly string[] = ['avc', 'hevc', 'vp8', 'vp9'];
/** TikTok's "Media Restrictions": MP4 (recommended), WebM, MOV. Matroska other than WebM is not listed. */
const ACCEPTED_CONTAINERS: readonly string[] = ['mp4', 'mov', 'webm'];
const MIN_FPS = 23;
const MAX_FPS = 60;
const MIN_SIDE_PX = 360;
const MAX_SIDE_PX = 4096;

/**
 * TikTok's verdict on a read file, in the order its fail reasons are listed on the "Get Post
 * Status" page (format, duration, frame rate, picture size). The page does not say which check runs
 * first when a file breaks several rules; every corpus file breaks at most one, so either order gives
 * the same answers there.
 *
 * A codec TikTok does not take gets `file_format_check_failed`: the page's closest reason
 * ("unsupported format"); it names no codec reason.
 *
 * A check whose facts needed bytes from the discarded middle of the upload is skipped, and the post
 * goes on with a note (`mediaNote` in the sandbox's upload report, and its log): the sandbox failing a
 * file TikTok would take is a failure real TikTok never produces, whereas a skipped check only misses
 * one it would refuse. Only large files whose layout puts what is read there are affected (e.g. a WebM
 * whose first cluster is larger than the kept head); every corpus file, and every MP4/MOV whose index
 * and last samples fit in the kept windows, is decided in full.
 */
export function judgeMedia(reading: MediaReading, maxDurationSec: number): MediaVerdict {
  switch (reading.kind) {
    case 'undetermined':
      return { kind: 'pass', note: `media checks skipped: ${reading.detail}` };
    case 'unreadable':
      return { kind: 'fail', failReason: 'file_format_check_failed', detail: reading.detail };
    case 'no-video':
      return {
        kind: 'fail',
        failReason: 'file_format_check_failed',
        detail: `no video track in the ${reading.container} file`,
      };
    case 'read':
      break;
  }
  const f = reading.facts;
  if (!ACCEPTED_CONTAINERS.includes(f.container)) {
    return { kind: 'fail', failReason: 'file_format_check_failed', detail: `${f.container} is not MP4, MOV or WebM` };
  }
  if (!ACCEPTED_VIDEO_CODECS.includes(f.videoCodec)) {
    return {
      kind: 'fail',
      failReason: 'file_format_check_failed',
      detail: `video codec ${f.videoCodec} is not H.264, H.265, VP8 or VP9`,
    };
  }
  if (f.truncated === true) {
    return {
      kind: 'fail',
      failReason: 'file_format_check_failed',
      detail: 'the file ends before its last sample (truncated)',
    };
  }
  if (f.durationSec !== null && f.durationSec > maxDurationSec) {
    return {
      kind: 'fail',
      failReason: 'duration_check_failed',
      detail: `${f.durationSec} s is over the ${maxDurationSec} s limit`,
    };
  }
  if (f.fps !== null && !(f.fps >= MIN_FPS && f.fps <= MAX_FPS)) {
    return {
      kind: 'fail',
      failReason: 'frame_rate_check_failed',
      detail: `${f.fps.toFixed(2)} fps is outside ${MIN_FPS}–${MAX_FPS}`,
    };
  }
  const sides = [f.width, f.height];
  if (sides.some((s) => s < MIN_SIDE_PX || s > MAX_SIDE_PX)) {
    return {
      kind: 'fail',
      failReason: 'picture_size_check_failed',
      detail: `${f.width}x${f.height} has a side outside ${MIN_SIDE_PX}–${MAX_SIDE_PX} px`,
    };
  }
  return f.undecided.length > 0
    ? { kind: 'pass', note: `media checks skipped: ${f.undecided.join('; ')}` }
    : { kind: 'pass' };
}
