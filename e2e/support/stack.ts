import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '@content-studio/tiktok-sandbox';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** The built SPA; e2e uses the production build, never the dev server. */
export const WEB_DIST = fileURLToPath(new URL('../../apps/web/dist/', import.meta.url));
/** The built proxy, started the way production starts it: `node dist/server.js`, env only. */
export const PROXY_SERVER = fileURLToPath(new URL('../../apps/proxy/dist/server.js', import.meta.url));

export type StackOptions = {
  /** Extra response headers for the SPA's files (the production security headers, for example). */
  webHeaders?: Record<string, string>;
  /** Where `/api/*` and `/healthz` go; unset, they answer 502 like a proxy with no upstream. */
  apiUpstream?: string;
};

export type Stack = {
  /** Origin of the built SPA, http://127.0.0.1:PORT. */
  webOrigin: string;
  web: StaticServer;
  stop(): Promise<void>;
};

/**
 * Starts the built SPA alone (the shell tests need nothing else). For the SPA plus the TikTok
 * sandbox and the built proxy, see {@link startFullStack}.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!existsSync(`${WEB_DIST}index.html`)) {
    throw new Error(
      `No built SPA at ${WEB_DIST}. Run \`pnpm --filter @content-studio/web build\` (or \`pnpm test:e2e\`, which builds everything) first.`,
    );
  }
  const web = await startStaticServer({
    root: WEB_DIST,
    ...(options.webHeaders ? { headers: options.webHeaders } : {}),
    ...(options.apiUpstream ? { apiUpstream: options.apiUpstream } : {}),
  });
  return {
    webOrigin: web.origin,
    web,
    stop: () => web.close(),
  };
}

export type FullStackOptions = {
  webHeaders?: Record<string, string>;
  /** Sandbox options on top of the stack's own (port 0, this SPA's redirect URI, audited). */
  sandbox?: Omit<SandboxOptions, 'port' | 'redirectUris'>;
  /** Extra proxy environment, e.g. `{ LOG_LEVEL: 'debug' }`. */
  proxyEnv?: Record<string, string>;
};

export type ProxyProcess = {
  /** http://127.0.0.1:PORT of the proxy itself (the SPA reaches it through the static server). */
  origin: string;
  /** Everything the proxy wrote to stdout and stderr so far: pino lines, for leak scans. */
  output(): string;
  stop(): Promise<void>;
};

export type FullStack = Stack & {
  sandbox: RunningSandbox;
  proxy: ProxyProcess;
  /** The OAuth redirect URI registered at the sandbox and configured in the proxy. */
  redirectUri: string;
};

/**
 * The whole product over loopback: the built SPA, the TikTok sandbox in this process and the built
 * proxy as a child process, wired the way `pnpm dev` wires them. The order is forced by the
 * configuration: the SPA's origin must exist before the sandbox (which registers the redirect URI)
 * and the proxy (redirect URI, allowed origin); the proxy's port is known only once it listens, and
 * is then handed to the static server.
 */
export async function startFullStack(options: FullStackOptions = {}): Promise<FullStack> {
  if (!existsSync(PROXY_SERVER)) {
    throw new Error(
      `No built proxy at ${PROXY_SERVER}. Run \`pnpm --filter @content-studio/proxy build\` (or \`pnpm test:e2e\`) first.`,
    );
  }
  const stack = await startStack(options.webHeaders ? { webHeaders: options.webHeaders } : {});
  const redirectUri = `${stack.webOrigin}/auth/callback`;
  let sandbox: RunningSandbox | undefined;
  let proxy: ProxyProcess | undefined;
  try {
    sandbox = await startSandbox({ audited: true, ...options.sandbox, port: 0, redirectUris: [redirectUri] });
    proxy = await startProxy({
      TIKTOK_CLIENT_KEY: sandbox.clientKey,
      TIKTOK_CLIENT_SECRET: sandbox.clientSecret,
      TIKTOK_REDIRECT_URI: redirectUri,
      TIKTOK_AUTH_URL: sandbox.authorizeUrl,
      TIKTOK_API_BASE_URL: sandbox.url,
      TIKTOK_UPLOAD_ORIGINS: sandbox.url,
      TIKTOK_APP_AUDITED: String(options.sandbox?.audited ?? true),
      SESSION_SEAL_KEY: randomBytes(32).toString('base64'),
      ALLOWED_ORIGINS: stack.webOrigin,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      SHUTDOWN_GRACE_MS: '2000',
      ...options.proxyEnv,
    });
  } catch (error) {
    await proxy?.stop();
    await sandbox?.close();
    await stack.stop();
    throw error;
  }
  stack.web.setApiUpstream(proxy.origin);
  const running = { sandbox, proxy };
  return {
    ...stack,
    ...running,
    redirectUri,
    async stop() {
      await running.proxy.stop();
      await running.sandbox.close();
      await stack.stop();
    },
  };
}

const LISTENING = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/;

async function startProxy(env: Record<string, string>): Promise<ProxyProcess> {
  // Only what the proxy needs: nothing from this machine's environment leaks into its config.
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, [PROXY_SERVER], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = once(child, 'exit');

  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The proxy did not start within 10 s:\n${output}`));
    }, 10_000);
    const check = () => {
      const match = LISTENING.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        child.stdout.off('data', check);
        resolve(match[1]);
      }
    };
    child.stdout.on('data', check);
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`The proxy exited (${String(code)}) before listening:\n${output}`));
    });
  });

  return {
    origin,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
