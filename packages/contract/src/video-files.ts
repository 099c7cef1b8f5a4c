import { VIDEO_MIME_TYPES, type VideoMimeType } from './posting';

/**
 * The containers TikTok takes (docs/requirements/tiktok-rules.md#media-restrictions) and how files of
 * each are named and labelled: the one table the compose screen, the upload queue and the proxy read.
 */
export type VideoContainer = 'mp4' | 'mov' | 'webm';

/** The Content-Type each container is sent to TikTok with. */
export const CONTAINER_MIME_TYPES: Readonly<Record<VideoContainer, VideoMimeType>> = Object.freeze({
  mp4: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
});

/** File name extensions (lower case, no dot) → container. `.m4v` is Apple's name for an MP4. */
export const VIDEO_EXTENSIONS: Readonly<Record<string, VideoContainer>> = Object.freeze({
  mp4: 'mp4',
  m4v: 'mp4',
  mov: 'mov',
  webm: 'webm',
});

/** An `<input type="file" accept>` value for every video type and extension above. */
export const VIDEO_FILE_ACCEPT = [...VIDEO_MIME_TYPES, ...Object.keys(VIDEO_EXTENSIONS).map((ext) => `.${ext}`)].join(
  ',',
);

/** The type a file's name says it has, or null when its extension is not one of ours. */
export function videoMimeTypeOfName(name: string): VideoMimeType | null {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  const container =
    extension !== undefined && Object.hasOwn(VIDEO_EXTENSIONS, extension) ? VIDEO_EXTENSIONS[extension] : undefined;
  return container ? CONTAINER_MIME_TYPES[container] : null;
}

/** MP4 and QuickTime share the ISO box format: a `.mov` declared as MP4 (or back) is the same kind of file. */
export function isCompatibleVideoType(declared: VideoMimeType, actual: VideoMimeType): boolean {
  if (declared === actual) return true;
  const isoFamily: readonly VideoMimeType[] = [CONTAINER_MIME_TYPES.mp4, CONTAINER_MIME_TYPES.mov];
  return isoFamily.includes(declared) && isoFamily.includes(actual);
}
