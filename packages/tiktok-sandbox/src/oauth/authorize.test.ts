import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALL_SCOPES,
  REDIRECT_URI,
  authorizeUrl,
  consent,
  formSubmission,
  parseInputs,
  postForm,
} from '../../test/harness';
import { type RunningSandbox, startSandbox } from '../index';

let sb: RunningSandbox;
beforeAll(async () => {
  sb = await startSandbox();
});
afterAll(() => sb.close());

async function page(
  params: Record<string, string | undefined>,
): Promise<{ status: number; html: string; location: string | null }> {
  const res = await fetch(authorizeUrl(sb, params), { redirect: 'manual' });
  return { status: res.status, html: await res.text(), location: res.headers.get('location') };
}

function callback(location: string | null): URLSearchParams {
  expect(location).not.toBeNull();
  const u = new URL(location ?? '');
  expect(`${u.origin}${u.pathname}`).toBe(REDIRECT_URI);
  return u.searchParams;
}

describe('GET /v2/auth/authorize/ validation', () => {
  it('shows an error page (never a redirect) for an unknown client_key', async () => {
    const r = await page({ client_key: 'sbnotregistered' });
    expect(r.status).toBe(400);
    expect(r.location).toBeNull();
    expect(r.html).toContain('unauthorized_client');
    expect(r.html).toContain('client_key');
  });

  it('shows an error page for a missing client_key', async () => {
    const r = await page({ client_key: '' });
    expect(r.status).toBe(400);
    expect(r.location).toBeNull();
  });

  it.each([
    ['unregistered', 'https://evil.example/auth/callback'],
    ['trailing slash', `${REDIRECT_URI}/`],
    ['other scheme', REDIRECT_URI.replace('http:', 'https:')],
    ['other port', REDIRECT_URI.replace('5173', '5174')],
    ['missing', ''],
  ])('shows an error page for a redirect_uri that is not an exact match (%s)', async (_name, uri) => {
    const r = await page({ redirect_uri: uri });
    expect(r.status).toBe(400);
    expect(r.location).toBeNull();
    expect(r.html).toContain('redirect_uri');
  });

  it('redirects with unsupported_response_type when response_type is not code', async () => {
    const r = await page({ response_type: 'token' });
    expect(r.status).toBe(302);
    const q = callback(r.location);
    expect(q.get('error')).toBe('unsupported_response_type');
    expect(q.get('state')).toBe('state-123');
  });

  it('redirects with invalid_scope for an unknown scope or an empty scope', async () => {
    const unknown = callback((await page({ scope: 'user.info.basic,video.delete' })).location);
    expect(unknown.get('error')).toBe('invalid_scope');
    expect(unknown.get('error_description')).toContain('video.delete');
    const empty = callback((await page({ scope: '' })).location);
    expect(empty.get('error')).toBe('invalid_scope');
  });

  it('redirects with invalid_request when state is missing', async () => {
    const r = await page({ state: '' });
    const q = callback(r.location);
    expect(q.get('error')).toBe('invalid_request');
    expect(q.get('error_description')).toMatch(/state/);
    expect(q.has('code')).toBe(false);
  });

  it('accepts the scope list with a raw comma or %2C', async () => {
    const raw = await fetch(
      `${sb.authorizeUrl}?client_key=${sb.clientKey}&response_type=code&scope=user.info.basic,video.publish&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=s`,
    );
    expect(raw.status).toBe(200);
    const encoded = await fetch(
      `${sb.authorizeUrl}?client_key=${sb.clientKey}&response_type=code&scope=user.info.basic%2Cvideo.publish&redirect_uri=${encodeURIComponent(REDIRECT_URI)}&state=s`,
    );
    expect(encoded.status).toBe(200);
  });
});

describe('consent page', () => {
  it('is accessible plain HTML with no script', async () => {
    const r = await page({});
    expect(r.status).toBe(200);
    expect(r.html).toMatch(/^<!doctype html>/i);
    expect(r.html).toMatch(/<html lang="en">/);
    expect(r.html).toMatch(/<title>[^<]+<\/title>/);
    expect(r.html).toMatch(/<h1>[^<]+<\/h1>/);
    expect(r.html).not.toMatch(/<script/i);
    expect(r.html).not.toMatch(/\son[a-z]+=/i);
    expect(r.html).toMatch(/<form method="post" action="\/v2\/auth\/authorize\/">/);
    // Every visible control has a label pointing at it.
    for (const input of parseInputs(r.html).filter((i) => i.type !== 'hidden')) {
      expect(input.id, `input ${input.name} has an id`).toBeDefined();
      expect(r.html).toContain(`<label for="${input.id}">`);
    }
    expect(r.html).toMatch(/<fieldset>\s*<legend>Choose a test account<\/legend>/);
  });

  it('has submit buttons named exactly Authorize and Cancel', async () => {
    const { html } = await page({});
    const buttons = [...html.matchAll(/<button\b[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);
    expect(buttons).toEqual(['Authorize', 'Cancel']);
    expect(html).toMatch(/<button type="submit" name="action" value="authorize">Authorize<\/button>/);
  });

  it('lists every test account as a radio button with exactly one checked', async () => {
    const { html } = await page({});
    const radios = parseInputs(html).filter((i) => i.type === 'radio');
    expect(radios.map((r) => r.value)).toEqual(
      expect.arrayContaining(['sb-open-ava', 'sb-open-pia', 'sb-open-nico', 'sb-open-cap', 'sb-open-ben']),
    );
    expect(radios.filter((r) => r.checked)).toHaveLength(1);
    expect(html).toContain('Ava Public');
    // Each account's avatar is drawn inline (no avatar link to expire), as decoration beside its name.
    expect(html).toMatch(/<span class="avatar" aria-hidden="true"><svg [^>]*aria-hidden="true"/);
  });

  it('pre-selects the account named by sandbox_account', async () => {
    const { html } = await page({ sandbox_account: 'pia' });
    const checked = parseInputs(html).filter((i) => i.type === 'radio' && i.checked);
    expect(checked.map((c) => c.value)).toEqual(['sb-open-pia']);
  });

  it('offers a checkbox per optional scope and keeps user.info.basic granted', async () => {
    const { html } = await page({ scope: 'video.publish,video.upload' });
    const boxes = parseInputs(html).filter((i) => i.type === 'checkbox');
    expect(boxes.filter((b) => b.name === 'granted_scope').map((b) => b.value)).toEqual([
      'video.publish',
      'video.upload',
    ]);
    expect(boxes.some((b) => b.disabled && b.checked)).toBe(true);
    expect(html).toContain('user.info.basic');
  });

  it('escapes the state it echoes into the form', async () => {
    const state = '"><script>alert(1)</script>';
    const { html } = await page({ state });
    expect(html).not.toContain('<script>');
    const hidden = parseInputs(html).find((i) => i.name === 'state');
    expect(hidden?.value).toBe(state);
  });
});

describe('POST /v2/auth/authorize/ (consent)', () => {
  it('Authorize redirects with code, granted scopes and state', async () => {
    const { html } = await page({});
    const res = await postForm(sb.authorizeUrl, formSubmission(html, 'authorize', { openId: 'sb-open-pia' }));
    expect(res.status).toBe(302);
    const q = callback(res.headers.get('location'));
    expect(q.get('code')).toMatch(/\S{20,}/);
    expect(q.get('scopes')).toBe(ALL_SCOPES);
    expect(q.get('state')).toBe('state-123');
    expect(q.has('error')).toBe(false);
  });

  it('grants only the scopes left ticked, always including user.info.basic', async () => {
    const q = await consent(sb, { untick: ['video.publish', 'user.info.stats'] });
    expect(q.get('scopes')).toBe('user.info.basic,user.info.profile,video.upload');
  });

  it('adds user.info.basic even when the app did not ask for it', async () => {
    const q = await consent(sb, { scope: 'video.publish' });
    expect(q.get('scopes')).toBe('user.info.basic,video.publish');
  });

  it('ignores a granted_scope that was never requested', async () => {
    const { html } = await page({ scope: 'video.publish' });
    const form = formSubmission(html, 'authorize');
    form.append('granted_scope', 'video.upload');
    const q = callback((await postForm(sb.authorizeUrl, form)).headers.get('location'));
    expect(q.get('scopes')).toBe('user.info.basic,video.publish');
  });

  it('Cancel redirects with access_denied and the state, and no code', async () => {
    const { html } = await page({});
    const res = await postForm(sb.authorizeUrl, formSubmission(html, 'cancel'));
    const q = callback(res.headers.get('location'));
    expect(q.get('error')).toBe('access_denied');
    expect(q.get('error_description')).toBeTruthy();
    expect(q.get('state')).toBe('state-123');
    expect(q.has('code')).toBe(false);
  });

  it('answers non_sandbox_target for an account that is not a target user', async () => {
    const { html } = await page({});
    const res = await postForm(sb.authorizeUrl, formSubmission(html, 'authorize', { openId: 'sb-open-olga' }));
    const q = callback(res.headers.get('location'));
    expect(q.get('error')).toBe('access_denied');
    expect(q.get('error_type')).toBe('non_sandbox_target');
    expect(q.has('code')).toBe(false);
  });

  it('answers non_sandbox_target for any account when the query flag asks for it', async () => {
    const { html } = await page({ sandbox_error_type: 'non_sandbox_target' });
    const res = await postForm(sb.authorizeUrl, formSubmission(html, 'authorize', { openId: 'sb-open-ava' }));
    const q = callback(res.headers.get('location'));
    expect(q.get('error_type')).toBe('non_sandbox_target');
  });

  it('re-validates the posted fields: a tampered redirect_uri gets the error page', async () => {
    const { html } = await page({});
    const form = formSubmission(html, 'authorize');
    form.set('redirect_uri', 'https://evil.example/cb');
    const res = await postForm(sb.authorizeUrl, form);
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  it('rejects an unknown account and a missing action with a page, not a redirect', async () => {
    const { html } = await page({});
    const unknown = formSubmission(html, 'authorize');
    unknown.set('open_id', 'sb-open-nobody');
    expect((await postForm(sb.authorizeUrl, unknown)).status).toBe(400);
    const noAction = formSubmission(html, 'authorize');
    noAction.delete('action');
    expect((await postForm(sb.authorizeUrl, noAction)).status).toBe(400);
  });

  it('only accepts the consent form form-encoded', async () => {
    const { html } = await page({});
    const form = formSubmission(html, 'authorize');
    const res = await fetch(sb.authorizeUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(Object.fromEntries(form)),
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
  });
});
