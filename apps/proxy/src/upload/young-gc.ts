/**
 * A minor GC (scavenge) every few MiB of video streamed per upload (docs/decisions/018).
 *
 * Each socket read of a request body is a fresh Buffer owned by a small JS handle; the memory is
 * freed only when a scavenge collects the handle. With 1 MiB semi-spaces (decision 007, V8's floor)
 * a scavenge ran every ~18 MB of video, so ~20–25 MB of already-sent bytes sat in RSS during a
 * single upload. Collecting the young generation every 4 MiB keeps that to a few MiB.
 *
 * The interval grows with the number of uploads streaming at once (4 MiB each): a forced scavenge
 * promotes whatever is in flight at that moment, and with 16 uploads every 4 MiB of the process's
 * total was measured to *raise* the peak (old space filled with promoted in-flight buffers until the
 * next full GC). Under concurrency V8's own scavenges, every ~18 MB, come first anyway.
 *
 * `gc` exists only under `--expose-gc` (the proxy's start script); without it (tests, tsx) this is a
 * no-op.
 */
const YOUNG_GC_EVERY_BYTES = 3 * 1024 * 1024;

type Gc = (options: { type: 'minor' }) => void;

export interface YoungCollector {
  /** A number for a new byte stream (one ByteSplitter). */
  newStream(): number;
  /** Bytes read from a client by stream `stream`. */
  count(stream: number, bytes: number): void;
}

export function youngCollector(gc: Gc | undefined, everyBytes = YOUNG_GC_EVERY_BYTES): YoungCollector {
  let next = 0;
  let since = 0;
  // Streams that delivered bytes since the last collection: how many uploads are moving right now,
  // known without following any stream's lifecycle (a keep-alive request may emit 'close' late).
  const active = new Set<number>();
  return {
    newStream: () => (next = (next + 1) % Number.MAX_SAFE_INTEGER),
    count(stream, bytes) {
      if (!gc) return;
      active.add(stream);
      since += bytes;
      if (since < everyBytes * active.size) return;
      since = 0;
      active.clear();
      gc({ type: 'minor' });
    },
  };
}

/** The process's collector, fed by every ByteSplitter. */
export const streamedBytes = youngCollector((globalThis as { gc?: Gc }).gc);
