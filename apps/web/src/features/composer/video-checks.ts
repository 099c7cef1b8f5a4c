import { MAX_VIDEO_BYTES, type ContainerRefusal, type UploadMode } from '@content-studio/contract';
import { formatBytes } from '@/lib/format-bytes';
import { formatNumber, t } from '@/lib/i18n';
import type { VideoFacts, VideoRead } from './media/video-facts';

/**
 * Checks a video in the browser before a single byte leaves it, from TikTok's Media Restrictions
 * (Content Posting API, "Media Transfer Guide") and the audit's duration rule (TikTok's Content Sharing Guidelines): size
 * from the File, then type, tracks, codec, length, picture size and frame rate from the container
 * (media/read-video.ts), never from the browser's decoder. Each problem says what is wrong and how
 * to fix it, in the creator's terms and language (made when checked, so it follows a switch).
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
  return facts.videoCodecId ? t('checks.unknownCodecId', { id: facts.videoCodecId }) : t('checks.unknownCodec');
}

/** Problems visible from the File alone, before reading it; the file is refused when there are any. */
export function checkVideoFile(file: File): VideoProblem[] {
  if (file.size === 0) {
    return [
      {
        id: 'empty',
        message: t('checks.empty', { file: file.name }),
        fix: t('checks.emptyFix'),
      },
    ];
  }
  if (file.size > MAX_VIDEO_BYTES) {
    return [
      {
        id: 'too-large',
        message: t('checks.tooLarge', {
          file: file.name,
          size: formatBytes(file.size),
          max: formatBytes(MAX_VIDEO_BYTES),
        }),
        fix: t('checks.tooLargeFix'),
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
        message: t('checks.unreadable', { file: fileName }),
        fix: `${t('checks.damaged')} ${t('checks.exportAgain')}`,
      };
    case 'truncated':
      return {
        id: 'truncated',
        message: t('checks.truncated', { file: fileName }),
        fix: t('checks.truncatedFix'),
      };
    case 'no-video':
      return {
        id: 'no-video',
        message: read.hasAudio ? t('checks.soundOnly', { file: fileName }) : t('checks.noVideo', { file: fileName }),
        fix: t('checks.noVideoFix'),
      };
  }
}

function notAVideo(reason: ContainerRefusal, fileName: string): VideoProblem {
  switch (reason) {
    case 'audio_brand':
      return {
        id: 'type',
        message: t('checks.audio', { file: fileName }),
        fix: t('checks.audioFix'),
      };
    case 'image_brand':
      return {
        id: 'type',
        message: t('checks.image', { file: fileName }),
        fix: t('checks.imageFix'),
      };
    case 'matroska':
      return {
        id: 'type',
        message: t('checks.matroska', { file: fileName }),
        fix: t('checks.matroskaFix'),
      };
    default:
      return {
        id: 'type',
        message: t('checks.notVideo', { file: fileName }),
        fix: t('checks.notVideoFix'),
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
      message: t('checks.codec', { codec: codecLabel(facts) }),
      fix: t('checks.exportAgain'),
    });
  }
  const maxSec = maxDurationSec(limits);
  if (maxSec !== undefined && facts.durationSec > maxSec) {
    const limit = formatDuration(maxSec);
    const length = formatDuration(Math.ceil(facts.durationSec));
    problems.push({
      id: 'too-long',
      message:
        limits.mode === 'draft'
          ? t('checks.tooLongDraft', { length, limit })
          : t('checks.tooLongDirect', { length, limit }),
      fix: t('checks.tooLongFix', { limit }),
    });
  }
  const size = `${facts.width} × ${facts.height} px`;
  if (Math.min(facts.width, facts.height) < MIN_VIDEO_SIDE_PX) {
    problems.push({
      id: 'too-small',
      message: t('checks.tooSmall', { size, min: MIN_VIDEO_SIDE_PX }),
      fix: t('checks.tooSmallFix'),
    });
  } else if (Math.max(facts.width, facts.height) > MAX_VIDEO_SIDE_PX) {
    problems.push({
      id: 'too-big',
      message: t('checks.tooBig', { size, max: MAX_VIDEO_SIDE_PX }),
      fix: t('checks.tooBigFix'),
    });
  }
  const fps = facts.frameRate;
  if (fps !== null && (fps < MIN_FRAME_RATE - FRAME_RATE_TOLERANCE || fps > MAX_FRAME_RATE + FRAME_RATE_TOLERANCE)) {
    problems.push({
      id: 'frame-rate',
      message: t('checks.frameRate', { fps: formatFrameRate(fps), min: MIN_FRAME_RATE, max: MAX_FRAME_RATE }),
      fix: t('checks.frameRateFix'),
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
      : t(facts.variableFrameRate ? 'checks.fpsVariable' : 'checks.fps', { fps: formatFrameRate(facts.frameRate) }),
    facts.audioCodec ? null : t('checks.noSound'),
  ]
    .filter(Boolean)
    .join(' · ');
}

function formatFrameRate(fps: number): string {
  return formatNumber(Math.round(fps * 100) / 100, { maximumFractionDigits: 2 });
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
