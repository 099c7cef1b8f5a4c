import multipart from '@fastify/multipart';
import {
  apiRoutes,
  chunkRange,
  MAX_VIDEO_BYTES,
  OneShotUploadFieldsSchema,
  type VideoUploadedResponse,
} from '@content-studio/contract';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors/app-error';
import { parseOrThrow } from '../errors/validation';
import { requireAccessToken } from '../plugins/app/bearer';
import type { InitRateLimit } from '../plugins/external/rate-limit';
import type { TikTokClient } from '../tiktok';
import { ByteSplitter } from '../upload/byte-splitter';
import { initUpload } from '../upload/init-upload';
import { checkVideoHead, clientGoneSignal, transferChunk } from '../upload/transfer';

const FIELD_NAMES = new Set(['mode', 'videoSize', 'post']);

/**
 * The one-shot path for scripts and ops: one multipart request, fields first, then the file. The
 * file stream is cut into TikTok's chunks as it arrives (ByteSplitter) and piped into the chunk PUTs;
 * nothing touches the disk and at most one socket buffer of video is in memory at a time.
 */
export const videosRoutes: FastifyPluginAsync<{ tiktok: TikTokClient; limitInit: InitRateLimit }> = async (
  app,
  { tiktok, limitInit },
) => {
  await app.register(multipart, {
    limits: {
      // One byte over TikTok's maximum: @fastify/multipart *silently truncates* at this limit, so a
      // truncated stream is always longer than any allowed videoSize and is caught as too long.
      fileSize: MAX_VIDEO_BYTES + 1,
      files: 1,
      fields: FIELD_NAMES.size,
      fieldSize: 16 * 1024,
      parts: FIELD_NAMES.size + 1,
      headerPairs: 50,
    },
  });

  app.post(apiRoutes.videos, async (request, reply): Promise<VideoUploadedResponse> => {
    requireAccessToken(request);
    if (!request.isMultipart()) {
      throw new AppError(
        'UNSUPPORTED_MEDIA_TYPE',
        415,
        'Send multipart/form-data: fields mode, videoSize, post, then the file "video".',
      );
    }
    // A failure mid-file leaves the rest of the body unread: plugins/app/unread-body.ts closes the
    // connection after the answer (a file is larger than any body worth draining).
    return streamOneShot(request, reply, clientGoneSignal(request.raw, reply.raw));
  });

  async function streamOneShot(
    request: FastifyRequest,
    reply: FastifyReply,
    signal: AbortSignal,
  ): Promise<VideoUploadedResponse> {
    const accessToken = requireAccessToken(request);
    const fields: Record<string, string> = {};

    for await (const part of multipartParts(request)) {
      if (part.type === 'field') {
        if (!FIELD_NAMES.has(part.fieldname) || typeof part.value !== 'string') {
          throw new AppError('VALIDATION_FAILED', 400, `Unknown field "${part.fieldname.slice(0, 40)}".`);
        }
        fields[part.fieldname] = part.value;
        continue;
      }
      if (part.fieldname !== 'video') {
        throw new AppError('VALIDATION_FAILED', 400, 'The file part must be named "video".');
      }

      const upload = parseOrThrow(OneShotUploadFieldsSchema, decodeFields(fields), 'upload fields');
      await limitInit(request, upload.mode);
      const splitter = new ByteSplitter(part.file);
      // Checked before init: a wrong file must not cost a TikTok init (6 a minute) or create a post.
      const mimeType = await checkVideoHead(splitter);
      const { target, plan } = await initUpload(tiktok, accessToken, upload, request.log, { signal });

      for (let index = 0; index < plan.chunkCount; index++) {
        const last = index === plan.chunkCount - 1;
        await transferChunk(
          tiktok,
          { uploadUrl: target.uploadUrl, videoSize: upload.videoSize, mimeType },
          chunkRange(plan, upload.videoSize, index),
          splitter,
          {
            signal,
            last,
            what: 'file',
            finalCheck: () => {
              if (part.file.truncated) {
                throw new AppError('VIDEO_SIZE_MISMATCH', 400, 'The file is larger than the declared size.');
              }
            },
          },
        );
      }
      reply.status(201);
      return {
        publishId: target.publishId,
        videoSize: upload.videoSize,
        chunkSize: plan.chunkSize,
        chunkCount: plan.chunkCount,
        uploadHost: new URL(target.uploadUrl).host,
        ...(target.logId ? { tiktokLogId: target.logId } : {}),
      };
    }
    throw new AppError('VALIDATION_FAILED', 400, 'The request has no file part named "video".');
  }
};

/**
 * The multipart parser's own failures (a cut or garbled body) are the client's: busboy throws plain
 * Errors, which would otherwise surface as a 500.
 */
async function* multipartParts(request: FastifyRequest) {
  const parts = request.parts()[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Awaited<ReturnType<typeof parts.next>>['value']>;
    try {
      next = await parts.next();
    } catch (error) {
      if (typeof (error as { statusCode?: unknown }).statusCode === 'number') throw error;
      throw new AppError('VALIDATION_FAILED', 400, 'The multipart body is malformed.', { cause: error });
    }
    if (next.done) return;
    yield next.value;
  }
}

function decodeFields(fields: Record<string, string>): unknown {
  let post: unknown = undefined;
  if (fields.post !== undefined) {
    try {
      post = JSON.parse(fields.post);
    } catch {
      throw new AppError('VALIDATION_FAILED', 400, 'The "post" field must be JSON.');
    }
  }
  const videoSize =
    fields.videoSize !== undefined && /^\d{1,13}$/.test(fields.videoSize) ? Number(fields.videoSize) : fields.videoSize;
  return { mode: fields.mode, videoSize, ...(post === undefined ? {} : { post }) };
}
