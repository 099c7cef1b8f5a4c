import { request } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  REDIRECT_URI,
  api,
  consent,
  directBody,
  initDirect,
  postForm,
  putChunk,
  signIn,
  tokenRequest,
  waitFor,
} from '../test/harness';
import { DEFAULT_ACCOUNTS, startSandbox } from './index';

describe('startSandbox', () => {
  it('listens on an ephemeral port by default and serves everything from one origin', async () => {
    const sb = await startSandbox();
    try {
      expect(sb.port).toBeGreaterThan(0);
      expect(sb.url).toBe(`http://127.0.0.1:${sb.port}`);
      expect(sb.authorizeUrl).toBe(`${sb.url}/v2/auth/authorize/`);
      expect(sb.clientKey).toBe('sbawcontentstudiodev');
      expect(sb.clientKey.startsWith('sb')).toBe(true);
      expect(sb.clientSecret).toBe('sandbox-secret-0123456789abcdef0123456789abcdef');
      const t = await signIn(sb, { account: 'pia' });
      const { uploadUrl } = await initDirect(sb, t.access_token, directBody());
      expect(new URL(uploadUrl).origin).toBe(sb.url);
    } finally {
      await sb.close();
    }
  });

  it('writes publicUrl into upload URLs and avatars, and shows 0.0.0.0 as 127.0.0.1', async () => {
    const sb = await startSandbox({ host: '0.0.0.0', publicUrl: 'http://sandbox.test:4010/' });
    try {
      expect(sb.url).toBe('http://sandbox.test:4010');
      const local = `http://127.0.0.1:${sb.port}`;
      const page = await fetch(`${local}/__sandbox/`);
      expect(((await page.json()) as { url: string }).url).toBe('http://sandbox.test:4010');
    } finally {
      await sb.close();
    }
    const any = await startSandbox({ host: '0.0.0.0' });
    try {
      expect(any.url).toBe(`http://127.0.0.1:${any.port}`);
    } finally {
      await any.close();
    }
  });

  it('takes custom client credentials, redirect URIs and accounts', async () => {
    const sb = await startSandbox({
      clientKey: 'sbcustom',
      clientSecret: 'custom-secret',
      redirectUris: ['https://app.example/cb'],
      accounts: [DEFAULT_ACCOUNTS[1]!],
    });
    try {
      const page = await fetch(
        `${sb.authorizeUrl}?client_key=sbcustom&response_type=code&scope=video.publish&redirect_uri=${encodeURIComponent('https://app.example/cb')}&state=s`,
      );
      const html = await page.text();
      expect(page.status).toBe(200);
      expect(html).toContain('Pia Private');
      expect(html).not.toContain('Ava Public');
      const def = await fetch(
        `${sb.authorizeUrl}?client_key=sbcustom&response_type=code&scope=video.publish&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=s`,
      );
      expect(def.status).toBe(400);
    } finally {
      await sb.close();
    }
  });

  it('rejects duplicate account ids and invalid options', async () => {
    await expect(startSandbox({ accounts: [DEFAULT_ACCOUNTS[0]!, DEFAULT_ACCOUNTS[0]!] })).rejects.toThrow(/duplicate/);
    await expect(startSandbox({ processingDelayMs: -5 })).rejects.toThrow(/invalid options/);
  });

  it('close() ends hanging requests, destroys sockets and is idempotent', async () => {
    const sb = await startSandbox();
    const t = await signIn(sb, { account: 'pia' });
    sb.injectFault({ target: 'status', kind: 'stall' });
    const hanging = new Promise<string>((resolve) => {
      const req = request(`${sb.url}/v2/post/publish/status/fetch/`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.access_token}`, 'content-type': 'application/json' },
      });
      req.on('response', () => resolve('answered'));
      req.on('error', (e) => resolve(`error: ${e.message}`));
      req.end('{"publish_id":"x"}');
    });
    await waitFor(() => (sb.stats().faultsApplied === 1 ? true : undefined));
    const started = Date.now();
    await Promise.all([sb.close(), sb.close()]);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await hanging).toMatch(/^error/);
    await expect(fetch(`${sb.url}/__sandbox/`)).rejects.toThrow();
  });

  it('never logs tokens, codes, states, secrets or upload tokens', async () => {
    const lines: string[] = [];
    const sb = await startSandbox({ logger: (l) => lines.push(l), processingDelayMs: 0 });
    try {
      const secrets: string[] = [sb.clientSecret];
      const cb = await consent(sb, { account: 'pia', extra: { state: 'state-canary-7f3a' } });
      secrets.push(cb.get('code') ?? '', 'state-canary-7f3a');
      const tokens = (await (
        await tokenRequest(sb, {
          grant_type: 'authorization_code',
          code: cb.get('code') ?? '',
          redirect_uri: REDIRECT_URI,
        })
      ).json()) as Record<string, string>;
      secrets.push(tokens.access_token ?? '', tokens.refresh_token ?? '');
      const refreshed = (await (
        await tokenRequest(sb, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token ?? '' })
      ).json()) as Record<string, string>;
      secrets.push(refreshed.access_token ?? '', refreshed.refresh_token ?? '');
      const at = refreshed.access_token ?? '';
      const { uploadUrl, publishId } = await initDirect(sb, at, directBody());
      const uploadToken = new URL(uploadUrl).searchParams.get('upload_token') ?? '';
      secrets.push(uploadToken);
      await putChunk(uploadUrl, 1000, 0, 1000);
      await putChunk(uploadUrl.replace(uploadToken, 'f'.repeat(48)), 1000, 0, 1000);
      await api(sb, at, '/v2/post/publish/status/fetch/', { publish_id: publishId });
      await tokenRequest(sb, {
        grant_type: 'authorization_code',
        code: 'bogus-code-canary',
        redirect_uri: REDIRECT_URI,
      });
      secrets.push('bogus-code-canary');
      await postForm(
        `${sb.url}/v2/oauth/revoke/`,
        new URLSearchParams({ client_key: sb.clientKey, client_secret: sb.clientSecret, token: at }),
      );
      expect(lines.length).toBeGreaterThan(8);
      expect(lines.some((l) => l.includes('PUT /upload/video/ 201'))).toBe(true);
      const log = lines.join('\n');
      for (const s of secrets) {
        expect(s.length).toBeGreaterThan(8);
        expect(log).not.toContain(s);
      }
      expect(log).not.toMatch(/upload_token|act\.|rft\.|code=/);
    } finally {
      await sb.close();
    }
  });
});

describe('routing', () => {
  it('answers unknown paths with a 404 envelope and wrong methods with 405 + Allow', async () => {
    const sb = await startSandbox();
    try {
      const missing = await fetch(`${sb.url}/v2/post/publish/video/init`);
      expect(missing.status).toBe(404);
      const body = (await missing.json()) as { error: { code: string; log_id: string } };
      expect(body.error.log_id).toBeTruthy();
      const wrong = await fetch(`${sb.url}/v2/post/publish/video/init/`);
      expect(wrong.status).toBe(405);
      expect(wrong.headers.get('allow')).toBe('POST');
    } finally {
      await sb.close();
    }
  });

  it('sends the log_id also as the x-tt-logid header', async () => {
    const sb = await startSandbox();
    try {
      const r = await api(sb, undefined, '/v2/user/info/?fields=open_id');
      expect(r.headers.get('x-tt-logid')).toBe(r.body.error.log_id);
    } finally {
      await sb.close();
    }
  });

  it('sends no CORS headers: TikTok does not, which is why the proxy exists', async () => {
    const sb = await startSandbox();
    try {
      const r = await fetch(`${sb.url}/v2/user/info/?fields=open_id`, { headers: { origin: 'http://localhost:5173' } });
      expect(r.headers.get('access-control-allow-origin')).toBeNull();
    } finally {
      await sb.close();
    }
  });
});
