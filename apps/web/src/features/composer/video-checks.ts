import { MAX_VIDEO_BYTES, VIDEO_MIME_TYPES, type UploadMode, type VideoMimeType } from '@content-studio/contract';
import { formatBytes } from '../../lib/format-bytes';

/**
 * Checks a video in the browser before a single byte leaves it (api-spec §3.13, §4.1c): type and
 * size from the File, then length and resolution from the browser's own decoder. Each problem says
 * what is wrong and how to fix it, in the creator's terms.
 */

export type VideoProblem = {
  id: 'type' | 'empty' | 'too-large' | 'too-long' | 'too-small' | 'too-big';
  message: string;
  fix: string;
};

/** What the browser could read from the file; null fields could not be read. */
export type VideoMetadata = {
  durationSec: number | null;
  width: number | null;
  height: number | null;
};

export const MIN_VIDEO_SIDE_PX = 360;
export const MAX_VIDEO_SIDE_PX = 4096;
/** TikTok accepts drafts up to 10 minutes; creators trim them in the app (api-spec §3.13). */
export const MAX_DRAFT_DURATION_SEC = 600;
export const VIDEO_ACCEPT = [...VIDEO_MIME_TYPES, '.mp4', '.mov', '.webm'].join(',');

const EXTENSION_TYPES: Record<string, VideoMimeType> = {
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  qt: 'video/quicktime',
  webm: 'video/webm',
};

function isVideoMimeType(type: string): type is VideoMimeType {
  return (VIDEO_MIME_TYPES as readonly string[]).includes(type);
}

/**
 * Some systems report no type for a perfectly good .mov or .mp4 (Windows without a registered
 * player, some Linux desktops). Then the name's extension decides, and the file is re-labelled so
 * the upload sends the right Content-Type. `new File([file])` references the bytes, it copies none.
 */
export function normalizeVideoFile(file: File): File {
  if (file.type !== '') return file;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  const type = EXTENSION_TYPES[extension];
  return type ? new File([file], file.name, { type, lastModified: file.lastModified }) : file;
}

/** Problems visible from the File alone; the file is refused (no preview) when there are any. */
export function checkVideoFile(file: File): VideoProblem[] {
  if (!isVideoMimeType(file.type)) {
    return [
      {
        id: 'type',
        message: `“${file.name}” isn't a video TikTok accepts${file.type ? ` (it is ${file.type})` : ''}.`,
        fix: 'Choose an MP4, MOV or WebM video, or export it from your editor as MP4 (H.264).',
      },
    ];
  }
  if (file.size === 0) {
    return [{ id: 'empty', message: `“${file.name}” is empty (0 bytes).`, fix: 'Choose another file, or export the video again.' }];
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

/**
 * Problems found in what the browser read. The length limit depends on the mode: a Direct Post may
 * be as long as this creator's `max_video_post_duration_sec`, a draft up to 10 minutes.
 */
export function checkVideoMetadata(
  metadata: VideoMetadata,
  limits: { mode: UploadMode; maxDirectDurationSec: number | undefined },
): VideoProblem[] {
  const problems: VideoProblem[] = [];
  const maxSec = limits.mode === 'draft' ? MAX_DRAFT_DURATION_SEC : limits.maxDirectDurationSec;
  if (metadata.durationSec !== null && maxSec !== undefined && metadata.durationSec > maxSec) {
    const limit = formatDuration(maxSec);
    problems.push({
      id: 'too-long',
      message:
        limits.mode === 'draft'
          ? `This video is ${formatDuration(Math.ceil(metadata.durationSec))} long; TikTok accepts drafts up to ${limit}.`
          : `This video is ${formatDuration(Math.ceil(metadata.durationSec))} long; your TikTok account can post videos up to ${limit}.`,
      fix: `Trim it to ${limit} or less in your editor.`,
    });
  }
  const { width, height } = metadata;
  if (width !== null && height !== null) {
    const size = `${width} × ${height} px`;
    if (Math.min(width, height) < MIN_VIDEO_SIDE_PX) {
      problems.push({
        id: 'too-small',
        message: `This video is ${size}; TikTok needs at least ${MIN_VIDEO_SIDE_PX} px on each side.`,
        fix: 'Export it again at 720p or 1080p.',
      });
    } else if (Math.max(width, height) > MAX_VIDEO_SIDE_PX) {
      problems.push({
        id: 'too-big',
        message: `This video is ${size}; TikTok accepts at most ${MAX_VIDEO_SIDE_PX} px on each side.`,
        fix: 'Export it again at 4K (3840 × 2160) or smaller; 1080p is plenty for TikTok.',
      });
    }
  }
  return problems;
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
