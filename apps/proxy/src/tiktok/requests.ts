import type { PostSettings } from '@content-studio/contract';

/** Request bodies in TikTok's own field names. Pure, so their exact shape is easy to test. */

export interface FileUploadSource {
  videoSize: number;
  chunkSize: number;
  chunkCount: number;
}

export interface FileUploadSourceInfo {
  source: 'FILE_UPLOAD';
  video_size: number;
  chunk_size: number;
  total_chunk_count: number;
}

export interface DirectPostInfo {
  privacy_level: PostSettings['privacyLevel'];
  title?: string;
  disable_comment: boolean;
  disable_duet: boolean;
  disable_stitch: boolean;
  brand_content_toggle: boolean;
  brand_organic_toggle: boolean;
  is_aigc: boolean;
  video_cover_timestamp_ms?: number;
}

function fileUploadSourceInfo(source: FileUploadSource): FileUploadSourceInfo {
  return {
    source: 'FILE_UPLOAD',
    video_size: source.videoSize,
    chunk_size: source.chunkSize,
    total_chunk_count: source.chunkCount,
  };
}

/**
 * `post_info` for Direct Post. The creator's choices go through exactly as chosen: every
 * interaction and disclosure flag is sent explicitly, because TikTok's defaults are not the
 * audit's defaults (interactions must default to off, which TikTok spells `disable_* = true`).
 */
function directPostInfo(post: PostSettings): DirectPostInfo {
  return {
    privacy_level: post.privacyLevel,
    // Omitted rather than sent empty: "no caption" is documented as omission; "" is not.
    ...(post.title === '' ? {} : { title: post.title }),
    disable_comment: !post.allowComment,
    disable_duet: !post.allowDuet,
    disable_stitch: !post.allowStitch,
    brand_content_toggle: post.brandedContent,
    brand_organic_toggle: post.brandOrganic,
    is_aigc: post.isAigc,
    // In post_info, where TikTok documents it (one popular client wrongly puts it in source_info).
    ...(post.coverTimestampMs === undefined ? {} : { video_cover_timestamp_ms: post.coverTimestampMs }),
  };
}

export function directPostInitBody(post: PostSettings, source: FileUploadSource) {
  return { post_info: directPostInfo(post), source_info: fileUploadSourceInfo(source) };
}

/** The inbox (draft) init takes no post_info: the creator picks title and privacy in TikTok. */
export function inboxInitBody(source: FileUploadSource) {
  return { source_info: fileUploadSourceInfo(source) };
}
