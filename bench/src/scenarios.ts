import { performance } from 'node:perf_hooks';
import { Agent, type Dispatcher } from 'undici';
import { startPipeProxy, startProxy, type SandboxProcess, type ServerProcess } from './processes';
import { signIn, uploadOneShot, uploadRaw, uploadResumable, verifyAtSandbox } from './upload-clients';
import { readProcStats } from './proc-stats';
import { GiB, MiB, videoBytes, type VideoBytes } from './video-bytes';

export type PathId = 'one-shot' | 'resumable' | 'direct' | 'pipe';

export const PATHS: Record<PathId, { letter: string; label: string; server: 'proxy' | 'pipe' | 'none' }> = {
  'one-shot': { letter: 'a', label: 'one-shot via proxy', server: 'proxy' },
  resumable: { letter: 'b', label: 'resumable via proxy', server: 'proxy' },
  direct: { letter: 'c', label: 'direct to upload URL', server: 'none' },
  pipe: { letter: 'd', label: 'bare node:http pipe', server: 'pipe' },
};

export interface Measurement {
  path: PathId;
  /** Bytes per upload. */
  sizeBytes: number;
  /** Uploads running at the same time (1, or 16 for the concurrency scenario). */
  uploads: number;
  /** Wall-clock seconds of each repetition, from the first init to the last byte acknowledged. */
  runsSeconds: number[];
  /** Every repetition's own figures, in the order they ran. */
  repetitions: Omit<Run, 'problems'>[];
  /** The median of runsSeconds. */
  seconds: number;
  /** Aggregate throughput at the median: all uploads' bytes / seconds, in MB/s (10^6 bytes). */
  mbPerSec: number;
  /** The same for the fastest repetition: what the path does when nothing else gets in its way. */
  bestMbPerSec: number;
  /**
   * The process between client and sandbox (proxy or pipe), worst repetition; absent for direct.
   * startRssBytes is VmHWM once it listens (before the warm-up), the floor the peak grows from.
   */
  server?: { startRssBytes: number; peakRssBytes: number; diskWriteBytes: number };
  /** Median CPU seconds per GiB moved, per process: where the time goes when the cores are the limit. */
  cpuPerGiB: CpuSeconds;
  /** Warnings and errors the proxy logged. */
  problems: string[];
}

/** Small enough to cost nothing, big enough to run every code path of an upload once. */
const WARMUP = videoBytes(8 * MiB);

/** Results are committed: no float noise beyond what the clocks can resolve. */
export function round(value: number, digits: number): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function median(values: number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function upload(
  path: PathId,
  sandbox: SandboxProcess,
  server: ServerProcess | undefined,
  dispatcher: Dispatcher,
  token: string,
  video: VideoBytes,
): Promise<string> {
  switch (path) {
    case 'one-shot':
      return uploadOneShot(server!.url, dispatcher, token, video);
    case 'resumable':
      return uploadResumable(server!.url, dispatcher, token, video);
    case 'direct':
      return uploadRaw(sandbox, dispatcher, token, video);
    case 'pipe':
      return uploadRaw(sandbox, dispatcher, token, video, server!.url);
  }
}

export interface Run {
  seconds: number;
  server?: { startRssBytes: number; peakRssBytes: number; diskWriteBytes: number };
  /** CPU seconds each process spent in the timed section. */
  cpu: CpuSeconds;
  problems: string[];
}

export interface CpuSeconds {
  /** The bench: generating the bytes and sending them. */
  client: number;
  /** The proxy or the pipe; absent for direct. */
  server?: number;
  /** The sandbox: receiving and hashing every byte. */
  sandbox: number;
}

/**
 * One repetition in a fresh server process: its VmHWM is then this scenario's peak alone, and the
 * write_bytes delta counts only what this scenario made it write.
 */
export async function runOnce(sandbox: SandboxProcess, path: PathId, video: VideoBytes, uploads = 1): Promise<Run> {
  const kind = PATHS[path].server;
  const server =
    kind === 'proxy' ? await startProxy(sandbox) : kind === 'pipe' ? await startPipeProxy(sandbox.url) : undefined;
  // A pool per run: no keep-alive socket to a previous (dead) server is ever picked up.
  const dispatcher = new Agent({ keepAliveTimeout: 10_000 });
  try {
    const atListen = await server?.stats();
    const token = () => signIn(sandbox, dispatcher, kind === 'proxy' ? server?.url : undefined);

    // A fresh process runs its first upload cold (JIT, lazy initialisation, pool setup). One small
    // upload first, so the figures describe the streaming path rather than start-up.
    const warmId = await upload(path, sandbox, server, dispatcher, await token(), WARMUP);
    await verifyAtSandbox(sandbox, dispatcher, warmId, WARMUP);

    const tokens: string[] = [];
    for (let i = 0; i < uploads; i++) tokens.push(await token());

    const [serverAtStart, sandboxAtStart] = await Promise.all([server?.stats(), readProcStats(sandbox.pid)]);
    const clientAtStart = process.cpuUsage();
    const started = performance.now();
    const ids = await Promise.all(tokens.map((t) => upload(path, sandbox, server, dispatcher, t, video)));
    const seconds = round((performance.now() - started) / 1000, 3);
    const clientCpu = process.cpuUsage(clientAtStart);
    const [atEnd, sandboxAtEnd] = await Promise.all([server?.stats(), readProcStats(sandbox.pid)]);

    for (const id of ids) await verifyAtSandbox(sandbox, dispatcher, id, video);
    return {
      seconds,
      cpu: {
        client: round((clientCpu.user + clientCpu.system) / 1e6, 3),
        // /proc counts in 10 ms ticks.
        ...(atEnd && serverAtStart ? { server: round(atEnd.cpuSeconds - serverAtStart.cpuSeconds, 2) } : {}),
        sandbox: round(sandboxAtEnd.cpuSeconds - sandboxAtStart.cpuSeconds, 2),
      },
      ...(atListen && atEnd
        ? {
            server: {
              startRssBytes: atListen.peakRssBytes,
              peakRssBytes: atEnd.peakRssBytes,
              diskWriteBytes: atEnd.diskWriteBytes - atListen.diskWriteBytes,
            },
          }
        : {}),
      problems: server?.problems ?? [],
    };
  } finally {
    await dispatcher.close();
    await server?.stop();
  }
}

/** Repetitions of one scenario, folded: median time, worst memory, worst disk. */
export function summarize(path: PathId, video: VideoBytes, uploads: number, runs: Run[]): Measurement {
  const runsSeconds = runs.map((r) => r.seconds);
  const seconds = round(median(runsSeconds), 3);
  const servers = runs.flatMap((r) => (r.server ? [r.server] : []));
  const gib = (video.size * uploads) / GiB;
  return {
    path,
    sizeBytes: video.size,
    uploads,
    runsSeconds,
    repetitions: runs.map(({ problems: _problems, ...figures }) => figures),
    seconds,
    mbPerSec: round((video.size * uploads) / seconds / 1e6, 1),
    bestMbPerSec: round((video.size * uploads) / Math.min(...runsSeconds) / 1e6, 1),
    cpuPerGiB: {
      client: round(median(runs.map((r) => r.cpu.client)) / gib, 3),
      ...(runs.every((r) => r.cpu.server !== undefined)
        ? { server: round(median(runs.map((r) => r.cpu.server!)) / gib, 3) }
        : {}),
      sandbox: round(median(runs.map((r) => r.cpu.sandbox)) / gib, 3),
    },
    ...(servers.length
      ? {
          server: {
            startRssBytes: Math.max(...servers.map((s) => s.startRssBytes)),
            peakRssBytes: Math.max(...servers.map((s) => s.peakRssBytes)),
            diskWriteBytes: Math.max(...servers.map((s) => s.diskWriteBytes)),
          },
        }
      : {}),
    problems: [...new Set(runs.flatMap((r) => r.problems))],
  };
}
