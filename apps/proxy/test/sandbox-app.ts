import {
  obtainAuthorizationCode,
  startSandbox,
  type RunningSandbox,
  type SandboxOptions,
} from '@content-studio/tiktok-sandbox';
import type { SessionGrant } from '@content-studio/contract';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import type { AppDeps } from '../src/app';
import { CANARIES, buildTestApp, testConfig } from './test-config';

export const REDIRECT_URI = 'http://127.0.0.1:5173/auth/callback';
export const CLIENT_HEADERS = { 'x-content-studio': '1' } as const;

/** The proxy's TikTok settings for a running sandbox: its key, secret and URLs. */
export function sandboxProxyEnv(sandbox: RunningSandbox, redirectUri = REDIRECT_URI): Record<string, string> {
  return {
    TIKTOK_CLIENT_KEY: sandbox.clientKey,
    TIKTOK_CLIENT_SECRET: sandbox.clientSecret,
    TIKTOK_REDIRECT_URI: redirectUri,
    TIKTOK_API_BASE_URL: sandbox.url,
    TIKTOK_AUTH_URL: sandbox.authorizeUrl,
    TIKTOK_UPLOAD_ORIGINS: sandbox.url,
  };
}

/**
 * The proxy wired to a real sandbox on port 0: the integration seam between the proxy and TikTok. The app uses
 * its own undici Agent, exactly as in production; only the URLs point at loopback.
 */
export async function startSandboxApp(
  options: SandboxOptions = {},
  proxyEnv: Record<string, string> = {},
  deps: AppDeps = {},
) {
  const sandbox: RunningSandbox = await startSandbox({
    clientSecret: CANARIES.clientSecret,
    redirectUris: [REDIRECT_URI],
    processingDelayMs: 50,
    moderationDelayMs: 50,
    ...options,
  });
  const config = testConfig({ ...sandboxProxyEnv(sandbox), ...proxyEnv });
  const { app, logLines } = await buildTestApp(config, deps);
  const responses: string[] = [];
  app.addHook('onSend', async (_request, _reply, payload) => {
    if (typeof payload === 'string') responses.push(payload);
    return payload;
  });

  async function signIn(account = 'ava', untick: string[] = []): Promise<SessionGrant> {
    const { code } = await obtainAuthorizationCode(sandbox, { account, redirectUri: REDIRECT_URI, untick });
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/token',
      headers: CLIENT_HEADERS,
      payload: { code },
    });
    if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
    return res.json();
  }

  let base: string | undefined;
  /** Real sockets: streaming, backpressure and aborts do not exist under `inject`. */
  async function listen(): Promise<string> {
    base ??= await app.listen({ host: '127.0.0.1', port: 0 });
    return base;
  }

  return {
    sandbox,
    app,
    listen,
    logLines,
    responses,
    signIn,
    async close() {
      await app.close();
      await sandbox.close();
    },
  };
}

export type SandboxApp = Awaited<ReturnType<typeof startSandboxApp>>;

/**
 * One listening proxy and sandbox for a whole test file, the sandbox reset before each test: an
 * audited app without a daily post cap unless `options` say otherwise. Read `ctx` and `base` inside
 * tests (they are set once the file's `beforeAll` ran).
 */
export function useListeningSandboxApp(options: SandboxOptions = { audited: true, postsPerDayCap: 1000 }) {
  const live = {} as { ctx: SandboxApp; base: string };
  beforeAll(async () => {
    live.ctx = await startSandboxApp(options);
    live.base = await live.ctx.listen();
  });
  afterAll(() => live.ctx.close());
  beforeEach(() => live.ctx.sandbox.reset());
  return live;
}
