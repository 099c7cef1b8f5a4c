import multipart from '@fastify/multipart';
import { MAX_VIDEO_BYTES } from '@content-studio/contract';
import type { FastifyInstance } from 'fastify';

/** The one-shot upload's fields, sent before its file part (OneShotUploadFieldsSchema). */
export const ONE_SHOT_FIELDS: ReadonlySet<string> = new Set(['mode', 'videoSize', 'post']);

/**
 * Multipart parsing for the one-shot `POST /api/v1/videos` only (registered in that route's scope):
 * the file part streams, and the limits leave no room for anything but the fields and one file.
 */
export async function registerMultipart(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    limits: {
      // One byte over TikTok's maximum: @fastify/multipart *silently truncates* at this limit, so a
      // truncated stream is always longer than any allowed videoSize and is caught as too long.
      fileSize: MAX_VIDEO_BYTES + 1,
      files: 1,
      fields: ONE_SHOT_FIELDS.size,
      fieldSize: 16 * 1024,
      parts: ONE_SHOT_FIELDS.size + 1,
      headerPairs: 50,
    },
  });
}
