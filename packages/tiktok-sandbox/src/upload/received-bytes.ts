/**
 * What the upload host keeps of a video while it streams in: the first HEAD bytes and the last TAIL
 * bytes, nothing in between (uploads reach 4 GiB; everything else is only hashed). That is where
 * every container keeps what TikTok's media checks need: an MP4/MOV index (`moov`) sits at the start
 * ("faststart") or at the very end, a WebM's header, tracks and first clusters at the start and its
 * cues at the end, and the last media samples (the truncation check) at the end.
 */

/** Enough for any faststart index and a WebM's first seconds of clusters (the frame-rate sample). */
const HEAD_WINDOW_BYTES = 4 * 1024 * 1024;
/** An hour of 60 fps video with audio has an index of about 3 MiB; twice that leaves headroom. */
const TAIL_WINDOW_BYTES = 8 * 1024 * 1024;

/**
 * mediabunny's reader stretches a read across a gap of up to 128 KiB rather than start a second read
 * (its ReadOrchestrator's gap tolerance), so a discarded middle smaller than that would be read
 * through and fail a file whose needed bytes were all kept. Files whose middle would be smaller than
 * this are kept whole.
 */
export const MIN_DISCARDED_GAP_BYTES = 256 * 1024;

export interface WindowSizes {
  head: number;
  tail: number;
}

/**
 * Bytes of one chunk while it streams: the chunk may still fail or lose a race, so nothing is
 * committed until it is complete (the same rule as the running hash). The hot path is one copy
 * into the head while it has room and a pointer push for the tail; no per-byte work.
 */
export class StagedChunk {
  readonly headParts: Buffer[] = [];
  readonly tailParts: Buffer[] = [];
  tailBytes = 0;
  private headRoom: number;

  constructor(
    headRoom: number,
    private readonly tailLimit: number,
  ) {
    this.headRoom = headRoom;
  }

  add(buf: Buffer): void {
    if (this.headRoom > 0) {
      // A copy: a view would pin the socket's whole buffer for the life of the upload.
      const slice = Buffer.from(buf.subarray(0, this.headRoom));
      this.headParts.push(slice);
      this.headRoom -= slice.length;
    }
    // The request's buffers are never reused by Node, so the tail keeps them as they are.
    this.tailParts.push(buf);
    this.tailBytes += buf.length;
    trimFront(this.tailParts, this, this.tailLimit);
  }
}

function trimFront(parts: Buffer[], counter: { tailBytes: number }, limit: number): void {
  let drop = 0;
  while (drop < parts.length - 1 && counter.tailBytes - (parts[drop]?.length ?? 0) >= limit) {
    counter.tailBytes -= parts[drop]?.length ?? 0;
    drop += 1;
  }
  if (drop > 0) parts.splice(0, drop);
}

/** The head and tail windows of one upload's accepted bytes. */
export class ReceivedBytes {
  private readonly headParts: Buffer[] = [];
  private headBytes = 0;
  private tailParts: Buffer[] = [];
  tailBytes = 0;
  private received = 0;
  private readonly headLimit: number;

  constructor(
    readonly videoSize: number,
    readonly sizes: WindowSizes = { head: HEAD_WINDOW_BYTES, tail: TAIL_WINDOW_BYTES },
  ) {
    this.headLimit = videoSize - sizes.head - sizes.tail < MIN_DISCARDED_GAP_BYTES ? videoSize : sizes.head;
  }

  stage(): StagedChunk {
    return new StagedChunk(Math.max(0, this.headLimit - this.headBytes), this.sizes.tail);
  }

  commit(chunk: StagedChunk, length: number): void {
    for (const part of chunk.headParts) {
      this.headParts.push(part);
      this.headBytes += part.length;
    }
    this.tailParts.push(...chunk.tailParts);
    this.tailBytes += chunk.tailBytes;
    trimFront(this.tailParts, this, this.sizes.tail);
    this.received += length;
  }

  /** The windows as two contiguous buffers, once the upload is complete; then this object is spent. */
  seal(): SealedWindows {
    const head = Buffer.concat(this.headParts);
    const tail = Buffer.concat(this.tailParts);
    this.headParts.length = 0;
    this.tailParts = [];
    // The tail may hold more than its limit by up to one socket buffer; keep exactly what it holds.
    return new SealedWindows(this.videoSize, head, this.received - tail.length, tail);
  }
}

/** Why a read could not be served: its bytes were streamed through and not kept. */
export class DiscardedRangeError extends Error {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {
    super(`bytes ${start}-${end - 1} were streamed through and not kept`);
    this.name = 'DiscardedRangeError';
  }
}

export class SealedWindows {
  constructor(
    readonly size: number,
    readonly head: Buffer,
    readonly tailStart: number,
    readonly tail: Buffer,
  ) {}

  /** Bytes [start, end), or DiscardedRangeError when any of them lies in the middle that was not kept. */
  read(start: number, end: number): Uint8Array {
    if (end <= this.head.length) return this.head.subarray(start, end);
    if (start >= this.tailStart) return this.tail.subarray(start - this.tailStart, end - this.tailStart);
    // Small files: the windows meet or overlap, so the whole file is here.
    if (this.tailStart <= this.head.length) {
      const out = new Uint8Array(end - start);
      const fromHead = this.head.subarray(start, this.head.length);
      out.set(fromHead, 0);
      out.set(this.tail.subarray(this.head.length - this.tailStart, end - this.tailStart), fromHead.length);
      return out;
    }
    throw new DiscardedRangeError(start, end);
  }
}
