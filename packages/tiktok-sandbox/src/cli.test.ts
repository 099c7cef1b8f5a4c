import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
});

function runCli(env: Record<string, string>) {
  const child = spawn(tsx, ['src/cli.ts'], {
    cwd: packageDir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const output = (): { out: string; err: string } => ({ out, err });
  return { child, exited, output };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('cli', () => {
  it('prints its URLs and credentials, serves, and exits 0 on SIGTERM', async () => {
    const run = runCli({
      SANDBOX_PORT: '0',
      SANDBOX_AUDITED: 'true',
      SANDBOX_REDIRECT_URIS: 'https://a.example/cb, https://b.example/cb',
    });
    await until(() => run.output().out.includes('Press Ctrl+C'));
    const { out } = run.output();
    const url = /API base\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1] ?? '';
    expect(url).not.toBe('');
    expect(out).toContain(`authorize page   ${url}/v2/auth/authorize/`);
    expect(out).toContain(`upload origin    ${url}`);
    expect(out).toContain('sbawcontentstudiodev');
    expect(out).toContain('sandbox-secret-0123456789abcdef0123456789abcdef');
    expect(out).toContain('audited');
    const info = (await (await fetch(`${url}/__sandbox/`)).json()) as {
      redirectUris: string[];
      options: { audited: boolean };
    };
    expect(info.redirectUris).toEqual(['https://a.example/cb', 'https://b.example/cb']);
    expect(info.options.audited).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  it('refuses a malformed environment, naming the variable', async () => {
    const run = runCli({ SANDBOX_PORT: '0', SANDBOX_AUDITED: 'perhaps' });
    expect(await run.exited).toBe(1);
    expect(run.output().err).toContain('SANDBOX_AUDITED');
  });
});
