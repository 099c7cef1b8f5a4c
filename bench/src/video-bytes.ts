import { createCipheriv, createHash } from 'node:crypto';
import { readCorpusFile } from '@content-studio/media-corpus';
import {
  BufferSource,
  EncodedPacket,
  EncodedVideoPacketSource,
  Input,
  MP4,
  Mp4OutputFormat,
  Output,
  StreamTarget,
} from 'mediabunny';

export const MiB = 1024 * 1024;
export const GiB = 1024 * MiB;

/** The unit of generation: big enough that per-piece overhead vanishes, small enough to never matter for memory. */
const BLOCK = MiB;

/**
 * One 1 MiB block of incompressible bytes, the same on every run: AES-256-CTR over zeros with a fixed
 * key is a seeded PRNG that Node implements natively, so making it costs nothing measurable.
 */
const PATTERN = createCipheriv('aes-256-ctr', Buffer.alloc(32, 0x42), Buffer.alloc(16, 0)).update(Buffer.alloc(BLOCK));

/** 30 s at 30 fps: the frames the container describes, whatever the file's size. */
const FRAMES = 900;
const FPS = 30;

interface Container {
  /** `ftyp` and the `mdat` header: the bytes before the first frame. */
  head: Buffer;
  /** Bytes of each frame; the frames fill the file from head to tail. */
  frameBytes: number;
  /** `moov` (the index, written last as most cameras do) and a `free` box that makes the size exact. */
  tail: Buffer;
}

/** The H.264 configuration (avcC) of a real corpus clip, so the sample entry is one a decoder accepts. */
async function avcConfig(): Promise<VideoDecoderConfig> {
  const input = new Input({ source: new BufferSource(readCorpusFile('h264-aac-faststart.mp4')), formats: [MP4] });
  const config = await (await input.getPrimaryVideoTrack())?.getDecoderConfig();
  input.dispose();
  if (!config) throw new Error('the corpus clip has no H.264 configuration');
  return config;
}

/**
 * mediabunny's MP4 muxer writes a real moov-at-end container for FRAMES frames of `frameBytes` each;
 * only the bytes outside the frames are kept (the frames are the bench's own pattern). The sandbox's
 * media checks read it as a 30 s 360x640 H.264 video, so they pass it as TikTok would.
 * `headLength` is where the frames start (known from a first pass); without it everything is kept.
 */
async function mux(frameBytes: number, headLength?: number): Promise<Buffer> {
  const config = { ...(await avcConfig()), codedWidth: 360, codedHeight: 640 };
  const writes: { position: number; data: Buffer }[] = [];
  const framesEnd = headLength === undefined ? 0 : headLength + FRAMES * frameBytes;
  const target = new StreamTarget(
    new WritableStream({
      write(chunk: { data: Uint8Array; position: number }) {
        const start = chunk.position;
        const end = start + chunk.data.length;
        if (headLength === undefined) writes.push({ position: start, data: Buffer.from(chunk.data) });
        // Keep what lies before the frames or after them; a write may straddle either edge.
        else if (start < headLength || end > framesEnd) writes.push({ position: start, data: Buffer.from(chunk.data) });
      },
    }),
  );
  const output = new Output({ format: new Mp4OutputFormat({ fastStart: false }), target });
  const source = new EncodedVideoPacketSource('avc');
  output.addVideoTrack(source, { frameRate: FPS });
  await output.start();
  const frame = new Uint8Array(frameBytes);
  for (let i = 0; i < FRAMES; i++) {
    await source.add(
      new EncodedPacket(frame, i % FPS === 0 ? 'key' : 'delta', i / FPS, 1 / FPS),
      i === 0 ? { decoderConfig: config } : undefined,
    );
  }
  await output.finalize();
  const total = Math.max(...writes.map((w) => w.position + w.data.length));
  // In the second pass the frames were dropped as they came: the image is the head and the index.
  const image = Buffer.alloc(headLength === undefined ? total : total - framesEnd + headLength);
  for (const w of writes) {
    for (let i = 0; i < w.data.length; i++) {
      const at = w.position + i;
      if (headLength === undefined) image[at] = w.data[i] ?? 0;
      else if (at < headLength) image[at] = w.data[i] ?? 0;
      else if (at >= framesEnd) image[at - framesEnd + headLength] = w.data[i] ?? 0;
    }
  }
  return image;
}

async function container(size: number): Promise<Container> {
  // Two passes: the index's size does not depend on the frames' size (below 4 GiB), so a pass with
  // one-byte frames shows where the frames start and how long the index is.
  const probe = await mux(1);
  const ftypBytes = probe.readUInt32BE(0);
  const mdatHeaderBytes = probe.readUInt32BE(ftypBytes) === 1 ? 16 : 8;
  const headLength = ftypBytes + mdatHeaderBytes;
  const moovBytes = probe.length - headLength - FRAMES;
  const frameBytes = Math.floor((size - headLength - moovBytes - 8) / FRAMES);
  if (frameBytes <= 64) throw new RangeError(`${size} bytes is too small for a benchmark video`);
  const image = await mux(frameBytes, headLength);
  if ((image.readUInt32BE(ftypBytes) === 1) !== (mdatHeaderBytes === 16))
    throw new Error('the mdat header changed between passes');
  const head = image.subarray(0, headLength);
  const moov = image.subarray(headLength);
  const freeBytes = size - headLength - FRAMES * frameBytes - moov.length;
  if (moov.length !== moovBytes || freeBytes < 8)
    throw new Error('the muxer wrote a different index than in its first pass');
  const free = Buffer.alloc(freeBytes);
  free.writeUInt32BE(freeBytes, 0);
  free.write('free', 4, 'latin1');
  return { head: Buffer.from(head), frameBytes, tail: Buffer.concat([moov, free]) };
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
 * A deterministic video of any size that never exists as a whole, on disk or in memory: a real MP4
 * (see mux) whose frames are 1 MiB blocks of the pattern, each block starting with its offset (block 0
 * with the container's head instead), so bytes sent in the wrong order or to the wrong place change
 * the hash the sandbox reports, and comparing that hash with ours proves the upload was byte-exact.
 * (The frames are not decodable; nothing decodes them: TikTok's checks, like the sandbox's, read the
 * container.)
 *
 * A block is yielded as two pieces, its small head and a view of the shared pattern, instead of a
 * stamped copy: copying (and page-faulting in) a fresh MiB per MiB sent cost the client more CPU
 * than sending it, and on 2 cores the client's CPU is taken from the process being measured. The
 * pieces are never written to after they are yielded, so sharing them is safe. Only the one or two
 * blocks that hold the index are copies. The container is made on first use (sha256() makes it
 * before anything is timed).
 */
export function videoBytes(size: number): VideoBytes {
  if (!Number.isSafeInteger(size) || size < BLOCK) throw new RangeError('a benchmark video is at least 1 MiB');
  let made: Promise<Container> | undefined;
  const prepared = () => (made ??= container(size));

  function blockPieces(c: Container, blockStart: number): Buffer[] {
    let prefix = c.head;
    if (blockStart !== 0) {
      prefix = Buffer.alloc(8);
      prefix.writeBigUInt64BE(BigInt(blockStart));
    }
    const tailStart = size - c.tail.length;
    if (blockStart + BLOCK <= tailStart) return [prefix, PATTERN.subarray(prefix.length)];
    const block = Buffer.from(PATTERN);
    prefix.copy(block, 0);
    const from = Math.max(tailStart, blockStart);
    c.tail.copy(block, from - blockStart, from - tailStart, Math.min(c.tail.length, blockStart + BLOCK - tailStart));
    return [block];
  }

  async function* range(start: number, end: number): AsyncGenerator<Buffer> {
    const c = await prepared();
    for (let blockStart = Math.floor(start / BLOCK) * BLOCK; blockStart <= end; blockStart += BLOCK) {
      let pieceStart = blockStart;
      for (const piece of blockPieces(c, blockStart)) {
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
