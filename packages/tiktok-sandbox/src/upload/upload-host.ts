import { timingSafeEqual } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { type ApiErrorCode } from '../api/envelope';
import { chunkRange } from '../api/chunk-rules';
import type { Fault } from '../faults';
import { JSON_TYPE, type Reply, drainBody, mediaType } from '../http-io';
import { logId } from '../ids';
import { scheduleProcessing } from '../processing';
import type { RouteContext } from '../route-context';
import type { PublishTask, SandboxState, UploadSession } from '../state';
import { parseContentRange, progressHeader } from './content-range';

export const UPLOAD_PATH = '/upload/video/';
/**
 * TikTok's list (Media Transfer Guide), written out here rather than imported from
 * packages/contract on purpose: the sandbox plays TikTok, so it must not agree with the proxy by
 * construction, or a wrong list in the contract would pass every test.
 */
const VIDEO_TYPES: readonly string[] = ['video/mp4', 'video/quicktime', 'video/webm'];

/** TikTok documents only the statuses of the upload host (Media Transfer Guide); the JSON body is for humans. */
function uploadReply(
  st: SandboxState,
  status: number,
  code: ApiErrorCode,
  message: string,
  headers: Record<string, string> = {},
): Reply {
  return {
    status,
    headers: { 'content-type': JSON_TYPE, ...headers },
    body: JSON.stringify({ error: { code, message, log_id: logId(st.now()) } }),
  };
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The upload_token is the credential (Media Transfer Guide): an unknown id/token pair is indistinguishable from no task. */
function findTask(ctx: RouteContext): PublishTask | undefined {
  const id = ctx.url.searchParams.get('upload_id') ?? '';
  const token = ctx.url.searchParams.get('upload_token') ?? '';
  const task = ctx.state.uploads.get(id);
  if (!task?.upload || !sameSecret(token, task.upload.uploadToken)) return undefined;
  return task;
}

/**
 * Streams one chunk into a copy of the running hash and commits it only when the whole chunk
 * arrived and still lines up with the progress: a failed or racing chunk must leave no trace in
 * the hash, the kept windows or receivedBytes. Nothing but the first and last bytes of the video
 * is retained (upload/received-bytes.ts), for the media checks after the last chunk.
 */
function receiveChunk(
  ctx: RouteContext,
  task: PublishTask,
  up: UploadSession,
  first: number,
  length: number,
  startedAt: number,
): Promise<Reply | null> {
  const { req, state: st } = ctx;
  return new Promise((resolve) => {
    const pending = up.hash.copy();
    const staged = up.received?.stage();
    let count = 0;
    let settled = false;
    const settle = (r: Reply | null): void => {
      if (settled) return;
      settled = true;
      if (r === null || r.status >= 400) st.stats.chunksRejected += 1;
      resolve(r);
    };
    req.on('data', (buf: Buffer) => {
      if (settled) return;
      count += buf.length;
      if (count > length) {
        settle(uploadReply(st, 400, 'invalid_file_upload', 'The body is longer than Content-Length.'));
        req.resume();
        return;
      }
      pending.update(buf);
      staged?.add(buf);
      const bps = st.options.uploadBytesPerSecond;
      if (bps > 0) {
        const wait = startedAt + (count / bps) * 1000 - performance.now();
        if (wait > 5) {
          req.pause();
          st.scheduleIo(wait, () => req.resume());
        }
      }
    });
    req.on('end', () => {
      if (settled) return;
      if (count !== length) {
        settle(uploadReply(st, 400, 'invalid_file_upload', 'The body length does not match Content-Length.'));
        return;
      }
      // Another PUT for the same range may have committed while this one streamed.
      if (up.receivedBytes !== first || task.status === 'FAILED') {
        settle(
          uploadReply(st, 416, 'invalid_file_upload', 'Content-Range does not match the upload progress.', {
            'content-range': progressHeader(up.receivedBytes, up.videoSize),
          }),
        );
        return;
      }
      up.hash = pending;
      up.receivedBytes += length;
      if (staged) up.received?.commit(staged, length);
      up.chunks.push({
        index: up.chunks.length,
        start: first,
        end: first + length - 1,
        length,
        ms: Math.round(performance.now() - startedAt),
      });
      st.stats.chunksAccepted += 1;
      const progress = { 'content-range': progressHeader(up.receivedBytes, up.videoSize) };
      ctx.logNote = `publish_id=${task.publishId} chunk=${up.chunks.length - 1} bytes=${length}`;
      if (up.receivedBytes === up.videoSize) {
        st.stats.uploadsCompleted += 1;
        scheduleProcessing(st, task);
        settle({ status: 201, headers: progress });
      } else {
        settle({ status: 206, headers: progress });
      }
    });
    req.on('error', () => settle(null));
    req.on('close', () => {
      // The client went away (or a fault destroyed the socket) before the chunk was complete.
      if (!req.complete) settle(null);
    });
  });
}

/**
 * `PUT upload_url` with every rule of TikTok's Media Transfer Guide, checked in this order. `fault` carries the two
 * upload-only faults; the generic ones are applied by the server before this runs.
 */
export async function uploadPut(ctx: RouteContext, fault?: Fault): Promise<Reply | null> {
  const startedAt = performance.now();
  const st = ctx.state;
  const req = ctx.req;
  const task = findTask(ctx);
  const up = task?.upload;
  if (!task || !up || task.status === 'FAILED') {
    return uploadReply(st, 404, 'not_found', 'There is no upload task for this URL.');
  }
  ctx.logNote = `publish_id=${task.publishId}`;
  if (fault?.kind === 'range-mismatch') {
    await drainBody(req);
    return uploadReply(st, 416, 'invalid_file_upload', 'Content-Range does not match the upload progress (injected).', {
      'content-range': progressHeader(up.receivedBytes, up.videoSize),
    });
  }
  if (fault?.kind === 'expire-url') up.forcedExpired = true;
  if (up.forcedExpired || st.now() >= up.expiresAt) {
    return uploadReply(st, 403, 'invalid_file_upload', 'The upload URL has expired. Initialize the upload again.');
  }
  if (!VIDEO_TYPES.includes(mediaType(req.headers['content-type']))) {
    return uploadReply(st, 400, 'invalid_file_upload', `Content-Type must be one of ${VIDEO_TYPES.join(', ')}.`);
  }
  // A streamed body without Content-Length goes out chunked; TikTok's PUT requires the length.
  const lengthHeader = req.headers['content-length'];
  if (req.headers['transfer-encoding'] !== undefined || lengthHeader === undefined || !/^\d+$/.test(lengthHeader)) {
    return uploadReply(st, 400, 'invalid_file_upload', 'A Content-Length header is required.');
  }
  const contentLength = Number(lengthHeader);
  const range = parseContentRange(req.headers['content-range']);
  if (!range) {
    return uploadReply(st, 400, 'invalid_file_upload', 'Content-Range must be "bytes {first}-{last}/{total}".');
  }
  if (range.total !== up.videoSize) {
    return uploadReply(st, 400, 'invalid_file_upload', 'The total in Content-Range does not match video_size.');
  }
  if (range.first !== up.receivedBytes) {
    return uploadReply(st, 416, 'invalid_file_upload', 'Content-Range does not match the upload progress.', {
      'content-range': progressHeader(up.receivedBytes, up.videoSize),
    });
  }
  const length = range.last - range.first + 1;
  if (length !== contentLength) {
    return uploadReply(st, 400, 'invalid_file_upload', 'Content-Length does not match the Content-Range.');
  }
  const index = up.chunks.length;
  const expected = chunkRange(up, index);
  if (index >= up.totalChunkCount || length !== expected.length) {
    return uploadReply(
      st,
      400,
      'invalid_file_upload',
      `Chunk ${index} must be ${expected.length} bytes (chunk_size ${up.chunkSize}, the last chunk takes the remainder).`,
    );
  }
  return receiveChunk(ctx, task, up, range.first, length, startedAt);
}

/** For GET /__sandbox/uploads/:publishId and RunningSandbox.upload(). */
export function sha256Hex(up: UploadSession): string {
  return up.hash.copy().digest('hex');
}
