/**
 * `pnpm bench:browser`: a 1 GiB video through the real SPA in Debian's Chromium (the upload engine:
 * resumable, chunk by chunk, File slices), the built proxy and the TikTok sandbox, against the
 * one-shot `curl -F` upload of the same file through the same proxy, in the same run. Prints MB/s of
 * both, their ratio, and the tab's JS heap (CDP `Performance.getMetrics`, sampled every 200 ms) before
 * and at its peak. Writes bench/results/browser.{json,md}.
 *
 * Both clients reach the proxy the same way: through the e2e static server's `/api` forwarding (the
 * SPA calls `/api` on its own origin), so the comparison is between the clients, not the routes.
 * Needs Chromium (`/usr/bin/chromium` or CHROMIUM_PATH), ffmpeg (to make the video once; cached in
 * the OS temp folder) and curl.
 */
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { postSettings } from '@content-studio/contract/testing';
import { launchBrowser, openPage } from '../../e2e/support/browser.ts';
import { openCompose, signIn } from '../../e2e/support/sign-in.ts';
import { startFullStack } from '../../e2e/support/stack.ts';
import { sha256File } from '../../e2e/support/videos.ts';

const run = promisify(execFile);
const MiB = 1024 * 1024;
const FRAMES = 216;
const FFMPEG = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';
const RESULTS = fileURLToPath(new URL('../results/', import.meta.url));
const SAMPLE_MS = 200;

/**
 * A real, playable ~1 GiB H.264 MP4 (the compose screen reads and checks it like any video):
 * 1080 × 1920 random noise at qp 0, which x264 cannot compress (~4.7 MiB a frame), 216 frames.
 */
async function makeVideo(): Promise<string> {
  const file = path.join(tmpdir(), `content-studio-bench-${FRAMES}-frames.mp4`);
  if (existsSync(file)) return file;
  const partial = `${file}.partial.mp4`;
  process.stdout.write('making the 1 GiB test video with ffmpeg (once; cached in the temp folder)…\n');
  await run(FFMPEG, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-f',
    'rawvideo',
    '-pix_fmt',
    'yuv420p',
    '-s',
    '1080x1920',
    '-r',
    '30',
    '-i',
    '/dev/urandom',
    '-frames:v',
    String(FRAMES),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-qp',
    '0',
    '-pix_fmt',
    'yuv420p',
    '-movflags',
    '+faststart',
    partial,
  ]);
  await rename(partial, file);
  return file;
}

/** A chunk size as TikTok's rules write it: 10 MiB, or 64 MB for the decimal 64,000,000. */
function chunkLabel(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${Math.round(bytes / 1e5) / 10} MB`;
}

function mbps(bytes: number, ms: number): number {
  return Math.round((bytes / 1e6 / (ms / 1000)) * 10) / 10;
}

async function main(): Promise<void> {
  const video = await makeVideo();
  const size = (await stat(video)).size;
  const sha256 = await sha256File(video);
  const stack = await startFullStack({ sandbox: { processingDelayMs: 50, moderationDelayMs: 50 } });
  const browser = await launchBrowser();
  try {
    // ── The SPA in Chromium ────────────────────────────────────────────────────────────────────
    const recorded = await openPage(browser);
    const { page } = recorded;
    await signIn(page, stack, 'ava');
    await openCompose(page);
    const form = page.getByRole('form', { name: 'New TikTok post' });
    await form.getByLabel(/^Choose (a|another) video$/).setInputFiles(video);
    await form.getByText(/^0:\d\d · 1080 × 1920 px · H\.264/).waitFor({ timeout: 60_000 });
    await form.getByLabel('Who can see this video').selectOption({ label: 'Everyone' });

    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const heap = async () => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value ?? 0;
    };
    await cdp.send('HeapProfiler.collectGarbage');
    const heapBefore = await heap();
    let heapPeak = heapBefore;
    const sampling = { on: true };
    const sampler = (async () => {
      while (sampling.on) {
        heapPeak = Math.max(heapPeak, await heap());
        await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
      }
    })();

    let lastChunkAt = 0;
    page.on('requestfinished', (request) => {
      if (
        request.method() === 'PUT' &&
        /\/api\/v1\/uploads\/[^/]+\/chunks\/\d+$/.test(new URL(request.url()).pathname)
      ) {
        lastChunkAt = performance.now();
      }
    });
    const initResponse = page.waitForResponse(
      (response) => response.request().method() === 'POST' && new URL(response.url()).pathname === '/api/v1/uploads',
    );
    const started = performance.now();
    await form.getByRole('button', { name: 'Post', exact: true }).click();
    const publishId = ((await (await initResponse).json()) as { publishId: string }).publishId;
    await page
      .getByRole('article', { name: path.basename(video) })
      .getByText(/^(Uploaded|Published)/)
      .first()
      .waitFor({ timeout: 600_000 });
    const spaMs = lastChunkAt - started;
    sampling.on = false;
    await sampler;
    const spaReport = stack.sandbox.upload(publishId);
    if (!spaReport?.complete || spaReport.sha256 !== sha256) throw new Error('the SPA upload did not arrive intact');
    // The tab's own token (sessionStorage; no DOM types in this Node project, hence the cast).
    const token = await page.evaluate(() => {
      const storage = (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } })
        .sessionStorage;
      return (JSON.parse(storage.getItem('csp.session') ?? '{}') as { accessToken: string }).accessToken;
    });
    await recorded.close();

    // ── curl, one shot, the same file through the same route ────────────────────────────────────
    const post = JSON.stringify(postSettings({ title: 'bench', privacyLevel: 'PUBLIC_TO_EVERYONE' }));
    const curlStarted = performance.now();
    const curlOut = await new Promise<string>((resolve, reject) => {
      const child = spawn('curl', [
        '-sS',
        '--fail-with-body',
        `${stack.webOrigin}/api/v1/videos`,
        // The token goes through a header file on stdin, never the command line.
        '-H',
        '@-',
        '-H',
        'x-content-studio: 1',
        '-F',
        'mode=direct',
        '-F',
        `videoSize=${size}`,
        '-F',
        `post=${post}`,
        '-F',
        `video=@${video};type=video/mp4`,
      ]);
      let out = '';
      child.stdout.on('data', (data: Buffer) => (out += data.toString()));
      child.stderr.on('data', (data: Buffer) => (out += data.toString()));
      child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`curl exited ${code}: ${out}`))));
      child.stdin.end(`Authorization: Bearer ${token}\n`);
    });
    const curlMs = performance.now() - curlStarted;
    const curlId = (JSON.parse(curlOut) as { publishId: string }).publishId;
    const curlReport = stack.sandbox.upload(curlId);
    if (!curlReport?.complete || curlReport.sha256 !== sha256) throw new Error('the curl upload did not arrive intact');

    const results = {
      date: new Date().toISOString(),
      environment: {
        node: process.version,
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model ?? '',
        loadavg: loadavg().map((l) => Math.round(l * 100) / 100),
        chromium: browser.version(),
      },
      video: { bytes: size, sha256 },
      spa: {
        ms: Math.round(spaMs),
        mbPerSec: mbps(size, spaMs),
        chunks: spaReport.totalChunkCount,
        chunkSize: spaReport.chunkSize,
        // Where the time goes: bytes flowing into the upload host vs the rest (between chunks).
        sandboxChunkMs: Math.round(spaReport.chunks.reduce((sum, chunk) => sum + chunk.ms, 0)),
      },
      curl: { ms: Math.round(curlMs), mbPerSec: mbps(size, curlMs) },
      ratio: Math.round((curlMs / spaMs) * 100) / 100,
      tabHeap: {
        beforeMB: Math.round((heapBefore / 1e6) * 10) / 10,
        peakMB: Math.round((heapPeak / 1e6) * 10) / 10,
        sampleMs: SAMPLE_MS,
      },
    };
    const md = [
      `# Browser upload benchmark (\`pnpm bench:browser\`)`,
      '',
      `${results.date} · Node ${results.environment.node} · Chromium ${results.environment.chromium} · ${results.environment.cpus} × ${results.environment.cpuModel} · load ${results.environment.loadavg.join(' / ')}`,
      '',
      `One ${(size / MiB).toFixed(0)} MiB H.264 MP4, sha256 checked at the sandbox for both.`,
      '',
      '| client | path | time | MB/s |',
      '|---|---|--:|--:|',
      `| SPA in Chromium | resumable: init, ${results.spa.chunks} chunks of ${chunkLabel(results.spa.chunkSize ?? 0)}, File slices | ${(spaMs / 1000).toFixed(1)} s | ${results.spa.mbPerSec} |`,
      `| curl | one-shot multipart \`POST /api/v1/videos\` | ${(curlMs / 1000).toFixed(1)} s | ${results.curl.mbPerSec} |`,
      '',
      `Of the SPA's ${(spaMs / 1000).toFixed(1)} s, the upload host was receiving chunk bytes for ${(results.spa.sandboxChunkMs / 1000).toFixed(1)} s; the rest is between chunks (each chunk's request, its answer, the next slice).`,
      '',
      `SPA / curl: **${results.ratio}×** (target ≥ 0.8×). Tab JS heap: ${results.tabHeap.beforeMB} MB before the upload, ${results.tabHeap.peakMB} MB at its peak (sampled every ${SAMPLE_MS} ms; target: flat).`,
      '',
    ].join('\n');
    await mkdir(RESULTS, { recursive: true });
    await writeFile(path.join(RESULTS, 'browser.json'), `${JSON.stringify(results, null, 2)}\n`);
    await writeFile(path.join(RESULTS, 'browser.md'), md);
    process.stdout.write(`${md}\n`);
  } finally {
    await browser.close();
    await stack.stop();
  }
}

await main();
