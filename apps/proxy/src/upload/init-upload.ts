import {
  fallbackChunkPlan,
  planChunks,
  type ChunkPlan,
  type PostSettings,
  type UploadMode,
} from '@content-studio/contract';
import type { FastifyBaseLogger } from 'fastify';
import { AppError } from '../errors/app-error';
import { TikTokApiError, type CallOptions, type TikTokClient, type UploadTarget } from '../tiktok';

export type InitRequest = (
  | { mode: Extract<UploadMode, 'direct'>; videoSize: number; post: PostSettings }
  | { mode: Exclude<UploadMode, 'direct'>; videoSize: number }
) & {
  /** The client's wish (the SPA asks for the largest chunks); `planChunks` fits it to TikTok's rules. */
  preferredChunkSize?: number;
};

export interface InitiatedUpload {
  target: UploadTarget;
  /** The plan TikTok accepted: chunks must follow it, not the first one tried. */
  plan: ChunkPlan;
}

/**
 * TikTok's 400 `invalid_params` "The chunk size is invalid". Public reports (multi-chunk inits of
 * 66–94 MB files, cause never explained by TikTok) show it for plans that follow every rule of the
 * Media Transfer Guide, so it is not proof of a bug here.
 */
function isChunkSizeRefusal(error: unknown): error is TikTokApiError {
  return (
    error instanceof TikTokApiError &&
    error.httpStatus === 400 &&
    (error.code === 'invalid_params' || error.code === 'invalid_param') &&
    /chunk size is invalid/i.test(error.tiktokMessage)
  );
}

/**
 * The one place that chooses between Direct Post and inbox init and plans the chunks. A refused
 * multi-chunk plan is tried once more with another valid plan: a 400 init creates no publish task,
 * so this cannot make a second post (unlike a retry after a lost answer, which never happens here).
 *
 * @see https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
 */
export async function initUpload(
  tiktok: TikTokClient,
  accessToken: string,
  request: InitRequest,
  log: FastifyBaseLogger,
  callOptions?: CallOptions,
): Promise<InitiatedUpload> {
  const send = (plan: ChunkPlan) => {
    const source = { videoSize: request.videoSize, chunkSize: plan.chunkSize, chunkCount: plan.chunkCount };
    return request.mode === 'direct'
      ? tiktok.initVideoUpload(accessToken, { ...source, post: request.post }, callOptions)
      : tiktok.initInboxUpload(accessToken, source, callOptions);
  };

  const first = planChunks(request.videoSize, request.preferredChunkSize);
  try {
    return { target: await send(first), plan: first };
  } catch (error) {
    if (!isChunkSizeRefusal(error)) throw error;
    const second = fallbackChunkPlan(request.videoSize, first);
    if (!second) throw error;
    log.warn(
      { tiktokLogId: error.logId, videoSize: request.videoSize, refusedPlan: first, nextPlan: second },
      'TikTok refused the chunk plan; trying once more with another valid plan',
    );
    try {
      return { target: await send(second), plan: second };
    } catch (again) {
      if (!isChunkSizeRefusal(again)) throw again;
      log.warn(
        { tiktokLogId: again.logId, firstTiktokLogId: error.logId, videoSize: request.videoSize, refusedPlan: second },
        'TikTok refused the second chunk plan too',
      );
      throw new AppError(
        'TIKTOK_REJECTED',
        400,
        'TikTok refused both ways this app can split this video for upload, so nothing was posted. ' +
          'Please try again later; if it keeps happening, send the reference below to the operator of this site.',
        { ...(again.logId === undefined ? {} : { tiktokLogId: again.logId }), cause: again },
      );
    }
  }
}
