import { finished, Readable } from 'node:stream';
import type { SelfReportingBody } from '../tiktok';
import { streamedBytes } from './young-gc';

/** One reader of the source at a time: a slice being streamed, a peek, or an end-of-stream check. */
interface Consumer {
  onData(piece: Uint8Array): void;
  onEnd(): void;
  onError(error: Error): void;
}

/** Socket reads are 64 KiB; one of them buffered per slice keeps memory at socket-buffer size. */
const SLICE_HIGH_WATER_MARK = 64 * 1024;

/**
 * Cuts one incoming byte stream into consecutive pieces of exact lengths, each itself a stream,
 * without ever holding more than the piece of input currently in hand. This is how one multipart
 * file stream becomes TikTok's sequence of chunk PUTs while memory stays at socket-buffer size.
 *
 * It drives the source with 'data' events and pause/resume, as `pipe()` does, rather than through
 * async iterators: every 64 KiB of video then costs a few synchronous calls instead of a chain of
 * promises, which is most of what the proxy spends beyond a bare pipe (bench/README.md).
 */
export class ByteSplitter {
  private leftover: Uint8Array | undefined;
  private ended = false;
  private failure: Error | undefined;
  private consumer: Consumer | undefined;
  private readonly streamId = streamedBytes.newStream();

  constructor(private readonly source: Readable) {
    // Paused first, so that attaching the listener does not start the flow before anyone reads.
    source.pause();
    source.on('data', (piece: Uint8Array) => this.onData(piece));
    source.once('end', () => {
      this.ended = true;
      this.consumer?.onEnd();
    });
    // Also catches what 'error' alone would not: a request whose client went away mid-body.
    finished(source, (error) => {
      if (!error || this.ended) return;
      this.failure = error;
      this.consumer?.onError(error);
    });
  }

  /**
   * A stream of exactly `length` bytes. It fails with `ShortStreamError` if the source ends first;
   * the previous piece must be fully read (or destroyed) before the next one is taken.
   *
   * With `mustEnd`, the source must end exactly there: the check runs *before* the final bytes are
   * released, so an over-long upload fails while TikTok still lacks its last byte and never
   * completes a video the creator did not send.
   */
  take(length: number, options: { mustEnd?: () => Promise<void> | void } = {}): SelfReportingBody {
    this.claim();
    const slice = new Slice(this, length, options.mustEnd);
    this.consumer = slice;
    return slice;
  }

  /** Reads up to `length` bytes to inspect them, then puts them back. */
  peek(length: number): Promise<Uint8Array> {
    this.claim();
    return new Promise((resolve, reject) => {
      const pieces: Uint8Array[] = [];
      let have = 0;
      const done = () => {
        this.release(consumer);
        const head = Buffer.concat(pieces);
        if (head.length) this.putBack(head);
        resolve(head.subarray(0, length));
      };
      const consumer: Consumer = {
        onData: (piece) => {
          pieces.push(piece);
          have += piece.length;
          if (have >= length) done();
          else this.pull(consumer);
        },
        onEnd: done,
        onError: (error) => {
          this.release(consumer);
          reject(error);
        },
      };
      this.consumer = consumer;
      this.pull(consumer);
    });
  }

  /** True when the source still has bytes after everything that was taken (the body was too long). */
  hasMore(): Promise<boolean> {
    this.claim();
    return new Promise((resolve, reject) => {
      const consumer: Consumer = {
        onData: (piece) => {
          this.putBack(piece);
          this.release(consumer);
          resolve(true);
        },
        onEnd: () => {
          this.release(consumer);
          resolve(false);
        },
        onError: (error) => {
          this.release(consumer);
          reject(error);
        },
      };
      this.consumer = consumer;
      this.pull(consumer);
    });
  }

  /** Hands the consumer what is already here, or lets the source flow until it has had enough. */
  pull(consumer: Consumer): void {
    if (this.consumer !== consumer) return;
    if (this.leftover) {
      const piece = this.leftover;
      this.leftover = undefined;
      consumer.onData(piece);
      // It may have taken all it wanted, or paused for backpressure; it will pull again.
      return;
    }
    if (this.failure) consumer.onError(this.failure);
    else if (this.ended) consumer.onEnd();
    else this.source.resume();
  }

  /** Stops the flow until the consumer pulls again (its reader is behind). */
  hold(): void {
    this.source.pause();
  }

  /** Keeps bytes read past a boundary for whoever reads next. */
  putBack(piece: Uint8Array): void {
    this.leftover = this.leftover ? Buffer.concat([piece, this.leftover]) : piece;
    this.source.pause();
  }

  release(consumer: Consumer): void {
    if (this.consumer !== consumer) return;
    this.consumer = undefined;
    this.source.pause();
  }

  private claim(): void {
    if (this.consumer) throw new Error('ByteSplitter: previous piece not fully read');
  }

  private onData(piece: Uint8Array): void {
    if (piece.length === 0) return;
    streamedBytes.count(this.streamId, piece.length);
    if (this.consumer) this.consumer.onData(piece);
    else this.putBack(piece);
  }
}

/**
 * One exact-length piece of the source, as a stream that undici can send as a request body as it is
 * (tiktok/media-transfer.ts `SelfReportingBody`): destroying it releases the source without harming
 * it, and `sourceError` tells the source's own failures from the slice being destroyed from outside.
 */
class Slice extends Readable implements Consumer, SelfReportingBody {
  /** Set only by a failure of the source: it broke, ended short, or ran long. */
  sourceError: Error | undefined = undefined;
  private remaining: number;
  /** With mustEnd: the last bytes, held back until the source is known to end right after them. */
  private final: Uint8Array | undefined;

  constructor(
    private readonly splitter: ByteSplitter,
    private readonly length: number,
    private readonly mustEnd: (() => Promise<void> | void) | undefined,
  ) {
    super({ highWaterMark: SLICE_HIGH_WATER_MARK });
    this.remaining = length;
  }

  override _read(): void {
    if (this.remaining === 0 && !this.mustEnd && !this.final) {
      this.splitter.release(this);
      this.push(null);
      return;
    }
    this.splitter.pull(this);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.splitter.release(this);
    callback(error);
  }

  onData(piece: Uint8Array): void {
    if (this.destroyed) return;
    if (this.final || (this.mustEnd && piece.length > this.remaining)) {
      this.splitter.putBack(this.final ? piece : piece.subarray(this.remaining));
      this.fail(new LongStreamError(this.length));
      return;
    }
    let own = piece;
    if (piece.length > this.remaining) {
      this.splitter.putBack(piece.subarray(this.remaining));
      own = piece.subarray(0, this.remaining);
    }
    this.remaining -= own.length;
    if (this.remaining > 0) {
      if (!this.push(own)) this.splitter.hold();
      return;
    }
    if (this.mustEnd) {
      // Keep reading: the next event says whether the source really ends here.
      this.final = own;
      this.splitter.pull(this);
      return;
    }
    this.splitter.release(this);
    this.push(own);
    this.push(null);
  }

  onEnd(): void {
    if (this.destroyed) return;
    if (this.remaining > 0) {
      this.fail(new ShortStreamError(this.length - this.remaining, this.length));
      return;
    }
    const final = this.final;
    this.splitter.release(this);
    Promise.resolve()
      .then(() => this.mustEnd?.())
      .then(
        () => {
          if (final) this.push(final);
          this.push(null);
        },
        (error: unknown) => this.fail(error instanceof Error ? error : new Error(String(error))),
      );
  }

  onError(error: Error): void {
    this.fail(error);
  }

  private fail(error: Error): void {
    this.sourceError = error;
    this.splitter.release(this);
    this.destroy(error);
  }
}

export class ShortStreamError extends Error {
  constructor(
    readonly received: number,
    readonly expected: number,
  ) {
    super(`stream ended after ${received} of ${expected} bytes`);
    this.name = 'ShortStreamError';
  }
}

export class LongStreamError extends Error {
  constructor(readonly expected: number) {
    super(`stream has more than the ${expected} bytes expected`);
    this.name = 'LongStreamError';
  }
}
