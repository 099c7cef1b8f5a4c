import { describe, expect, it } from 'vitest';
import { CreateUploadRequestSchema, MAX_VIDEO_BYTES, PostSettingsSchema, PublishStatusSchema } from './posting';

const post = {
  title: 'hello #tag',
  privacyLevel: 'PUBLIC_TO_EVERYONE',
  allowComment: false,
  allowDuet: false,
  allowStitch: false,
  brandOrganic: false,
  brandedContent: false,
  isAigc: false,
} as const;

describe('PostSettingsSchema', () => {
  it('accepts a complete post', () => {
    expect(PostSettingsSchema.parse(post)).toEqual(post);
  });

  it('refuses branded content that is private, with TikTok wording', () => {
    const result = PostSettingsSchema.safeParse({ ...post, brandedContent: true, privacyLevel: 'SELF_ONLY' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('Branded content visibility cannot be set to private.');
  });

  it('counts the caption in UTF-16 code units (2200 max)', () => {
    expect(PostSettingsSchema.safeParse({ ...post, title: '😀'.repeat(1100) }).success).toBe(true);
    expect(PostSettingsSchema.safeParse({ ...post, title: '😀'.repeat(1100) + 'a' }).success).toBe(false);
  });

  it('refuses unknown fields and a missing privacy level (no default)', () => {
    expect(PostSettingsSchema.safeParse({ ...post, extra: 1 }).success).toBe(false);
    const { privacyLevel: _omitted, ...withoutPrivacy } = post;
    expect(PostSettingsSchema.safeParse(withoutPrivacy).success).toBe(false);
  });
});

describe('CreateUploadRequestSchema', () => {
  it('requires post settings for direct posts only', () => {
    expect(CreateUploadRequestSchema.safeParse({ mode: 'direct', videoSize: 10, mimeType: 'video/mp4' }).success).toBe(
      false,
    );
    expect(CreateUploadRequestSchema.safeParse({ mode: 'draft', videoSize: 10, mimeType: 'video/mp4' }).success).toBe(
      true,
    );
    expect(
      CreateUploadRequestSchema.safeParse({ mode: 'draft', videoSize: 10, mimeType: 'video/mp4', post }).success,
    ).toBe(false);
  });

  it('bounds the size to 1 byte..4 GiB and the type to TikTok formats', () => {
    const base = { mode: 'draft', mimeType: 'video/mp4' } as const;
    expect(CreateUploadRequestSchema.safeParse({ ...base, videoSize: 0 }).success).toBe(false);
    expect(CreateUploadRequestSchema.safeParse({ ...base, videoSize: MAX_VIDEO_BYTES }).success).toBe(true);
    expect(CreateUploadRequestSchema.safeParse({ ...base, videoSize: MAX_VIDEO_BYTES + 1 }).success).toBe(false);
    expect(CreateUploadRequestSchema.safeParse({ ...base, videoSize: 1.5 }).success).toBe(false);
    expect(CreateUploadRequestSchema.safeParse({ ...base, videoSize: 10, mimeType: 'video/x-msvideo' }).success).toBe(
      false,
    );
  });
});

describe('CreateUploadRequestSchema: preferredChunkSize', () => {
  const base = { mode: 'draft', videoSize: 200_000_000, mimeType: 'video/mp4' } as const;

  it('is optional, and any positive whole number of bytes is a wish the planner can fit', () => {
    expect(CreateUploadRequestSchema.safeParse(base).success).toBe(true);
    for (const preferredChunkSize of [1, 64_000_000, 512 * 1024 * 1024, Number.MAX_SAFE_INTEGER]) {
      expect(CreateUploadRequestSchema.safeParse({ ...base, preferredChunkSize }).success).toBe(true);
    }
    expect(
      CreateUploadRequestSchema.safeParse({ ...base, mode: 'direct', post, preferredChunkSize: 64_000_000 }).success,
    ).toBe(true);
  });

  it.each([0, -1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '64000000', null, true])(
    'refuses %s',
    (preferredChunkSize) => {
      expect(CreateUploadRequestSchema.safeParse({ ...base, preferredChunkSize }).success).toBe(false);
    },
  );
});

describe('PublishStatusSchema', () => {
  it('keeps post ids as digit strings', () => {
    const status = { status: 'PUBLISH_COMPLETE', failReason: null, postIds: ['7412345678901234567'], uploadedBytes: 5 };
    expect(PublishStatusSchema.parse(status).postIds[0]).toBe('7412345678901234567');
    expect(PublishStatusSchema.safeParse({ ...status, postIds: [Number('7412345678901234567')] }).success).toBe(false);
  });
});
