import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SessionGrant } from '@content-studio/contract';
import { obtainAuthorizationCode, startSandbox } from '@content-studio/tiktok-sandbox';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createUpload, oneShotFields, putChunk, uploadOneShot } from './upload-client';
import { videoSource } from './video-source';
import { CANARIES, testEnv } from './test-config';
import { sandboxProxyEnv } from './sandbox-app';

/**
 * The built proxy, started as production starts it (its `start` script: plain node with the V8 flags
 * of docs/decisions/007, env only), so the refusal to start and graceful shutdown are proven on the
 * real process, not on buildApp.
 */
const proxyDir = fileURLToPath(new URL('..', import.meta.url));
const [, ...startArgs] = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }
).scripts.start
  .trim()
  .split(/\s+/);

beforeAll(async () => {
  await promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: proxyDir });
}, 60_000);

/** Promise.withResolvers arrives in Node 22; this is its shape for Node 20. */
function withResolvers() {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

function startProxy(env: Record<string, string | undefined>) {
  const child = spawn(process.execPath, startArgs, {
    cwd: proxyDir,
    env: { PATH: process.env.PATH, ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return { child, output: () => ({ stdout, stderr }) };
}

async function exitOf(child: ChildProcess, withinMs: number) {
  const timer = setTimeout(() => child.kill('SIGKILL'), withinMs);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearTimeout(timer);
  return code;
}

async function waitForListening(output: () => { stdout: string }, withinMs = 10_000) {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const match = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(output().stdout);
    if (match?.[1]) return match[1];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`proxy did not start: ${output().stdout}`);
}

/** The built proxy against a fresh sandbox, listening, with a creator signed in through it. */
async function signedInProxy() {
  const redirectUri = 'http://127.0.0.1:5173/auth/callback';
  const sandbox = await startSandbox({ redirectUris: [redirectUri], audited: true });
  const { child, output } = startProxy({
    ...testEnv(),
    ...sandboxProxyEnv(sandbox, redirectUri),
    PORT: '0',
  });
  try {
    const base = await waitForListening(output);
    const { code } = await obtainAuthorizationCode(sandbox, { redirectUri });
    const res = await fetch(`${base}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-content-studio': '1' },
      body: JSON.stringify({ code }),
    });
    return { sandbox, child, base, grant: (await res.json()) as SessionGrant };
  } catch (error) {
    child.kill('SIGKILL');
    await sandbox.close();
    throw error;
  }
}

describe('the built proxy process', () => {
  it('refuses to start with an empty environment, naming every required variable', async () => {
    const started = Date.now();
    const { child, output } = startProxy({});
    expect(await exitOf(child, 5_000)).not.toBe(0);
    expect(Date.now() - started).toBeLessThan(5_000);
    const { stderr } = output();
    for (const variable of [
      'TIKTOK_CLIENT_KEY',
      'TIKTOK_CLIENT_SECRET',
      'TIKTOK_REDIRECT_URI',
      'SESSION_SEAL_KEY',
      'ALLOWED_ORIGINS',
    ]) {
      expect(stderr).toContain(variable);
    }
  });

  it('refuses a malformed secret without printing it', async () => {
    const badSecret = 'canary short';
    const { child, output } = startProxy({
      ...testEnv(),
      TIKTOK_CLIENT_SECRET: badSecret,
      SESSION_SEAL_KEY: 'dG9vc2hvcnQ=',
    });
    expect(await exitOf(child, 5_000)).not.toBe(0);
    const all = output().stdout + output().stderr;
    expect(all).toContain('TIKTOK_CLIENT_SECRET');
    expect(all).toContain('SESSION_SEAL_KEY');
    expect(all).not.toContain(badSecret);
    expect(all).not.toContain('dG9vc2hvcnQ=');
  });

  it('serves /healthz with a complete environment, logs no secret, and exits 0 on SIGTERM', async () => {
    const { child, output } = startProxy({ ...testEnv(), PORT: '0' });
    try {
      const base = await waitForListening(output);
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: 'ok' });
      child.kill('SIGTERM');
      expect(await exitOf(child, 10_000)).toBe(0);
      const all = output().stdout + output().stderr;
      expect(all).not.toContain(CANARIES.clientSecret);
      expect(all).not.toContain(CANARIES.sealKey);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

// docs/requirements/security-reliability.md#graceful-shutdown
describe('graceful shutdown', () => {
  it('on SIGTERM stops accepting, lets the in-flight chunk finish, then exits 0', async () => {
    const { sandbox, child, base, grant } = await signedInProxy();
    try {
      const source = videoSource(8 * 1024 * 1024);
      const created = await createUpload(base, grant.accessToken, { mode: 'draft', videoSize: source.size });

      const { promise: sigtermSent, resolve: signalled } = withResolvers();
      async function* slowChunk() {
        yield* source.range(0, source.size / 2 - 1);
        child.kill('SIGTERM');
        signalled();
        await sleep(1_000);
        yield* source.range(source.size / 2, source.size - 1);
      }
      const chunk = putChunk(base, grant.accessToken, created.body, 0, Readable.from(slowChunk()), source.size);

      await sigtermSent;
      await sleep(200);
      // New work is refused while the chunk is still running.
      const refused = await fetch(`${base}/healthz`).then(
        (res) => res.status,
        () => 'connection refused',
      );
      expect([503, 'connection refused']).toContain(refused);

      const done = await chunk;
      expect(done.status).toBe(200);
      expect(done.body.complete).toBe(true);
      expect(await exitOf(child, 10_000)).toBe(0);
      expect(sandbox.upload(created.body.publishId)?.sha256).toBe(await source.sha256());
    } finally {
      child.kill('SIGKILL');
      await sandbox.close();
    }
  });
});

// docs/requirements/product-promises.md#no-video-on-disk
describe('no video byte touches the disk', () => {
  it('streams a 24 MiB upload through the built proxy with zero bytes written to storage', async () => {
    const { sandbox, child, base, grant } = await signedInProxy();
    try {
      const writesBefore = await storageWrites(child.pid);
      const source = videoSource(24 * 1024 * 1024);
      const res = await uploadOneShot(base, grant.accessToken, oneShotFields('draft', source.size), source.all());
      expect(res.status).toBe(201);
      expect(sandbox.upload(res.body.publishId ?? '')?.sha256).toBe(await source.sha256());
      expect((await storageWrites(child.pid)) - writesBefore).toBe(0);
    } finally {
      child.kill('SIGKILL');
      await sandbox.close();
    }
  });
});

/** Bytes the process caused to be written to storage (Linux /proc/<pid>/io). */
async function storageWrites(pid: number | undefined): Promise<number> {
  const io = await readFile(`/proc/${pid}/io`, 'utf8');
  return Number(/^write_bytes:\s*(\d+)/m.exec(io)?.[1]);
}
