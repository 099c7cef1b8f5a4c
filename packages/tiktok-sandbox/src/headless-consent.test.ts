import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { obtainAuthorizationCode } from './headless-consent';
import { startSandbox, type RunningSandbox } from './server';

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox.close());

describe('obtainAuthorizationCode', () => {
  it('returns a code the token endpoint accepts, with the granted scopes', async () => {
    const redirectUri = 'http://localhost:5173/auth/callback';
    const { code, scopes } = await obtainAuthorizationCode(sandbox, {
      account: 'pia',
      redirectUri,
      untick: ['video.upload'],
    });
    expect(scopes).toEqual(['user.info.basic', 'video.publish']);
    const res = await fetch(`${sandbox.url}/v2/oauth/token/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        client_key: sandbox.clientKey,
        client_secret: sandbox.clientSecret,
        grant_type: 'authorization_code',
        code,
        redirect_uri: redirectUri,
      }).toString(),
    });
    expect(await res.json()).toMatchObject({ open_id: 'sb-open-pia', scope: 'user.info.basic,video.publish' });
  });

  it('throws when the redirect URI is not registered', async () => {
    await expect(obtainAuthorizationCode(sandbox, { redirectUri: 'http://evil.example/cb' })).rejects.toThrow();
  });
});
