import type { RunningSandbox } from './server';

export interface HeadlessConsentOptions {
  /** Short name (`ava`) or open id of the test account that consents. Default `ava`. */
  account?: string;
  /** Scopes requested on the authorize URL. Default: the product's three. */
  scopes?: readonly string[];
  /** Optional scopes the creator unticks on the consent page. */
  untick?: readonly string[];
  redirectUri: string;
  state?: string;
}

/**
 * Signs a test account in without a browser: submits the consent form exactly as the page would and
 * reads the code from TikTok's redirect. For integration tests and benchmarks of code that needs a
 * real access token; the browser tests click the real page instead.
 */
export async function obtainAuthorizationCode(
  sandbox: Pick<RunningSandbox, 'authorizeUrl' | 'clientKey'>,
  options: HeadlessConsentOptions,
): Promise<{ code: string; scopes: string[]; state: string }> {
  const scopes = options.scopes ?? ['user.info.basic', 'video.publish', 'video.upload'];
  const account = options.account ?? 'ava';
  const state = options.state ?? 'headless-state';
  const form = new URLSearchParams({
    client_key: sandbox.clientKey,
    response_type: 'code',
    redirect_uri: options.redirectUri,
    state,
    scope: scopes.join(','),
    open_id: account.startsWith('sb-open-') ? account : `sb-open-${account}`,
    action: 'authorize',
  });
  for (const scope of scopes) {
    if (scope !== 'user.info.basic' && !(options.untick ?? []).includes(scope)) form.append('granted_scope', scope);
  }
  const res = await fetch(sandbox.authorizeUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`consent answered HTTP ${res.status}`);
  const query = new URL(location).searchParams;
  const code = query.get('code');
  if (!code) throw new Error(`consent refused: ${query.get('error') ?? 'no code'}`);
  return { code, scopes: (query.get('scopes') ?? '').split(',').filter(Boolean), state: query.get('state') ?? '' };
}
