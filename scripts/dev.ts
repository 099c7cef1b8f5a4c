/**
 * `pnpm dev`: the whole product on one machine, nothing to configure. Starts the embedded TikTok
 * sandbox in this process, then the proxy (watch mode) with the sandbox's key, secret and URLs, then
 * the Vite dev server, which forwards /api to the proxy.
 *
 * With real TikTok credentials in `.env` (TIKTOK_CLIENT_KEY …), the sandbox is skipped and the same
 * proxy talks to real TikTok.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { startSandbox } from '@content-studio/tiktok-sandbox';

const WEB_PORT = 5173;
const WEB_ORIGIN = `http://localhost:${WEB_PORT}`;
const PROXY_PORT = Number(process.env.PORT ?? 3000);

if (existsSync('.env')) process.loadEnvFile('.env');

async function proxyEnvironment(): Promise<Record<string, string>> {
  if (process.env.TIKTOK_CLIENT_KEY) {
    console.log('[dev] .env has TIKTOK_CLIENT_KEY: using real TikTok, no sandbox');
    return {};
  }
  const audited = process.env.SANDBOX_AUDITED !== 'false';
  const sandbox = await startSandbox({
    port: Number(process.env.SANDBOX_PORT ?? 4010),
    audited,
    redirectUris: [`${WEB_ORIGIN}/auth/callback`, `http://127.0.0.1:${WEB_PORT}/auth/callback`],
    logger: (line) => console.log(`[sandbox] ${line}`),
  });
  console.log(`[sandbox] TikTok sandbox at ${sandbox.url} (consent page ${sandbox.authorizeUrl})`);
  return {
    TIKTOK_CLIENT_KEY: sandbox.clientKey,
    TIKTOK_CLIENT_SECRET: sandbox.clientSecret,
    TIKTOK_REDIRECT_URI: `${WEB_ORIGIN}/auth/callback`,
    TIKTOK_AUTH_URL: sandbox.authorizeUrl,
    TIKTOK_API_BASE_URL: sandbox.url,
    TIKTOK_UPLOAD_ORIGINS: sandbox.url,
    TIKTOK_APP_AUDITED: String(audited),
    // A fresh key per run: dev sessions end when the launcher stops, as they would on a key rotation.
    SESSION_SEAL_KEY: process.env.SESSION_SEAL_KEY ?? randomBytes(32).toString('base64'),
    ALLOWED_ORIGINS: `${WEB_ORIGIN},http://127.0.0.1:${WEB_PORT}`,
  };
}

const children: ChildProcess[] = [];

function run(name: string, args: string[], env: Record<string, string>) {
  // Its own process group: pnpm does not pass SIGTERM on to the watcher and dev server it starts,
  // so stopping kills the whole group, or they would outlive the launcher and hold the ports.
  const child = spawn('pnpm', args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  const prefix = (data: Buffer) =>
    data
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => `[${name}] ${line}\n`)
      .join('');
  child.stdout?.on('data', (d: Buffer) => process.stdout.write(prefix(d)));
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(prefix(d)));
  child.on('exit', (code) => {
    console.log(`[dev] ${name} exited (${code ?? 'signal'}); stopping everything`);
    stop(code ?? 1);
  });
  children.push(child);
}

let stopping = false;
function stop(code: number) {
  if (stopping) return;
  stopping = true;
  for (const child of children) {
    if (child.pid === undefined || child.exitCode !== null) continue;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      // The group is already gone.
    }
  }
  setTimeout(() => process.exit(code), 500).unref();
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

const env = await proxyEnvironment();
run('proxy', ['--filter', '@content-studio/proxy', 'dev'], { ...env, PORT: String(PROXY_PORT) });
run('web', ['--filter', '@content-studio/web', 'dev', '--port', String(WEB_PORT), '--strictPort'], {
  PROXY_URL: `http://127.0.0.1:${PROXY_PORT}`,
});
console.log(`[dev] open ${WEB_ORIGIN}`);
