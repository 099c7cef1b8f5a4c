import { MAX_VIDEO_BYTES, type ContainerRefusal, type UploadMode } from '@content-studio/contract';
import { formatBytes } from '@/lib/format-bytes';
import type { VideoFacts, VideoRead } from './media/video-facts';

/**
 * Checks a video in the browser before a single byte leaves it, from TikTok's Media Restrictions
 * (Content Posting API, "Media Transfer Guide") and the audit's duration rule (TikTok's Content Sharing Guidelines): size
 * from the File, then type, tracks, codec, length, picture size and frame rate from the container
 * (media/read-video.ts), never from the browser's decoder. Each problem says what is wrong and how
 * to fix it, in the creator's terms.
 */

export type VideoProblemId =
  | 'empty'
  | 'too-large'
  | 'type'
  | 'unreadable'
  | 'truncated'
  | 'no-video'
  | 'codec'
  | 'too-long'
  | 'too-small'
  | 'too-big'
  | 'frame-rate';

export type VideoProblem = {
  id: VideoProblemId;
  message: string;
  fix: string;
};

const MIN_VIDEO_SIDE_PX = 360;
const MAX_VIDEO_SIDE_PX = 4096;
const MIN_FRAME_RATE = 23;
const MAX_FRAME_RATE = 60;
/** TikTok accepts drafts up to 10 minutes; creators trim them in the app (TikTok's Media Transfer Guide). */
export const MAX_DRAFT_DURATION_SEC = 600;

/** TikTok's Media Restrictions: H.264 (recommended), H.265, VP8, VP9 (mediabunny's names). */
export const TIKTOK_VIDEO_CODECS: readonly string[] = ['avc', 'hevc', 'vp8', 'vp9'];

// Frame rates are measured from timestamps (29.97 reads as 29.97, a 60 fps phone clip as 59.94 or
// 60.02); this much either side of TikTok's 23–60 still counts as inside.
const FRAME_RATE_TOLERANCE = 0.05;

const CODEC_LABELS: Record<string, string> = {
  avc: 'H.264',
  hevc: 'H.265 (HEVC)',
  vp8: 'VP8',
  vp9: 'VP9',
  av1: 'AV1',
  prores: 'ProRes',
};

export function codecLabel(facts: Pick<VideoFacts, 'videoCodec' | 'videoCodecId'>): string {
  if (facts.videoCodec) return CODEC_LABELS[facts.videoCodec] ?? facts.videoCodec.toUpperCase();
  return facts.videoCodecId ? `an unknown codec (“${facts.videoCodecId}”)` : 'an unknown codec';
}

const EXPORT_AGAIN = 'Export it again from your editor or camera app as MP4 (H.264).';

/** Problems visible from the File alone, before reading it; the file is refused when there are any. */
export function checkVideoFile(file: File): VideoProblem[] {
  if (file.size === 0) {
    return [
      {
        id: 'empty',
        message: `“${file.name}” is empty (0 bytes).`,
        fix: 'Choose another file, or export the video again.',
      },
    ];
  }
  if (file.size > MAX_VIDEO_BYTES) {
    return [
      {
        id: 'too-large',
        message: `“${file.name}” is ${formatBytes(file.size)}; TikTok accepts videos up to ${formatBytes(MAX_VIDEO_BYTES)}.`,
        fix: 'Export it again at a lower bitrate or resolution (1080p is plenty for TikTok), or trim it.',
      },
    ];
  }
  return [];
}

/** Why a file whose container could not be read as a video is refused (every kind but `read`). */
export function checkVideoRead(read: Exclude<VideoRead, { kind: 'read' }>, fileName: string): VideoProblem {
  switch (read.kind) {
    case 'not-a-video':
      return notAVideo(read.reason, fileName);
    case 'unreadable':
      return {
        id: 'unreadable',
        message: `“${fileName}” starts like a video file, but the rest of it can't be read as one.`,
        fix: `It may be damaged. ${EXPORT_AGAIN}`,
      };
    case 'truncated':
      return {
        id: 'truncated',
        message: `“${fileName}” is incomplete: the file stops before the end of its video.`,
        fix: 'It was probably cut off while being copied, downloaded or recorded. Copy it again from the original, then choose it again.',
      };
    case 'no-video':
      return {
        id: 'no-video',
        message: read.hasAudio ? `“${fileName}” has sound but no picture.` : `“${fileName}” holds no video.`,
        fix: 'TikTok needs a video track. Choose the video file, or put the sound to a picture in your editor and export that.',
      };
  }
}

function notAVideo(reason: ContainerRefusal, fileName: string): VideoProblem {
  switch (reason) {
    case 'audio_brand':
      return {
        id: 'type',
        message: `“${fileName}” is an audio file, not a video.`,
        fix: 'TikTok needs a video track. Choose the video file, or put the sound to a picture in your editor and export that as MP4 (H.264).',
      };
    case 'image_brand':
      return {
        id: 'type',
        message: `“${fileName}” is a photo (HEIC or AVIF), not a video.`,
        fix: 'Choose a video. For a Live Photo, export it as a video first (Photos app: Share → Save as Video).',
      };
    case 'matroska':
      return {
        id: 'type',
        message: `“${fileName}” is a Matroska (.mkv) file; TikTok takes MP4, MOV or WebM.`,
        fix: 'Export it again as MP4 (H.264); most editors and converters can, often without re-encoding.',
      };
    default:
      return {
        id: 'type',
        message: `“${fileName}” isn't an MP4, MOV or WebM video: its contents are not a video file, whatever its name says.`,
        fix: 'Choose the video itself, or export it from your editor as MP4 (H.264).',
      };
  }
}

export type DurationLimits = { mode: UploadMode; maxDirectDurationSec: number | undefined };

/** The longest video this creator may send in this mode; undefined while it is not known. */
export function maxDurationSec(limits: DurationLimits): number | undefined {
  return limits.mode === 'draft' ? MAX_DRAFT_DURATION_SEC : limits.maxDirectDurationSec;
}

/**
 * Problems found in what the container says. The length limit depends on the mode: a Direct Post
 * may be as long as this creator's `max_video_post_duration_sec`, a draft up to 10 minutes.
 */
export function checkVideoFacts(facts: VideoFacts, limits: DurationLimits): VideoProblem[] {
  const problems: VideoProblem[] = [];
  if (facts.videoCodec === null || !TIKTOK_VIDEO_CODECS.includes(facts.videoCodec)) {
    problems.push({
      id: 'codec',
      message: `This video is encoded with ${codecLabel(facts)}; TikTok takes H.264, H.265 (HEVC), VP8 or VP9.`,
      fix: EXPORT_AGAIN,
    });
  }
  const maxSec = maxDurationSec(limits);
  if (maxSec !== undefined && facts.durationSec > maxSec) {
    const limit = formatDuration(maxSec);
    problems.push({
      id: 'too-long',
      message:
        limits.mode === 'draft'
          ? `This video is ${formatDuration(Math.ceil(facts.durationSec))} long; TikTok accepts drafts up to ${limit}.`
          : `This video is ${formatDuration(Math.ceil(facts.durationSec))} long; your TikTok account can post videos up to ${limit}.`,
      fix: `Cut it to ${limit} or less: right here in the browser (below), or in your editor.`,
    });
  }
  const size = `${facts.width} × ${facts.height} px`;
  if (Math.min(facts.width, facts.height) < MIN_VIDEO_SIDE_PX) {
    problems.push({
      id: 'too-small',
      message: `This video is ${size}; TikTok needs at least ${MIN_VIDEO_SIDE_PX} px on each side.`,
      fix: 'Export it again at 720p or 1080p.',
    });
  } else if (Math.max(facts.width, facts.height) > MAX_VIDEO_SIDE_PX) {
    problems.push({
      id: 'too-big',
      message: `This video is ${size}; TikTok accepts at most ${MAX_VIDEO_SIDE_PX} px on each side.`,
      fix: 'Export it again at 4K (3840 × 2160) or smaller; 1080p is plenty for TikTok.',
    });
  }
  const fps = facts.frameRate;
  if (fps !== null && (fps < MIN_FRAME_RATE - FRAME_RATE_TOLERANCE || fps > MAX_FRAME_RATE + FRAME_RATE_TOLERANCE)) {
    problems.push({
      id: 'frame-rate',
      message: `This video plays at ${formatFrameRate(fps)} frames per second; TikTok accepts ${MIN_FRAME_RATE} to ${MAX_FRAME_RATE}.`,
      fix: 'Export it again at 24, 25, 30 or 60 frames per second.',
    });
  }
  return problems;
}

/** "0:42 · 1080 × 1920 px · H.265 (HEVC) · 30 fps" — what was read, for the creator to see. */
export function describeFacts(facts: VideoFacts): string {
  return [
    formatDuration(Math.round(facts.durationSec)),
    `${facts.width} × ${facts.height} px`,
    codecLabel(facts),
    facts.frameRate === null
      ? null
      : `${formatFrameRate(facts.frameRate)} fps${facts.variableFrameRate ? ' (variable)' : ''}`,
    facts.audioCodec ? null : 'no sound',
  ]
    .filter(Boolean)
    .join(' · ');
}

function formatFrameRate(fps: number): string {
  return String(Math.round(fps * 100) / 100);
}

/** 60 → "1:00", 75 → "1:15", 3725 → "1:02:05". */
export function formatDuration(totalSec: number): string {
  const sec = Math.max(0, Math.floor(totalSec));
  const hours = Math.floor(sec / 3600);
  const minutes = Math.floor((sec % 3600) / 60);
  const seconds = String(sec % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/** Cover positions: 3200 → "0:03.2". */
export function formatTimestamp(ms: number): string {
  const tenths = Math.floor((ms % 1000) / 100);
  return `${formatDuration(ms / 1000)}.${tenths}`;
}

/**
 * Everything wrong with a picked file, in the order it is found: its size (before reading), then
 * what its container is, then what the container says. Empty while it is still being read.
 */
export function videoProblems(file: File, read: VideoRead | null, limits: DurationLimits): VideoProblem[] {
  const fileProblems = checkVideoFile(file);
  if (fileProblems.length > 0) return fileProblems;
  if (read === null) return [];
  return read.kind === 'read' ? checkVideoFacts(read.facts, limits) : [checkVideoRead(read, file.name)];
}
