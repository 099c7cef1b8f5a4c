import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { chunkRanges, planChunks, type ChunkRange } from '@content-studio/contract';
import { postSettings } from '@content-studio/contract/testing';
import { obtainAuthorizationCode } from '@content-studio/tiktok-sandbox';
import { request, type Dispatcher } from 'undici';
import { REDIRECT_URI, type SandboxProcess } from './processes';
import type { VideoBytes } from './video-bytes';

/**
 * The four ways the same bytes reach the sandbox: (a) one-shot and (b) resumable through the proxy,
 * (c) straight to TikTok's upload URL, (d) through the bare pipe proxy. Each resolves to the publish
 * id once the upload host has acknowledged the last byte; bodies are always streamed from the
 * generator, as a browser or script streams a file.
 */

export const CLIENT_HEADER = { 'x-content-studio': '1' } as const;

/** Direct posts (drafts are capped at 5 pending per user); SELF_ONLY so no moderation timer runs. */
export const POST_SETTINGS = postSettings({ title: 'Benchmark upload #sandbox', privacyLevel: 'SELF_ONLY' });

/** The same post in TikTok's field names, for the inits the bench sends itself (c, d). */
const POST_INFO = {
  privacy_level: 'SELF_ONLY',
  title: POST_SETTINGS.title,
  disable_comment: true,
  disable_duet: true,
  disable_stitch: true,
  brand_content_toggle: false,
  brand_organic_toggle: false,
  is_aigc: false,
} as const;

async function expectJson<T>(what: string, response: Dispatcher.ResponseData, statuses: number[]): Promise<T> {
  const text = await response.body.text();
  if (!statuses.includes(response.statusCode)) {
    throw new Error(`${what}: HTTP ${response.statusCode} ${text.slice(0, 300)}`);
  }
  return (text ? JSON.parse(text) : undefined) as T;
}

/**
 * A fresh access token for account ava. TikTok (and the proxy) allow 6 inits a minute per token,
 * so every upload gets its own. With a proxy the code is exchanged there, as the web app does;
 * without one the bench plays the proxy's part and exchanges it at the sandbox.
 */
export async function signIn(sandbox: SandboxProcess, dispatcher: Dispatcher, proxyUrl?: string): Promise<string> {
  const { code } = await obtainAuthorizationCode(sandbox, { account: 'ava', redirectUri: REDIRECT_URI });
  if (proxyUrl) {
    const grant = await expectJson<{ accessToken: string }>(
      'proxy sign-in',
      await request(`${proxyUrl}/api/v1/auth/token`, {
        dispatcher,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...CLIENT_HEADER },
        body: JSON.stringify({ code }),
      }),
      [200],
    );
    return grant.accessToken;
  }
  const grant = await expectJson<{ access_token?: string; error?: string }>(
    'sandbox token exchange',
    await request(`${sandbox.url}/v2/oauth/token/`, {
      dispatcher,
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: sandbox.clientKey,
        client_secret: sandbox.clientSecret,
        code,
        grant_type: 'authorization_code',
        redirect_uri: REDIRECT_URI,
      }).toString(),
    }),
    [200],
  );
  if (!grant.access_token) throw new Error(`sandbox token exchange: ${grant.error ?? 'no access_token'}`);
  return grant.access_token;
}

/** (c) and (d) begin like the proxy does: a Direct Post init at TikTok with the proxy's chunk plan. */
async function initAtSandbox(sandbox: SandboxProcess, dispatcher: Dispatcher, token: string, videoSize: number) {
  const plan = planChunks(videoSize);
  const answer = await expectJson<{ data: { publish_id: string; upload_url: string } }>(
    'direct init',
    await request(`${sandbox.url}/v2/post/publish/video/init/`, {
      dispatcher,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=UTF-8' },
      body: JSON.stringify({
        post_info: POST_INFO,
        source_info: {
          source: 'FILE_UPLOAD',
          video_size: videoSize,
          chunk_size: plan.chunkSize,
          total_chunk_count: plan.chunkCount,
        },
      }),
    }),
    [200],
  );
  return {
    publishId: answer.data.publish_id,
    uploadUrl: new URL(answer.data.upload_url),
    ranges: chunkRanges(plan, videoSize),
  };
}

/** One chunk PUT in TikTok's format: exact Content-Length, Content-Range, a video Content-Type. */
async function putRawChunk(
  url: string,
  dispatcher: Dispatcher,
  video: VideoBytes,
  range: ChunkRange & { index: number },
): Promise<void> {
  const response = await request(url, {
    dispatcher,
    method: 'PUT',
    headers: {
      'content-type': 'video/mp4',
      'content-length': String(range.length),
      'content-range': `bytes ${range.start}-${range.end}/${video.size}`,
    },
    body: Readable.from(video.range(range.start, range.end)),
  });
  // 206 while bytes are missing, 201 once the last one is in.
  await expectJson(`chunk ${range.index}`, response, [range.end === video.size - 1 ? 201 : 206]);
}

/**
 * (c) with no `via`: straight to the upload URL. (d) with `via` = the pipe proxy's origin: the same
 * path and query, so the pipe forwards to exactly the URL (c) uses.
 */
export async function uploadRaw(
  sandbox: SandboxProcess,
  dispatcher: Dispatcher,
  token: string,
  video: VideoBytes,
  via?: string,
): Promise<string> {
  const { publishId, uploadUrl, ranges } = await initAtSandbox(sandbox, dispatcher, token, video.size);
  const target = via ? `${via}${uploadUrl.pathname}${uploadUrl.search}` : uploadUrl.toString();
  for (const range of ranges) await putRawChunk(target, dispatcher, video, range);
  return publishId;
}

/** (b) The browser's resumable protocol: init at the proxy, then one PUT per chunk with the sealed session. */
export async function uploadResumable(
  proxyUrl: string,
  dispatcher: Dispatcher,
  token: string,
  video: VideoBytes,
): Promise<string> {
  const created = await expectJson<{ publishId: string; uploadSession: string; chunkSize: number; chunkCount: number }>(
    'proxy init',
    await request(`${proxyUrl}/api/v1/uploads`, {
      dispatcher,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...CLIENT_HEADER },
      body: JSON.stringify({ mode: 'direct', videoSize: video.size, mimeType: 'video/mp4', post: POST_SETTINGS }),
    }),
    [201],
  );
  const plan = planChunks(video.size);
  if (created.chunkSize !== plan.chunkSize || created.chunkCount !== plan.chunkCount) {
    // The baselines replay the bench's plan; a different plan would compare different work.
    throw new Error(
      `the proxy planned ${created.chunkCount}×${created.chunkSize}, the bench ${plan.chunkCount}×${plan.chunkSize}`,
    );
  }
  for (const range of chunkRanges(plan, video.size)) {
    const response = await request(
      `${proxyUrl}/api/v1/uploads/${encodeURIComponent(created.publishId)}/chunks/${range.index}`,
      {
        dispatcher,
        method: 'PUT',
        headers: {
          authorization: `Bearer ${token}`,
          'x-upload-session': created.uploadSession,
          'content-type': 'application/octet-stream',
          'content-length': String(range.length),
          ...CLIENT_HEADER,
        },
        body: Readable.from(video.range(range.start, range.end)),
      },
    );
    await expectJson(`proxy chunk ${range.index}`, response, [200]);
  }
  return created.publishId;
}

/**
 * The one-shot request's body, fields first and then the file streamed from the generator, with
 * Content-Length computed up front as a browser does for FormData, so the proxy is not also
 * de-chunking the request. `fields.videoSize` may differ from the bytes sent, for the soak's
 * short-body case.
 */
export function oneShotMultipart(
  fields: Record<string, string>,
  video: VideoBytes,
): { headers: Record<string, string>; body: Readable } {
  const boundary = `----csp-bench-${randomUUID()}`;
  const head = Buffer.from(
    Object.entries(fields)
      .map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`)
      .join('') +
      `--${boundary}\r\nContent-Disposition: form-data; name="video"; filename="bench.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  async function* parts(): AsyncGenerator<Buffer> {
    yield head;
    yield* video.all();
    yield tail;
  }
  return {
    headers: {
      'content-type': `multipart/form-data; boundary=${boundary}`,
      'content-length': String(head.length + video.size + tail.length),
    },
    body: Readable.from(parts()),
  };
}

/** (a) The one-shot path: one multipart POST (see `oneShotMultipart`). */
export async function uploadOneShot(
  proxyUrl: string,
  dispatcher: Dispatcher,
  token: string,
  video: VideoBytes,
): Promise<string> {
  const fields = { mode: 'direct', videoSize: String(video.size), post: JSON.stringify(POST_SETTINGS) };
  const { headers, body } = oneShotMultipart(fields, video);
  const answer = await expectJson<{ publishId: string }>(
    'one-shot upload',
    await request(`${proxyUrl}/api/v1/videos`, {
      dispatcher,
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers, ...CLIENT_HEADER },
      body,
    }),
    [201],
  );
  return answer.publishId;
}

/** What the upload host holds for this publish id must be, byte for byte, what the generator made. */
export async function verifyAtSandbox(
  sandbox: SandboxProcess,
  dispatcher: Dispatcher,
  publishId: string,
  video: VideoBytes,
): Promise<void> {
  const report = await expectJson<{
    complete: boolean;
    receivedBytes: number;
    sha256: string;
    status: string;
    failReason: string | null;
  }>(
    'upload report',
    await request(`${sandbox.url}/__sandbox/uploads/${encodeURIComponent(publishId)}`, { dispatcher }),
    [200],
  );
  const expected = await video.sha256();
  if (
    !report.complete ||
    report.receivedBytes !== video.size ||
    report.sha256 !== expected ||
    report.status === 'FAILED'
  ) {
    throw new Error(
      `upload ${publishId} is not the source: complete=${report.complete} received=${report.receivedBytes}/${video.size} ` +
        `sha256=${report.sha256} expected=${expected} status=${report.status} ${report.failReason ?? ''}`,
    );
  }
}
