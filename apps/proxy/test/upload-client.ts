import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ChunkResponse, CreateUploadResponse, PostSettings, UploadMode } from '@content-studio/contract';
import { postSettings } from '@content-studio/contract/testing';
import { request } from 'undici';
import type { videoSource } from './video-source';

type Source = ReturnType<typeof videoSource>;

export const DEFAULT_POST: PostSettings = postSettings({
  title: 'Integration test #sandbox',
  privacyLevel: 'PUBLIC_TO_EVERYONE',
  allowComment: true,
});

export interface HttpResult<T = unknown> {
  status: number;
  body: T;
}

async function json<T>(res: Awaited<ReturnType<typeof request>>): Promise<HttpResult<T>> {
  const text = await res.body.text();
  return { status: res.statusCode, body: (text ? JSON.parse(text) : undefined) as T };
}

export async function createUpload(
  base: string,
  token: string,
  init: {
    mode: UploadMode;
    videoSize: number;
    mimeType?: string;
    post?: PostSettings;
    /** Sent as given (any JSON value), so tests can send nonsense too. */
    preferredChunkSize?: unknown;
  },
): Promise<HttpResult<CreateUploadResponse>> {
  const payload = {
    ...(init.mode === 'direct'
      ? {
          mode: 'direct',
          videoSize: init.videoSize,
          mimeType: init.mimeType ?? 'video/mp4',
          post: init.post ?? DEFAULT_POST,
        }
      : { mode: 'draft', videoSize: init.videoSize, mimeType: init.mimeType ?? 'video/mp4' }),
    ...('preferredChunkSize' in init ? { preferredChunkSize: init.preferredChunkSize } : {}),
  };
  return json(
    await request(`${base}/api/v1/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'x-content-studio': '1' },
      body: JSON.stringify(payload),
    }),
  );
}

export async function putChunk(
  base: string,
  token: string,
  upload: Pick<CreateUploadResponse, 'publishId' | 'uploadSession'>,
  index: number,
  body: AsyncIterable<Uint8Array> | Buffer | Readable,
  length: number,
  headers: Record<string, string> = {},
): Promise<HttpResult<ChunkResponse & { error?: { code: string; retryable: boolean; message: string } }>> {
  return json(
    await request(`${base}/api/v1/uploads/${encodeURIComponent(upload.publishId)}/chunks/${index}`, {
      method: 'PUT',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/octet-stream',
        'content-length': String(length),
        'x-upload-session': upload.uploadSession,
        'x-content-studio': '1',
        ...headers,
      },
      body: Buffer.isBuffer(body) || body instanceof Readable ? body : Readable.from(body),
    }),
  );
}

/** The browser's resumable protocol, with the retry policy the SPA uses for retryable failures. */
export async function uploadResumable(
  base: string,
  token: string,
  source: Source,
  options: {
    mode: UploadMode;
    post?: PostSettings;
    mimeType?: string;
    preferredChunkSize?: number;
    maxAttempts?: number;
    onAttempt?: (index: number, result: HttpResult) => void;
  },
) {
  const created = await createUpload(base, token, {
    mode: options.mode,
    videoSize: source.size,
    ...(options.post ? { post: options.post } : {}),
    ...(options.mimeType ? { mimeType: options.mimeType } : {}),
    ...(options.preferredChunkSize === undefined ? {} : { preferredChunkSize: options.preferredChunkSize }),
  });
  if (created.status !== 201) throw new Error(`init failed: ${JSON.stringify(created.body)}`);
  const upload = created.body;
  for (let index = 0; index < upload.chunkCount; index++) {
    const start = index * upload.chunkSize;
    const end = index === upload.chunkCount - 1 ? upload.videoSize - 1 : start + upload.chunkSize - 1;
    for (let attempt = 1; ; attempt++) {
      const result = await putChunk(base, token, upload, index, source.range(start, end), end - start + 1);
      options.onAttempt?.(index, result);
      if (result.status === 200) break;
      if (!result.body.error?.retryable || attempt >= (options.maxAttempts ?? 1)) {
        return { upload, failed: { index, ...result } };
      }
    }
  }
  return { upload, failed: undefined };
}

/** A streaming multipart body: fields first, then the file, never assembled in memory. */
async function* multipartBody(
  boundary: string,
  fields: Record<string, string>,
  file: AsyncIterable<Uint8Array> | undefined,
  fileName = 'video.mp4',
) {
  for (const [name, value] of Object.entries(fields)) {
    yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  }
  if (file) {
    yield Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="${fileName}"\r\nContent-Type: video/mp4\r\n\r\n`,
    );
    yield* file;
    yield Buffer.from('\r\n');
  }
  yield Buffer.from(`--${boundary}--\r\n`);
}

export async function uploadOneShot(
  base: string,
  token: string,
  fields: Record<string, string>,
  file: AsyncIterable<Uint8Array> | undefined,
): Promise<HttpResult<{ publishId?: string; error?: { code: string; message: string } }>> {
  const boundary = `----csp${randomUUID()}`;
  return json(
    await request(`${base}/api/v1/videos`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': `multipart/form-data; boundary=${boundary}`,
        'x-content-studio': '1',
      },
      body: Readable.from(multipartBody(boundary, fields, file)),
    }),
  );
}

export function oneShotFields(
  mode: UploadMode,
  videoSize: number,
  post: PostSettings = DEFAULT_POST,
): Record<string, string> {
  return mode === 'direct'
    ? { mode, videoSize: String(videoSize), post: JSON.stringify(post) }
    : { mode, videoSize: String(videoSize) };
}
