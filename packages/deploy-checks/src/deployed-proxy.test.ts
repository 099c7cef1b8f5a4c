import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { copyFile, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { proxyStartScript, repoRoot } from './repo';

const run = promisify(execFile);
let dir: string | undefined;
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * What the Dockerfile's runtime stage gets — `pnpm deploy --prod` of the proxy — must boot under
 * plain `node` with only production dependencies and serve /healthz (no Docker engine here).
 */
describe('the pnpm deploy output of the proxy', () => {
  it('holds only the bundle and production dependencies, and boots under plain node', async () => {
    await run('pnpm', ['--filter', '@content-studio/proxy', 'build'], { cwd: repoRoot });
    dir = await mkdtemp(join(tmpdir(), 'csp-deploy-'));
    const out = join(dir, 'app');
    // pnpm 12.4's `deploy` overwrites the workspace's install-state file with its own (prod-only)
    // settings, so the next `pnpm run` "repairs" node_modules by pruning every devDependency.
    // Keep the workspace's state as it was.
    const state = join(repoRoot, 'node_modules/.pnpm-workspace-state-v1.json');
    const saved = join(dir, 'workspace-state.json');
    await copyFile(state, saved);
    try {
      await run('pnpm', ['--filter', '@content-studio/proxy', 'deploy', '--prod', '--legacy', out], { cwd: repoRoot });
    } finally {
      await copyFile(saved, state);
    }
    expect((await readdir(out)).sort()).toEqual(['dist', 'node_modules', 'package.json']);
    expect(await readdir(join(out, 'node_modules'))).not.toContain('vitest');

    // Started as the image starts it: the proxy's start script, node flags included.
    const [, ...args] = proxyStartScript().split(/\s+/);
    const child = spawn(process.execPath, args, {
      cwd: out,
      env: {
        PATH: process.env.PATH,
        TIKTOK_CLIENT_KEY: 'sbawdeploycheck',
        TIKTOK_CLIENT_SECRET: randomBytes(24).toString('hex'),
        TIKTOK_REDIRECT_URI: 'https://contentstudiopro.com/auth/callback',
        SESSION_SEAL_KEY: randomBytes(32).toString('base64'),
        ALLOWED_ORIGINS: 'https://contentstudiopro.com',
        HOST: '127.0.0.1',
        PORT: '0',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let stdout = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      const deadline = Date.now() + 10_000;
      let base: string | undefined;
      while (!base && Date.now() < deadline) {
        base = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
        await new Promise((r) => setTimeout(r, 50));
      }
      expect({ base, stdout }).toMatchObject({ base: expect.stringMatching(/^http:/) });
      const res = await fetch(`${base}/healthz`);
      expect(res.status).toBe(200);
      child.kill('SIGTERM');
      const [code] = await once(child, 'exit');
      expect(code).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  });
});
