/**
 * `pnpm tiktok:smoke`: proves a deployment against TikTok's real API, the way a creator would use it,
 * through the proxy (README, "Operating the proxy").
 *
 * - Reads creator info, then uploads two generated SELF_ONLY-safe videos as inbox drafts (or, with
 *   SMOKE_MODE=direct, as SELF_ONLY Direct Posts) of ~65,000,000 and ~80,000,000 bytes: just over the
 *   one-chunk limit and inside the range where public reports saw TikTok refuse multi-chunk inits.
 * - Prints the upload host TikTok chose, the chunk plan the proxy used, every status until the end,
 *   and TikTok's log_ids. It never prints a token: every line is checked before it is written.
 *
 * Real TikTok: TIKTOK_CLIENT_KEY, TIKTOK_CLIENT_SECRET and TIKTOK_ACCESS_TOKEN (a creator's, with
 * video.upload; video.publish too for creator info and SMOKE_MODE=direct) in the environment. With
 * SMOKE_PROXY_URL set, the running proxy there is used (the deployed one, say); otherwise the built
 * proxy is started here, configured for TikTok. `--sandbox`: the same against the embedded sandbox,
 * which CI runs so this check cannot rot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ChunkResponseSchema,
  CreateUploadResponseSchema,
  CreatorInfoSchema,
  ErrorBodySchema,
  PublishStatusSchema,
  SessionGrantSchema,
  apiRoutes,
} from '@content-studio/contract';
import { obtainAuthorizationCode, startSandbox, type RunningSandbox } from '@content-studio/tiktok-sandbox';
import { postSettings } from '@content-studio/contract/testing';
import type { z } from 'zod';

const CLIP = readFileSync(new URL('./fixtures/smoke-clip.mp4', import.meta.url));
const PROXY_ENTRY = fileURLToPath(new URL('../apps/proxy/dist/server.js', import.meta.url));
const REDIRECT_URI = 'http://127.0.0.1:5173/auth/callback';
const SIZES = (process.env.SMOKE_SIZES ?? '65000000,80000000').split(',').map(Number);
const MODE = process.env.SMOKE_MODE === 'direct' ? 'direct' : 'draft';
const sandboxRun = process.argv.includes('--sandbox');

const secrets: string[] = [];
let leaked = false;
/** Every line goes through here: a line holding a secret is replaced, and the run fails. */
function say(line: string): void {
  if (secrets.some((secret) => secret.length >= 8 && line.includes(secret))) {
    leaked = true;
    console.log('[smoke] (a line holding a secret was withheld)');
    return;
  }
  console.log(line);
}

/**
 * A real, playable 2 s H.264 clip (360×640, 30 fps: inside every rule of TikTok's Media
 * Restrictions) followed by a `free` box of zeros up to `size` bytes. ISO BMFF readers skip `free`
 * boxes, so TikTok processes the clip while the upload exercises a multi-chunk plan. Generated on the
 * fly, range by range: nothing is held whole.
 */
function paddedClipRange(size: number, start: number, end: number): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(size - CLIP.length, 0);
  header.write('free', 4, 'latin1');
  const prefix = Buffer.concat([CLIP, header]);
  const out = Buffer.alloc(end - start + 1);
  if (start < prefix.length) prefix.copy(out, 0, start, Math.min(prefix.length, end + 1));
  return out;
}

interface Proxy {
  origin: string;
  stop(): Promise<void>;
}

async function startProxy(env: Record<string, string>): Promise<Proxy> {
  const child: ChildProcess = spawn(process.execPath, [PROXY_ENTRY], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr?.setEncoding('utf8').on('data', (text: string) => (output += text));
  const exited = once(child, 'exit');
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      clearInterval(check);
      child.kill('SIGKILL');
      reject(new Error('the proxy did not start within 15 s'));
    }, 15_000);
    const check = setInterval(() => {
      const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        clearInterval(check);
        resolve(match[1]);
      }
    }, 50);
    void exited.then(() => {
      clearTimeout(timer);
      clearInterval(check);
      reject(new Error(`the proxy exited before listening (is apps/proxy built?)\n${output.slice(0, 2000)}`));
    });
  });
  return {
    origin,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await exited;
    },
  };
}

type Answer<T> = { ok: true; value: T } | { ok: false; problem: string };

/** One call to the proxy, its answer checked against the contract (or its error body described). */
async function call<T>(
  proxy: string,
  token: string,
  path: string,
  schema: z.ZodType<T>,
  init: RequestInit = {},
): Promise<Answer<T>> {
  const res = await fetch(`${proxy}${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'x-content-studio': '1', ...(init.headers as Record<string, string>) },
  });
  const text = await res.text();
  const json: unknown = text ? JSON.parse(text) : undefined;
  if (res.ok) {
    const parsed = schema.safeParse(json);
    return parsed.success
      ? { ok: true, value: parsed.data }
      : { ok: false, problem: `HTTP ${res.status}, not the contract's answer` };
  }
  const error = ErrorBodySchema.safeParse(json);
  if (!error.success) return { ok: false, problem: `HTTP ${res.status} without the contract's error body` };
  const { code, message, tiktokLogId } = error.data.error;
  return {
    ok: false,
    problem: `HTTP ${res.status} ${code}: ${message}${tiktokLogId ? ` (TikTok log_id ${tiktokLogId})` : ''}`,
  };
}

const DONE: Record<typeof MODE, readonly string[]> = {
  draft: ['SEND_TO_USER_INBOX', 'PUBLISH_COMPLETE'],
  direct: ['PUBLISH_COMPLETE'],
};

/** One upload through the proxy's resumable API; true when TikTok ended where it should. */
async function smokeUpload(
  proxy: string,
  token: string,
  videoSize: number,
  pollMs: number,
  received?: (publishId: string) => string | null | undefined,
): Promise<boolean> {
  say(`\n[smoke] ${MODE} of ${videoSize.toLocaleString('en')} bytes`);
  // Nothing allowed, nothing disclosed, "Only me": the settings every account may post with.
  const post = postSettings({ title: 'Content Studio Pro smoke check', privacyLevel: 'SELF_ONLY' });
  const created = await call(proxy, token, apiRoutes.uploads, CreateUploadResponseSchema, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ mode: MODE, videoSize, mimeType: 'video/mp4', ...(MODE === 'direct' ? { post } : {}) }),
  });
  if (!created.ok) {
    say(`[smoke]   init refused: ${created.problem}`);
    return false;
  }
  const upload = created.value;
  say(`[smoke]   publish_id ${upload.publishId} · init log_id ${upload.tiktokLogId ?? '(none given)'}`);
  say(`[smoke]   upload host ${upload.uploadHost}`);
  say(
    `[smoke]   chunk plan ${upload.chunkCount} × ${upload.chunkSize.toLocaleString('en')} bytes (the last takes the remainder)`,
  );
  const sent = createHash('sha256');
  for (let index = 0; index < upload.chunkCount; index++) {
    const start = index * upload.chunkSize;
    const end = index === upload.chunkCount - 1 ? videoSize - 1 : start + upload.chunkSize - 1;
    const body = paddedClipRange(videoSize, start, end);
    sent.update(body);
    const result = await call(proxy, token, apiRoutes.uploadChunk(upload.publishId, index), ChunkResponseSchema, {
      method: 'PUT',
      headers: { 'content-type': 'application/octet-stream', 'x-upload-session': upload.uploadSession },
      body,
    });
    if (!result.ok) {
      say(`[smoke]   chunk ${index} refused: ${result.problem}`);
      return false;
    }
    say(
      `[smoke]   chunk ${index}: bytes ${start}-${end} → TikTok holds ${result.value.uploadedBytes.toLocaleString('en')}`,
    );
  }
  if (received) {
    const exact = received(upload.publishId) === sent.digest('hex');
    say(
      `[smoke]   bytes at the sandbox: ${exact ? 'sha256 matches what was sent' : 'sha256 DIFFERS from what was sent'}`,
    );
    if (!exact) return false;
  }
  let last = '';
  const deadline = Date.now() + 10 * 60_000;
  while (Date.now() < deadline) {
    const status = await call(proxy, token, apiRoutes.postStatus(upload.publishId), PublishStatusSchema);
    if (!status.ok) {
      say(`[smoke]   status: ${status.problem}`);
    } else {
      const s = status.value;
      const line = `${s.status}${s.tiktokStatus ? ` (${s.tiktokStatus})` : ''}${s.failReason ? ` · ${s.failReason}` : ''}`;
      if (line !== last) say(`[smoke]   status ${line} · log_id ${s.tiktokLogId ?? '(none given)'}`);
      last = line;
      if (s.status === 'FAILED') return false;
      if (DONE[MODE].includes(s.status)) return true;
    }
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
  say('[smoke]   TikTok had not finished after 10 minutes');
  return false;
}

async function main(): Promise<number> {
  let sandbox: RunningSandbox | undefined;
  let proxy: Proxy | undefined;
  try {
    let origin = process.env.SMOKE_PROXY_URL?.replace(/\/+$/, '');
    let token = process.env.TIKTOK_ACCESS_TOKEN ?? '';
    if (sandboxRun) {
      sandbox = await startSandbox({ redirectUris: [REDIRECT_URI], processingDelayMs: 200 });
      secrets.push(sandbox.clientSecret);
      proxy = await startProxy({
        TIKTOK_CLIENT_KEY: sandbox.clientKey,
        TIKTOK_CLIENT_SECRET: sandbox.clientSecret,
        TIKTOK_REDIRECT_URI: REDIRECT_URI,
        TIKTOK_AUTH_URL: sandbox.authorizeUrl,
        TIKTOK_API_BASE_URL: sandbox.url,
        TIKTOK_UPLOAD_ORIGINS: sandbox.url,
        SESSION_SEAL_KEY: randomBytes(32).toString('base64'),
        ALLOWED_ORIGINS: 'http://127.0.0.1:5173',
      });
      origin = proxy.origin;
      // A private account: what an unaudited app may post for.
      const { code } = await obtainAuthorizationCode(sandbox, { account: 'pia', redirectUri: REDIRECT_URI });
      const grant = await call(origin, '', apiRoutes.authToken, SessionGrantSchema, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code }),
      });
      if (!grant.ok) throw new Error(`sandbox sign-in failed: ${grant.problem}`);
      token = grant.value.accessToken;
      say(`[smoke] against the embedded TikTok sandbox at ${sandbox.url}`);
    } else {
      const missing = ['TIKTOK_ACCESS_TOKEN', ...(origin ? [] : ['TIKTOK_CLIENT_KEY', 'TIKTOK_CLIENT_SECRET'])].filter(
        (name) => !process.env[name],
      );
      if (missing.length > 0) {
        say(`[smoke] missing ${missing.join(', ')} (or run with --sandbox); see README "Operating the proxy"`);
        return 2;
      }
      secrets.push(process.env.TIKTOK_CLIENT_SECRET ?? '');
      if (!origin) {
        proxy = await startProxy({
          TIKTOK_CLIENT_KEY: process.env.TIKTOK_CLIENT_KEY ?? '',
          TIKTOK_CLIENT_SECRET: process.env.TIKTOK_CLIENT_SECRET ?? '',
          // Not used: the creator's token comes from the environment, not from a sign-in here.
          TIKTOK_REDIRECT_URI: 'https://smoke-check.invalid/auth/callback',
          SESSION_SEAL_KEY: randomBytes(32).toString('base64'),
          ALLOWED_ORIGINS: 'https://smoke-check.invalid',
        });
        origin = proxy.origin;
      }
      say(`[smoke] against TikTok through the proxy at ${origin}`);
    }
    secrets.push(token);
    if (!origin) throw new Error('no proxy to talk to');

    const info = await call(origin, token, apiRoutes.creatorInfo, CreatorInfoSchema);
    if (info.ok) {
      const c = info.value;
      say(
        `[smoke] creator ${c.nickname} (@${c.username}) · audiences ${c.privacyLevelOptions.join(', ')} · up to ${c.maxVideoPostDurationSec} s`,
      );
    } else {
      say(`[smoke] creator info: ${info.problem}`);
      if (MODE === 'direct') return 1;
    }

    let ok = true;
    const received = sandbox ? (publishId: string) => sandbox?.upload(publishId)?.sha256 : undefined;
    for (const size of SIZES) ok = (await smokeUpload(origin, token, size, sandboxRun ? 250 : 5_000, received)) && ok;
    if (leaked) say('[smoke] FAILED: a line would have printed a secret');
    say(ok && !leaked ? '\n[smoke] passed' : '\n[smoke] FAILED');
    return ok && !leaked ? 0 : 1;
  } finally {
    await proxy?.stop();
    await sandbox?.close();
  }
}

process.exitCode = await main();
