import { describe, expect, it } from 'vitest';
import { DiscardedRangeError, MIN_DISCARDED_GAP_BYTES, ReceivedBytes } from './received-bytes';

const KIB = 1024;

function file(size: number): Buffer {
  const b = Buffer.alloc(size);
  for (let i = 0; i < size; i += 4) b.writeUInt32BE(i >>> 0, i);
  return b;
}

/** Streams `bytes` in `chunk`-sized commits of `piece`-sized buffers. */
function receive(bytes: Buffer, sizes: { head: number; tail: number }, chunk: number, piece: number): ReceivedBytes {
  const r = new ReceivedBytes(bytes.length, sizes);
  for (let start = 0; start < bytes.length; start += chunk) {
    const staged = r.stage();
    const body = bytes.subarray(start, start + chunk);
    for (let p = 0; p < body.length; p += piece) staged.add(Buffer.from(body.subarray(p, p + piece)));
    r.commit(staged, body.length);
  }
  return r;
}

describe('ReceivedBytes', () => {
  const sizes = { head: 64 * KIB, tail: 128 * KIB };
  const size = 2 * 1024 * KIB;
  const bytes = file(size);

  it('keeps exactly the first and last bytes and serves reads from either window', () => {
    const w = receive(bytes, sizes, 300 * KIB, 7 * KIB).seal();
    expect(w.head.length).toBe(64 * KIB);
    expect(w.tail.length).toBeGreaterThanOrEqual(128 * KIB);
    expect(w.tail.length).toBeLessThan(128 * KIB + 7 * KIB);
    expect(Buffer.compare(Buffer.from(w.read(100, 64 * KIB)), bytes.subarray(100, 64 * KIB))).toBe(0);
    expect(Buffer.compare(Buffer.from(w.read(size - 128 * KIB, size)), bytes.subarray(size - 128 * KIB))).toBe(0);
  });

  it('refuses a read that touches the discarded middle', () => {
    const w = receive(bytes, sizes, 300 * KIB, 7 * KIB).seal();
    expect(() => w.read(64 * KIB - 10, 64 * KIB + 10)).toThrow(DiscardedRangeError);
    expect(() => w.read(size / 2, size / 2 + 1)).toThrow(/streamed through and not kept/);
  });

  it('leaves no trace of a chunk that was staged but never committed', () => {
    const r = receive(bytes.subarray(0, size - 300 * KIB), sizes, 300 * KIB, 7 * KIB);
    const lost = r.stage();
    lost.add(Buffer.alloc(200 * KIB, 0xee)); // a chunk whose connection dropped
    const again = r.stage();
    again.add(Buffer.from(bytes.subarray(size - 300 * KIB)));
    r.commit(again, 300 * KIB);
    const w = r.seal();
    expect(Buffer.compare(Buffer.from(w.read(size - 128 * KIB, size)), bytes.subarray(size - 128 * KIB))).toBe(0);
  });

  it('keeps a file whole when its discarded middle would be smaller than mediabunny reads across', () => {
    const small = file(sizes.head + sizes.tail + MIN_DISCARDED_GAP_BYTES - 4);
    const w = receive(small, sizes, 100 * KIB, 9 * KIB).seal();
    expect(Buffer.compare(Buffer.from(w.read(0, small.length)), small)).toBe(0);
  });
});
