import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteSplitter, LongStreamError, ShortStreamError } from './byte-splitter';

function pieces(sizes: number[]) {
  return Readable.from(generate(sizes));
}

async function* generate(sizes: number[]) {
  let value = 0;
  for (const size of sizes) {
    const piece = new Uint8Array(size);
    for (let i = 0; i < size; i++) piece[i] = value++ & 0xff;
    yield piece;
  }
}

function truncated(): never {
  throw new Error('truncated');
}

function failingSource() {
  return Readable.from(
    (async function* () {
      yield new Uint8Array(4);
      throw new Error('aborted');
    })(),
  );
}

async function collect(gen: AsyncIterable<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const part of gen) parts.push(part);
  return Buffer.concat(parts);
}

describe('ByteSplitter', () => {
  it('splits any piece pattern into exact consecutive lengths', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 30 }),
        fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 1, maxLength: 10 }),
        async (inputSizes, takeSizes) => {
          const total = inputSizes.reduce((a, b) => a + b, 0);
          const wanted = takeSizes.reduce((a, b) => a + b, 0);
          fc.pre(wanted <= total);
          const splitter = new ByteSplitter(pieces(inputSizes));
          let offset = 0;
          for (const size of takeSizes) {
            const got = await collect(splitter.take(size));
            expect(got.length).toBe(size);
            expect(got[0]).toBe(offset & 0xff);
            offset += size;
          }
          expect(await splitter.hasMore()).toBe(wanted < total);
        },
      ),
    );
  });

  it('reports a source that ends early', async () => {
    const splitter = new ByteSplitter(pieces([3, 4]));
    await expect(collect(splitter.take(10))).rejects.toBeInstanceOf(ShortStreamError);
  });

  it('with mustEnd, refuses a longer source before yielding the final bytes', async () => {
    for (const sizes of [[4, 4, 1], [9], [8, 1]]) {
      const splitter = new ByteSplitter(pieces(sizes));
      const seen: number[] = [];
      await expect(
        (async () => {
          for await (const part of splitter.take(8, { mustEnd: () => undefined })) seen.push(...part);
        })(),
      ).rejects.toBeInstanceOf(LongStreamError);
      expect(seen.length).toBeLessThan(8);
    }
  });

  it('with mustEnd, runs the final check (e.g. multipart truncation) before the last bytes', async () => {
    const splitter = new ByteSplitter(pieces([4, 4]));
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const part of splitter.take(8, { mustEnd: truncated })) seen.push(...part);
      })(),
    ).rejects.toThrow('truncated');
    expect(seen).toHaveLength(4);
    const exact = new ByteSplitter(pieces([4, 4]));
    expect((await collect(exact.take(8, { mustEnd: () => undefined }))).length).toBe(8);
  });

  it('peeks without consuming', async () => {
    const splitter = new ByteSplitter(pieces([2, 2, 5]));
    expect([...(await splitter.peek(5))]).toEqual([0, 1, 2, 3, 4]);
    expect([...(await collect(splitter.take(9)))]).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await splitter.hasMore()).toBe(false);
  });

  it('propagates a source error (client went away) to the reader', async () => {
    const splitter = new ByteSplitter(failingSource());
    await expect(collect(splitter.take(8))).rejects.toThrow('aborted');
  });

  it("names the source's failure on the slice, and only the source's (how TikTok's side is told apart)", async () => {
    const broken = new ByteSplitter(failingSource()).take(8);
    await expect(collect(broken)).rejects.toThrow('aborted');
    expect(broken.sourceError?.message).toBe('aborted');

    const short = new ByteSplitter(pieces([3, 4])).take(10);
    await expect(collect(short)).rejects.toBeInstanceOf(ShortStreamError);
    expect(short.sourceError).toBeInstanceOf(ShortStreamError);

    // undici destroys the body it holds with its own error when TikTok's socket fails.
    const healthy = new ByteSplitter(pieces([4, 4, 4])).take(8);
    await new Promise<void>((resolve) => healthy.once('readable', resolve));
    healthy.on('error', () => undefined);
    healthy.destroy(new Error('socket reset by TikTok'));
    await new Promise((resolve) => healthy.once('close', resolve));
    expect(healthy.sourceError).toBeUndefined();
  });

  it('frees itself when a reader gives up on a piece (TikTok failed mid-chunk)', async () => {
    const splitter = new ByteSplitter(pieces([4, 4, 4]));
    const slice = splitter.take(8);
    await new Promise<void>((resolve) => slice.once('readable', resolve));
    slice.destroy();
    await new Promise((resolve) => slice.once('close', resolve));
    expect(() => splitter.take(4)).not.toThrow();
  });

  it('stops reading the source while the reader is behind (backpressure)', async () => {
    const KiB = 1024;
    let produced = 0;
    const source = new Readable({
      highWaterMark: 16 * KiB,
      read() {
        produced += KiB;
        this.push(Buffer.alloc(KiB));
      },
    });
    const slice = new ByteSplitter(source).take(4096 * KiB);
    // Start the flow, then read nothing for a while: TikTok's socket is full.
    await new Promise<void>((resolve) => slice.once('readable', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(produced).toBeLessThanOrEqual(128 * KiB);
    let consumed = 0;
    for await (const part of slice) consumed += (part as Buffer).length;
    expect(consumed).toBe(4096 * KiB);
  });
});
