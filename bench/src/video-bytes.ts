import { createCipheriv, createHash } from 'node:crypto';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** The unit of generation: big enough that per-piece overhead vanishes, small enough to never matter for memory. */
const BLOCK = MiB;

/**
 * One 1 MiB block of incompressible bytes, the same on every run: AES-256-CTR over zeros with a fixed
 * key is a seeded PRNG that Node implements natively, so making it costs nothing measurable.
 */
const PATTERN = createCipheriv('aes-256-ctr', Buffer.alloc(32, 0x42), Buffer.alloc(16, 0)).update(Buffer.alloc(BLOCK));

/**
 * A minimal faststart MP4 head: `ftyp`, a `moov` with only `mvhd` (30 s), then a 64-bit `mdat` that
 * spans the rest of the file. Enough for the proxy's magic-byte sniffing, so every proxy path does the
 * work it does in production; it has no track, so the sandbox runs without its media checks
 * (sandbox-process.ts).
 */
function mp4Head(videoSize: number): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftypisom', 4, 'latin1');
  ftyp.writeUInt32BE(0x200, 12);
  ftyp.write('isommp41', 16, 'latin1');

  const mvhd = Buffer.alloc(108);
  mvhd.writeUInt32BE(108, 0);
  mvhd.write('mvhd', 4, 'latin1');
  // version 0 body starts at 8: flags, creation, modification, then timescale and duration.
  mvhd.writeUInt32BE(1000, 8 + 12);
  mvhd.writeUInt32BE(30_000, 8 + 16);
  mvhd.writeUInt32BE(0x0001_0000, 8 + 20); // rate 1.0
  mvhd.writeUInt16BE(0x0100, 8 + 24); // volume 1.0
  mvhd.writeUInt32BE(2, 8 + 96); // next_track_ID

  const moov = Buffer.alloc(8);
  moov.writeUInt32BE(8 + mvhd.length, 0);
  moov.write('moov', 4, 'latin1');

  const head = ftyp.length + moov.length + mvhd.length + 16;
  const mdat = Buffer.alloc(16);
  mdat.writeUInt32BE(1, 0); // size 1: the real size follows as 64 bits
  mdat.write('mdat', 4, 'latin1');
  mdat.writeBigUInt64BE(BigInt(videoSize - head + 16), 8);

  return Buffer.concat([ftyp, moov, mvhd, mdat]);
}

export interface VideoBytes {
  readonly size: number;
  /** Bytes [start, end] inclusive, generated as they are read, in pieces of at most 1 MiB. Read-only. */
  range(start: number, end: number): AsyncGenerator<Buffer>;
  /** The whole video. */
  all(): AsyncGenerator<Buffer>;
  /** sha256 (hex) of the whole video, computed by streaming the generator once and then remembered. */
  sha256(): Promise<string>;
}

/**
 * A deterministic video of any size that never exists as a whole, on disk or in memory. Each block
 * starts with its offset (block 0 with the MP4 head instead), so bytes sent in the wrong order or to
 * the wrong place change the hash the sandbox reports, and comparing that hash with ours proves the
 * upload was byte-exact.
 *
 * A block is yielded as two pieces, its small head and a view of the shared pattern, instead of a
 * stamped copy: copying (and page-faulting in) a fresh MiB per MiB sent cost the client more CPU
 * than sending it, and on 2 cores the client's CPU is taken from the process being measured. The
 * pieces are never written to after they are yielded, so sharing them is safe.
 */
export function videoBytes(size: number): VideoBytes {
  if (!Number.isSafeInteger(size) || size < BLOCK) throw new RangeError('a benchmark video is at least 1 MiB');
  const head = mp4Head(size);

  function blockPieces(blockStart: number): Buffer[] {
    let prefix = head;
    if (blockStart !== 0) {
      prefix = Buffer.alloc(8);
      prefix.writeBigUInt64BE(BigInt(blockStart));
    }
    return [prefix, PATTERN.subarray(prefix.length)];
  }

  async function* range(start: number, end: number): AsyncGenerator<Buffer> {
    for (let blockStart = Math.floor(start / BLOCK) * BLOCK; blockStart <= end; blockStart += BLOCK) {
      let pieceStart = blockStart;
      for (const piece of blockPieces(blockStart)) {
        const from = Math.max(start, pieceStart) - pieceStart;
        const to = Math.min(end + 1, pieceStart + piece.length) - pieceStart;
        if (to > from) yield from === 0 && to === piece.length ? piece : piece.subarray(from, to);
        pieceStart += piece.length;
      }
    }
  }

  let digest: Promise<string> | undefined;
  async function hashAll(): Promise<string> {
    const hash = createHash('sha256');
    for await (const piece of range(0, size - 1)) hash.update(piece);
    return hash.digest('hex');
  }

  return {
    size,
    range,
    all: () => range(0, size - 1),
    sha256: () => (digest ??= hashAll()),
  };
}
