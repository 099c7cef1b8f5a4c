/**
 * Cuts one incoming byte stream into consecutive pieces of exact lengths, each itself a stream,
 * without ever holding more than the piece of input currently in hand. This is how one multipart
 * file stream becomes TikTok's sequence of chunk PUTs while memory stays at socket-buffer size.
 */
export class ByteSplitter {
  private readonly source: AsyncIterator<Uint8Array>;
  private leftover: Uint8Array | undefined;
  private sourceDone = false;
  private active = false;

  constructor(source: AsyncIterable<Uint8Array>) {
    this.source = source[Symbol.asyncIterator]();
  }

  /**
   * Yields exactly `length` bytes. Throws `ShortStreamError` if the source ends first; the caller
   * must drain a piece fully before asking for the next one, since both read the same source.
   *
   * With `mustEnd`, the source must end exactly there: the check runs *before* the final bytes are
   * yielded, so an over-long upload fails while TikTok still lacks its last byte and never
   * completes a video the creator did not send.
   */
  async *take(length: number, options: { mustEnd?: () => Promise<void> | void } = {}): AsyncGenerator<Uint8Array> {
    if (this.active) throw new Error('ByteSplitter: previous piece not fully read');
    this.active = true;
    try {
      let remaining = length;
      while (remaining > 0) {
        const piece = await this.nextPiece();
        if (!piece) throw new ShortStreamError(length - remaining, length);
        if (piece.length > remaining) {
          this.leftover = piece.subarray(remaining);
          if (options.mustEnd) throw new LongStreamError(length);
          yield piece.subarray(0, remaining);
          remaining = 0;
        } else {
          remaining -= piece.length;
          if (remaining === 0 && options.mustEnd) {
            if (await this.hasMore()) throw new LongStreamError(length);
            await options.mustEnd();
          }
          yield piece;
        }
      }
    } finally {
      this.active = false;
    }
  }

  /** True when the source still has bytes after everything that was taken (the body was too long). */
  async hasMore(): Promise<boolean> {
    const piece = await this.nextPiece();
    if (!piece) return false;
    this.leftover = piece;
    return true;
  }

  /** Reads up to `length` bytes to inspect them, then puts them back. */
  async peek(length: number): Promise<Uint8Array> {
    const pieces: Uint8Array[] = [];
    let have = 0;
    while (have < length) {
      const piece = await this.nextPiece();
      if (!piece) break;
      pieces.push(piece);
      have += piece.length;
    }
    const head = Buffer.concat(pieces);
    this.leftover = head.length ? head : undefined;
    return head.subarray(0, length);
  }

  private async nextPiece(): Promise<Uint8Array | undefined> {
    if (this.leftover) {
      const piece = this.leftover;
      this.leftover = undefined;
      return piece;
    }
    while (!this.sourceDone) {
      const next = await this.source.next();
      if (next.done) {
        this.sourceDone = true;
        return undefined;
      }
      if (next.value.length > 0) return next.value;
    }
    return undefined;
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
