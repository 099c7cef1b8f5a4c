import { Readable } from 'node:stream';
import { chunkRange, planChunks } from '@content-studio/contract';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { TikTokTransferError, type PutVideoChunkInput, type TikTokClient } from '../tiktok';
import { ByteSplitter } from './byte-splitter';
import { checkVideoHead, transferChunk } from './transfer';

/** Reads the chunk's body to the end, as undici does; a failing body fails the PUT with its error. */
function readingClient(answer?: () => Promise<never>): TikTokClient {
  return {
    async putVideoChunk(input: PutVideoChunkInput) {
      for await (const piece of input.body as Readable) void piece;
      if (answer) return answer();
      return { status: 201 as const, uploadedBytes: input.end + 1 };
    },
  } as unknown as TikTokClient;
}

function source(bytes: number, options: { failWith?: Error } = {}) {
  return Readable.from(
    (async function* () {
      yield Buffer.alloc(bytes, 1);
      if (options.failWith) throw options.failWith;
    })(),
  );
}

const target = {
  uploadUrl: 'https://open-upload.tiktokapis.com/video/?upload_token=t',
  mimeType: 'video/mp4' as const,
};
const SIZE = 1000;
const range = chunkRange(planChunks(SIZE), SIZE, 0);

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the transfer should have failed'),
    (error: unknown) => error,
  );
}

describe('transferChunk: a failure of the client’s bytes is classified here, once', () => {
  it('a body that ends early is a size mismatch that says how far it got', async () => {
    const err = await failureOf(
      transferChunk(readingClient(), { ...target, videoSize: SIZE }, range, new ByteSplitter(source(600)), {
        what: 'file',
      }),
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'VIDEO_SIZE_MISMATCH', statusCode: 400, retryable: false });
    expect((err as AppError).message).toBe(
      'The file ended after 600 bytes; 1000 were declared. Nothing was published.',
    );
  });

  it('a last chunk followed by more bytes is a size mismatch', async () => {
    const err = await failureOf(
      transferChunk(readingClient(), { ...target, videoSize: SIZE }, range, new ByteSplitter(source(SIZE + 10)), {
        last: true,
      }),
    );
    expect(err).toMatchObject({ code: 'VIDEO_SIZE_MISMATCH', statusCode: 400 });
    expect((err as AppError).message).toMatch(/^The chunk is larger than the declared size/);
  });

  it('the final check’s own AppError comes through unchanged', async () => {
    const own = new AppError('VIDEO_SIZE_MISMATCH', 400, 'The file is larger than the declared size.');
    const err = await failureOf(
      transferChunk(readingClient(), { ...target, videoSize: SIZE }, range, new ByteSplitter(source(SIZE)), {
        last: true,
        finalCheck: () => {
          throw own;
        },
      }),
    );
    expect(err).toBe(own);
  });

  it('a client connection that breaks mid-chunk is the client’s, never “could not reach TikTok”', async () => {
    const reset = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    const err = await failureOf(
      transferChunk(
        readingClient(),
        { ...target, videoSize: SIZE },
        range,
        new ByteSplitter(source(100, { failWith: reset })),
      ),
    );
    expect(err).toMatchObject({ code: 'CLIENT_ABORTED', statusCode: 499, retryable: true, cause: reset });
  });

  it('leaves TikTok’s own failures to the TikTok error mapping', async () => {
    const tiktokSide = new TikTokTransferError(403);
    const err = await failureOf(
      transferChunk(
        readingClient(() => Promise.reject(tiktokSide)),
        { ...target, videoSize: SIZE },
        range,
        new ByteSplitter(source(SIZE)),
      ),
    );
    expect(err).toBe(tiktokSide);
  });
});

/** An ISO-BMFF `ftyp` box with the given major brand, then zeros. */
function isoHead(brand: string) {
  const head = Buffer.alloc(64);
  head.writeUInt32BE(24, 0);
  head.write(`ftyp${brand}\0\0\0\0${brand}isom`, 4, 'latin1');
  return Readable.from([head]);
}

describe('checkVideoHead', () => {
  it('names the container by its bytes, and takes a MOV declared as MP4 (one family)', async () => {
    await expect(checkVideoHead(new ByteSplitter(isoHead('isom')))).resolves.toBe('video/mp4');
    await expect(checkVideoHead(new ByteSplitter(isoHead('qt  ')), 'video/mp4')).resolves.toBe('video/quicktime');
  });

  it('refuses a file whose bytes are another family than the declared type, before anything is sent', async () => {
    const err = await failureOf(checkVideoHead(new ByteSplitter(isoHead('isom')), 'video/webm'));
    expect(err).toMatchObject({ code: 'VIDEO_FORMAT_UNSUPPORTED', statusCode: 415 });
    expect((err as AppError).message).toBe(
      'This file is an MP4 or MOV video, not the type that was declared (video/webm).',
    );
  });

  it('refuses what is no container, with the contract’s message', async () => {
    const err = await failureOf(checkVideoHead(new ByteSplitter(isoHead('M4A '))));
    expect(err).toMatchObject({ code: 'VIDEO_FORMAT_UNSUPPORTED', statusCode: 415 });
    expect((err as AppError).message).toMatch(/^This is an audio file, not a video/);
  });

  it('blames the client when its bytes stop before the head could be read', async () => {
    const reset = Object.assign(new Error('aborted'), { code: 'ECONNRESET' });
    const err = await failureOf(checkVideoHead(new ByteSplitter(source(4, { failWith: reset }))));
    expect(err).toMatchObject({ code: 'CLIENT_ABORTED', statusCode: 499 });
  });
});
