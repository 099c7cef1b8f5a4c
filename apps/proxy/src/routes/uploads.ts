import {
  apiRoutes,
  chunkRange,
  CreateUploadRequestSchema,
  MAX_FINAL_CHUNK_BYTES,
  PublishIdSchema,
  routePatterns,
  UPLOAD_SESSION_HEADER,
  type ChunkResponse,
  type CreateUploadResponse,
  type RenewedUploadSession,
} from '@content-studio/contract';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseOrThrow } from '../errors/validation';
import { requireAccessToken } from '../plugins/app/bearer';
import { TIKTOK_LIMITS, type InitRateLimit } from '../plugins/external/rate-limit';
import type { Sealer } from '../seal/seal';
import { TikTokApiError, type TikTokClient } from '../tiktok';
import { ByteSplitter } from '../upload/byte-splitter';
import { initUpload } from '../upload/init-upload';
import { checkVideoHead, clientGoneSignal, transferChunk } from '../upload/transfer';
import {
  bindToToken,
  hashAccessToken,
  openUploadSession,
  openUploadSessionForRenewal,
  sealUploadSession,
  UPLOAD_SESSION_TTL_MS,
} from '../upload/upload-session';

export interface UploadRouteDeps {
  tiktok: TikTokClient;
  sealer: Sealer;
  now: () => number;
  limitInit: InitRateLimit;
}

const PublishIdParamsSchema = z.object({ publishId: PublishIdSchema });

const ChunkParamsSchema = z.object({
  publishId: PublishIdSchema,
  index: z.coerce.number().int().min(0).max(999),
});

/**
 * The resumable path (README, "Upload protocol for API clients"): init once, then one request per chunk. Nothing is stored
 * between requests; the sealed session carries the plan and TikTok's upload URL.
 */
export const uploadsRoutes: FastifyPluginAsync<UploadRouteDeps> = async (app, { tiktok, sealer, now, limitInit }) => {
  app.post(apiRoutes.uploads, async (request, reply): Promise<CreateUploadResponse> => {
    const accessToken = requireAccessToken(request);
    const body = parseOrThrow(CreateUploadRequestSchema, request.body, 'upload request');
    await limitInit(request, body.mode);
    const { target, plan } = await initUpload(tiktok, accessToken, body, request.log);
    const source = { videoSize: body.videoSize, chunkSize: plan.chunkSize, chunkCount: plan.chunkCount };
    const expiresAt = now() + UPLOAD_SESSION_TTL_MS;
    const uploadSession = sealUploadSession(
      sealer,
      {
        publishId: target.publishId,
        uploadUrl: target.uploadUrl,
        mode: body.mode,
        mimeType: body.mimeType,
        ...source,
        tokenHash: hashAccessToken(accessToken),
      },
      expiresAt,
    );
    reply.status(201);
    return {
      publishId: target.publishId,
      uploadSession,
      ...source,
      expiresAt,
      uploadHost: new URL(target.uploadUrl).host,
      ...(target.logId ? { tiktokLogId: target.logId } : {}),
    };
  });

  // A session is bound to the access token that created it, but the SPA refreshes its token every
  // day and a creator may reload mid-upload after a refresh. TikTok itself is the proof that the
  // new token belongs to the same creator: it answers the post's status only to its owner
  // (token_not_authorized_for_specified_publish_id otherwise). The deadline never moves.
  app.post(
    routePatterns.uploadSession,
    { config: TIKTOK_LIMITS.status },
    async (request): Promise<RenewedUploadSession> => {
      const accessToken = requireAccessToken(request);
      const { publishId } = parseOrThrow(PublishIdParamsSchema, request.params, 'publish id');
      const rawSession = request.headers[UPLOAD_SESSION_HEADER];
      const { session, expiresAt } = openUploadSessionForRenewal(
        sealer,
        typeof rawSession === 'string' ? rawSession : undefined,
        publishId,
      );
      try {
        await tiktok.fetchPublishStatus(accessToken, publishId);
      } catch (error) {
        if (error instanceof TikTokApiError && error.code === 'token_not_authorized_for_specified_publish_id') {
          throw new AppError(
            'UPLOAD_SESSION_INVALID',
            403,
            'This upload belongs to another TikTok account. Start the upload again.',
          );
        }
        throw error;
      }
      return { uploadSession: sealUploadSession(sealer, bindToToken(session, accessToken), expiresAt), expiresAt };
    },
  );

  // Chunk bodies are raw bytes that must stream, never be parsed or buffered: this scope replaces
  // every body parser with one that hands the request stream through untouched.
  await app.register(async (chunks) => {
    chunks.removeAllContentTypeParsers();
    chunks.addContentTypeParser('*', (_request, _payload, done) => done(null));

    chunks.put(
      routePatterns.uploadChunk,
      { bodyLimit: MAX_FINAL_CHUNK_BYTES, config: TIKTOK_LIMITS.chunk },
      async (request, reply): Promise<ChunkResponse> => {
        const accessToken = requireAccessToken(request);
        const { publishId, index } = parseOrThrow(ChunkParamsSchema, request.params, 'chunk address');
        const rawSession = request.headers[UPLOAD_SESSION_HEADER];
        const session = openUploadSession(
          sealer,
          typeof rawSession === 'string' ? rawSession : undefined,
          accessToken,
          publishId,
        );
        if (index >= session.chunkCount) {
          throw new AppError(
            'VALIDATION_FAILED',
            400,
            `This upload has ${session.chunkCount} chunks; ${index} is not one of them.`,
          );
        }
        const range = chunkRange(session, session.videoSize, index);
        const declared = Number(request.headers['content-length']);
        if (request.headers['content-length'] === undefined || declared !== range.length) {
          throw new AppError(
            'VIDEO_SIZE_MISMATCH',
            400,
            `Chunk ${index} must be exactly ${range.length} bytes (Content-Length).`,
          );
        }

        const signal = clientGoneSignal(request.raw, reply.raw);
        const splitter = new ByteSplitter(request.raw);
        // On failure the rest of the body is drained by plugins/app/unread-body.ts.
        if (index === 0) await checkVideoHead(splitter, session.mimeType);
        const result = await transferChunk(tiktok, session, range, splitter, { signal });
        return { chunkIndex: index, uploadedBytes: result.uploadedBytes, complete: result.status === 201 };
      },
    );
  });
};
