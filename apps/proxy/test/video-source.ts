import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** A real 2 s faststart H.264 MP4 (ffmpeg testsrc, 360×640): the header every test video starts with. */
export const TINY_MP4 = readFileSync(new URL('./fixtures/tiny.mp4', import.meta.url));

const BLOCK = 1024 * 1024;
const pattern = randomBytes(BLOCK);

/**
 * Deterministic video-like bytes of any size, generated as they are read: the real MP4 header, then
 * 1 MiB blocks stamped with their offset (so a chunk sent to the wrong place changes the hash).
 * Nothing of the whole file is ever held in memory, by the test or by the code under test.
 */
function block(offset: number): Buffer {
  const out = Buffer.from(pattern);
  out.writeBigUInt64BE(BigInt(offset), 0);
  const headerEnd = TINY_MP4.length;
  if (offset < headerEnd) TINY_MP4.copy(out, 0, offset, Math.min(headerEnd, offset + BLOCK));
  return out;
}

/** Bytes [start, end] inclusive, in pieces of at most `piece` bytes. */
async function* range(start: number, end: number, piece = 256 * 1024): AsyncGenerator<Buffer> {
  let offset = start;
  while (offset <= end) {
    const blockStart = Math.floor(offset / BLOCK) * BLOCK;
    const data = block(blockStart);
    const from = offset - blockStart;
    const to = Math.min(BLOCK, end - blockStart + 1, from + piece);
    yield data.subarray(from, to);
    offset = blockStart + to;
  }
}

export function videoSource(size: number) {
  async function sha256(): Promise<string> {
    const hash = createHash('sha256');
    for await (const piece of range(0, size - 1, BLOCK)) hash.update(piece);
    return hash.digest('hex');
  }
  return { size, range, sha256, all: () => range(0, size - 1) };
}
