import {
  CreateUploadRequestSchema,
  chunkRange,
  planChunks,
  UPLOAD_SESSION_HEADER,
  type ChunkResponse,
  type CreateUploadRequest,
  type CreateUploadResponse,
  type ErrorBody,
  type PublishStatus,
  type RenewedUploadSession,
  endpoints,
} from '@content-studio/contract';
import { HttpResponse, http } from 'msw';
import { errorBody } from './session';

/** The proxy's own planner, so the mock plans exactly what the proxy would. */
const mockChunkPlan = planChunks;

/**
 * Like the proxy's sealed session, the mock session carries the plan itself, so the chunk handler
 * needs no state between requests: `mock-session.<videoSize>.<chunkSize>.<chunkCount>`.
 */
export function mockUploadSession(plan: { videoSize: number; chunkSize: number; chunkCount: number }): string {
  return `mock-session.${plan.videoSize}.${plan.chunkSize}.${plan.chunkCount}`;
}

function openMockSession(value: string | null) {
  const match = /^mock-session\.(\d+)\.(\d+)\.(\d+)$/.exec(value ?? '');
  if (!match) return null;
  return { videoSize: Number(match[1]), chunkSize: Number(match[2]), chunkCount: Number(match[3]) };
}

/** A 19-digit post id, as TikTok hands out (a string: it does not fit a double). */
export const MOCK_POST_ID = '7412345678901234567';
/** Numbers the mock publish ids, which carry the mode so the status handler can answer drafts differently. */
let uploadCount = 0;

const unauthenticated = () =>
  HttpResponse.json<ErrorBody>(errorBody('UNAUTHENTICATED', 'Connect your TikTok account to continue.'), {
    status: 401,
  });

const hasBearer = (request: Request) => request.headers.get('authorization')?.startsWith('Bearer ') === true;

export const uploadHandlers = [
  http.post<never, CreateUploadRequest, CreateUploadResponse | ErrorBody>(
    endpoints.uploads.path,
    async ({ request }) => {
      if (!hasBearer(request)) return unauthenticated();
      const parsed = CreateUploadRequestSchema.safeParse(await request.json());
      if (!parsed.success) {
        return HttpResponse.json<ErrorBody>(errorBody('VALIDATION_FAILED', 'The upload request is not valid.'), {
          status: 400,
        });
      }
      const { videoSize, mode, preferredChunkSize } = parsed.data;
      const plan = { videoSize, ...mockChunkPlan(videoSize, preferredChunkSize) };
      uploadCount++;
      const created: CreateUploadResponse = {
        publishId: `v_pub_file~v2-1.mock.${mode}.${uploadCount}`,
        uploadSession: mockUploadSession(plan),
        ...plan,
        expiresAt: Date.now() + 55 * 60_000,
        uploadHost: 'open-upload.tiktokapis.com',
      };
      return HttpResponse.json(created, { status: 201 });
    },
  ),

  http.put<{ publishId: string; index: string }, never, ChunkResponse | ErrorBody>(
    endpoints.uploadChunk.path,
    async ({ request, params }) => {
      if (!hasBearer(request)) return unauthenticated();
      const plan = openMockSession(request.headers.get(UPLOAD_SESSION_HEADER));
      if (!plan) {
        return HttpResponse.json<ErrorBody>(
          errorBody('UPLOAD_SESSION_INVALID', 'This upload session is not valid. Start the upload again.'),
          {
            status: 400,
          },
        );
      }
      const index = Number(params.index);
      const received = (await request.arrayBuffer()).byteLength;
      // The contract's ranges, as the proxy cuts them; an index outside the plan matches no range.
      const range =
        Number.isSafeInteger(index) && index >= 0 && index < plan.chunkCount
          ? chunkRange(plan, plan.videoSize, index)
          : null;
      if (!range || received !== range.length) {
        return HttpResponse.json<ErrorBody>(
          errorBody(
            'VIDEO_SIZE_MISMATCH',
            range
              ? `Chunk ${index} must be exactly ${range.length} bytes.`
              : `There is no chunk ${index} in this upload.`,
          ),
          { status: 400 },
        );
      }
      const answer: ChunkResponse = {
        chunkIndex: index,
        uploadedBytes: range.end + 1,
        complete: index === plan.chunkCount - 1,
      };
      return HttpResponse.json(answer);
    },
  ),

  // The mock session is not bound to a token, so re-binding hands the same session back.
  http.post<{ publishId: string }, never, RenewedUploadSession | ErrorBody>(
    endpoints.uploadSession.path,
    ({ request }) => {
      if (!hasBearer(request)) return unauthenticated();
      const session = request.headers.get(UPLOAD_SESSION_HEADER);
      if (!openMockSession(session) || !session) {
        return HttpResponse.json<ErrorBody>(
          errorBody('UPLOAD_SESSION_INVALID', 'This upload session is not valid. Start the upload again.'),
          {
            status: 400,
          },
        );
      }
      return HttpResponse.json({ uploadSession: session, expiresAt: Date.now() + 30 * 60_000 });
    },
  ),

  http.get<{ publishId: string }, never, PublishStatus | ErrorBody>(
    endpoints.postStatus.path,
    ({ request, params }) => {
      if (!hasBearer(request)) return unauthenticated();
      const draft = params.publishId.includes('.draft.');
      const status: PublishStatus = {
        status: draft ? 'SEND_TO_USER_INBOX' : 'PUBLISH_COMPLETE',
        failReason: null,
        postIds: draft ? [] : [MOCK_POST_ID],
        uploadedBytes: 0,
      };
      return HttpResponse.json(status);
    },
  ),
];
