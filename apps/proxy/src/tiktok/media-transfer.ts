import { PassThrough, Readable } from 'node:stream';
import { VIDEO_MIME_TYPES, type VideoMimeType } from '@content-studio/contract';
import { TikTokTransferError } from './tiktok-errors';
import { discard, send, toNetworkError, type Transport } from './transport';
import { assertUploadUrlAllowed } from './upload-origin';

/** One socket read: enough to keep TikTok's socket busy, small enough to stay out of the peak. */
const WIRE_HIGH_WATER_MARK = 64 * 1024;

/**
 * A request body that undici may consume and destroy without harming anything else, and that knows
 * whether it failed because its own source did (the creator's upload broke off) rather than because
 * undici destroyed it (TikTok's side failed). The proxy's slices of a client's request are such
 * bodies (upload/byte-splitter.ts) and go to undici as they are: a relay stream between the
 * client's socket and TikTok's costs a few calls and allocations per 64 KiB read (~10 % of the
 * proxy's short-lived garbage per GiB, measured with heap sampling).
 */
export interface SelfReportingBody extends Readable {
  /** Why the source failed, once it has; stays undefined when the stream was destroyed from outside. */
  readonly sourceError: Error | undefined;
}

function isSelfReporting(body: PutVideoChunkInput['body']): body is SelfReportingBody {
  return body instanceof Readable && 'sourceError' in body;
}

/**
 * Any other body is relayed through a stream we own: undici destroys the stream it holds with its
 * own errors (length mismatch, socket reset), and the relay keeps those off the caller's source
 * while recording the source's own failure.
 */
function chunkWire(body: PutVideoChunkInput['body']): SelfReportingBody {
  if (isSelfReporting(body)) return body;
  const source = body instanceof Readable ? body : Readable.from(body, { objectMode: false });
  const relay = Object.assign(new PassThrough({ highWaterMark: WIRE_HIGH_WATER_MARK }), {
    sourceError: undefined as Error | undefined,
  });
  source.on('error', (error: Error) => {
    relay.sourceError = error;
    relay.destroy(error);
  });
  // When the request stops early the caller's bytes are single-use anyway: end its stream too.
  relay.once('close', () => {
    if (!source.readableEnded) source.destroy();
  });
  source.pipe(relay);
  return relay;
}

export interface PutVideoChunkInput {
  /** TikTok's `upload_url`, whole, query string included. A capability: never log it. */
  uploadUrl: string;
  /**
   * Exactly `end - start + 1` bytes, streamed as they arrive; never collected into one buffer.
   * Single-use: it is consumed and destroyed whatever the outcome.
   */
  body: SelfReportingBody | Readable | AsyncIterable<Uint8Array>;
  /** First byte of this chunk in the video, inclusive. */
  start: number;
  /** Last byte of this chunk in the video, inclusive. */
  end: number;
  videoSize: number;
  contentType: VideoMimeType;
  signal?: AbortSignal;
}

export interface PutVideoChunkResult {
  /** 206: chunk accepted, more expected. 201: the whole video is in; TikTok starts processing. */
  status: 201 | 206;
  /** Bytes TikTok reports having received, from its `Content-Range` answer. */
  uploadedBytes: number;
}

/**
 * Reads `Content-Range: bytes 0-{last}/{total}`. TikTok's docs leave open whether `{last}` is a
 * byte index or a count; the standard HTTP meaning (inclusive index) is used, as the sandbox does.
 */
export function parseUploadedBytes(header: string | string[] | undefined): number | undefined {
  const value = Array.isArray(header) ? header[0] : header;
  const match = value === undefined ? null : /^\s*bytes\s+(\d+)-(\d+)\/(\d+|\*)\s*$/i.exec(value);
  if (!match?.[2]) return undefined;
  const last = Number(match[2]);
  return Number.isSafeInteger(last) ? last + 1 : undefined;
}

function assertRange(input: PutVideoChunkInput): void {
  const { start, end, videoSize } = input;
  if (![start, end, videoSize].every(Number.isSafeInteger) || start < 0 || end < start || end >= videoSize) {
    throw new RangeError('chunk range must satisfy 0 <= start <= end < videoSize');
  }
  if (!(VIDEO_MIME_TYPES as readonly string[]).includes(input.contentType)) {
    throw new RangeError(`contentType must be one of ${VIDEO_MIME_TYPES.join(', ')}`);
  }
}

/**
 * PUTs one chunk to TikTok's upload host, streaming the body with exact `Content-Length` and
 * `Content-Range`. The upload URL is checked against the allowed upload origins first; nothing is
 * sent (and the body is not touched) if it fails. Redirects are never followed: a 3xx is an error.
 *
 * On failure the body is destroyed, since a chunk's bytes are single-use; the caller re-sends the
 * chunk from its source. A 416 carries TikTok's reported progress in `uploadedBytes`. When the body's
 * own source fails, that failure is thrown as it is: it is the caller's, not TikTok's.
 *
 * @see https://developers.tiktok.com/doc/content-posting-api-media-transfer-guide
 */
export async function putVideoChunk(
  transport: Transport,
  isAllowedUploadOrigin: (url: URL) => boolean,
  input: PutVideoChunkInput,
): Promise<PutVideoChunkResult> {
  assertRange(input);
  const url = assertUploadUrlAllowed(input.uploadUrl, isAllowedUploadOrigin);

  const wire = chunkWire(input.body);
  // undici may destroy the wire with an error after this function has returned; without a
  // listener that 'error' event would crash the process.
  wire.on('error', () => undefined);

  try {
    const response = await send(transport, {
      url,
      method: 'PUT',
      headers: {
        'content-type': input.contentType,
        'content-length': String(input.end - input.start + 1),
        'content-range': `bytes ${input.start}-${input.end}/${input.videoSize}`,
      },
      body: wire,
      signal: input.signal,
    });
    const uploadedBytes = parseUploadedBytes(response.headers['content-range']);
    await discard(response);

    if (response.statusCode === 201 || response.statusCode === 206) {
      return { status: response.statusCode, uploadedBytes: uploadedBytes ?? input.end + 1 };
    }
    throw new TikTokTransferError(response.statusCode, uploadedBytes);
  } catch (err) {
    if (!wire.destroyed) wire.destroy();
    // The body's own failure is the caller's (its source broke, ended short or ran long): it comes
    // back as it is, for the caller to explain; it is not TikTok's, so it is not one of our errors.
    if (wire.sourceError && !input.signal?.aborted && !(err instanceof TikTokTransferError)) {
      throw wire.sourceError;
    }
    throw toNetworkError(err, input.signal);
  }
}
