import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { readProcStats, type ProcStats } from './proc-stats';

/** Registered at the sandbox and given to the proxy; nothing listens there, the code is read from the 302. */
export const REDIRECT_URI = 'http://127.0.0.1:5173/auth/callback';

const PROXY_ENTRY = fileURLToPath(new URL('../../apps/proxy/dist/server.js', import.meta.url));
/**
 * The V8 flags production runs the proxy with (its `start` script, which the Dockerfile's CMD must
 * equal): the memory figures only mean something for the process as it is deployed.
 */
const PROXY_NODE_FLAGS = proxyNodeFlags();
let serverNode = process.execPath;

/**
 * Runs the proxy under another node binary (production runs Node 24), and the bare pipe with it: a
 * baseline on another runtime than the proxy it is compared with would measure the runtimes.
 */
export function useServerNode(path: string): void {
  serverNode = path;
}

function proxyNodeFlags(): string[] {
  const pkg = JSON.parse(readFileSync(new URL('../../apps/proxy/package.json', import.meta.url), 'utf8')) as {
    scripts: { start: string };
  };
  const [command, ...args] = pkg.scripts.start.trim().split(/\s+/);
  if (command !== 'node' || args.at(-1) !== 'dist/server.js') {
    throw new Error(`apps/proxy's start script is not "node [flags] dist/server.js": ${pkg.scripts.start}`);
  }
  return args.slice(0, -1);
}
// Our own children are TypeScript; they run under the same tsx that runs the bench.
const TSX_LOADER = import.meta.resolve('tsx');
const STARTUP_TIMEOUT_MS = 15_000;

export interface SandboxProcess {
  url: string;
  authorizeUrl: string;
  clientKey: string;
  clientSecret: string;
  pid: number;
  stop(): Promise<void>;
}

export interface ServerProcess {
  url: string;
  /** The proxy's Prometheus endpoint, when it was started with METRICS_PORT. */
  metricsUrl?: string;
  pid: number;
  /** What /proc says about the process right now: peak RSS so far and bytes written to storage. */
  stats(): Promise<ProcStats>;
  /** Lines the process logged at warn level or above (the proxy), for the report. */
  problems: string[];
  stop(): Promise<void>;
}

// Children must never outlive the bench, whatever way it ends.
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

function track(child: ChildProcess): ChildProcess {
  live.add(child);
  child.once('exit', () => live.delete(child));
  return child;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not start within ${STARTUP_TIMEOUT_MS} ms`)),
      STARTUP_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Forks one of bench/src's TypeScript entries and waits for the first IPC message it sends. */
async function forkTs<T>(
  entry: string,
  env: Record<string, string>,
  execPath = process.execPath,
): Promise<{ child: ChildProcess; ready: T }> {
  const child = track(
    fork(fileURLToPath(new URL(entry, import.meta.url)), [], {
      execPath,
      execArgv: ['--import', TSX_LOADER],
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  );
  const ready = withTimeout(
    new Promise<T>((resolve, reject) => {
      child.once('message', (message) => resolve(message as T));
      child.once('exit', (code) => reject(new Error(`${entry} exited with code ${code} before it was ready`)));
    }),
    entry,
  );
  return { child, ready: await ready };
}

export async function startSandboxProcess(): Promise<SandboxProcess> {
  const { child, ready } = await forkTs<Omit<SandboxProcess, 'pid' | 'stop'>>('./sandbox-process.ts', {
    BENCH_REDIRECT_URI: REDIRECT_URI,
  });
  return { ...ready, pid: child.pid ?? -1, stop: () => stopChild(child) };
}

function serverProcess(child: ChildProcess, url: string, problems: string[]): ServerProcess {
  const pid = child.pid;
  if (pid === undefined) throw new Error('child process has no pid');
  return { url, pid, problems, stats: () => readProcStats(pid), stop: () => stopChild(child) };
}

export async function startPipeProxy(sandboxUrl: string): Promise<ServerProcess> {
  const { child, ready } = await forkTs<{ url: string }>(
    './pipe-proxy.ts',
    { BENCH_PIPE_TARGET: sandboxUrl },
    serverNode,
  );
  return serverProcess(child, ready.url, []);
}

/**
 * The built proxy, exactly as production runs it: plain node with the start script's flags,
 * configured only by environment variables. A new process per scenario, so VmHWM is that
 * scenario's peak and nothing else's.
 */
export async function startProxy(
  sandbox: SandboxProcess,
  extraEnv: Record<string, string> = {},
): Promise<ServerProcess> {
  const child = track(
    spawn(serverNode, [...PROXY_NODE_FLAGS, PROXY_ENTRY], {
      env: {
        PATH: process.env.PATH ?? '',
        TIKTOK_CLIENT_KEY: sandbox.clientKey,
        TIKTOK_CLIENT_SECRET: sandbox.clientSecret,
        TIKTOK_REDIRECT_URI: REDIRECT_URI,
        SESSION_SEAL_KEY: randomBytes(32).toString('base64'),
        ALLOWED_ORIGINS: 'http://127.0.0.1:5173',
        TIKTOK_API_BASE_URL: sandbox.url,
        TIKTOK_UPLOAD_ORIGINS: sandbox.url,
        TIKTOK_AUTH_URL: sandbox.authorizeUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        // info, the production default, is also the level of the "listening" line we need.
        LOG_LEVEL: 'info',
        ...extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );

  const problems: string[] = [];
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (text: string) => {
    stderr = (stderr + text).slice(-4096);
  });

  const wantsMetrics = extraEnv.METRICS_PORT !== undefined;
  const listening = new Promise<{ url: string; metricsUrl?: string }>((resolve, reject) => {
    let url: string | undefined;
    // Every stdout line must be read, or the pipe fills and pino blocks the proxy.
    createInterface({ input: child.stdout! }).on('line', (line) => {
      let entry: { level?: number; msg?: unknown; address?: unknown };
      try {
        entry = JSON.parse(line) as typeof entry;
      } catch {
        return;
      }
      const match = typeof entry.msg === 'string' ? /^Server listening at (http:\/\/\S+)$/.exec(entry.msg) : null;
      if (match?.[1]) {
        url = match[1];
        if (!wantsMetrics) resolve({ url });
      } else if (entry.msg === 'metrics endpoint listening' && url && typeof entry.address === 'string') {
        resolve({ url, metricsUrl: entry.address });
      } else if ((entry.level ?? 0) >= 40 && problems.length < 20) problems.push(line.slice(0, 500));
    });
    child.once('exit', (code) => reject(new Error(`proxy exited with code ${code} before listening:\n${stderr}`)));
  });
  const { url, metricsUrl } = await withTimeout(listening, 'the proxy');
  return { ...serverProcess(child, url, problems), ...(metricsUrl ? { metricsUrl } : {}) };
}
