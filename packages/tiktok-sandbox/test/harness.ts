/**
 * Test harness: real HTTP against a sandbox on port 0. node:http is used where fetch cannot go
 * (wrong Content-Length, streamed bodies, aborts), fetch everywhere else.
 */
import { createHash } from 'node:crypto';
import { type IncomingHttpHeaders, request } from 'node:http';
import type { RunningSandbox } from '../src/index';

export const REDIRECT_URI = 'http://localhost:5173/auth/callback';
export const ALL_SCOPES = 'user.info.basic,user.info.profile,user.info.stats,video.publish,video.upload';
export const MIB = 1024 * 1024;

/** A clock the test moves by hand; starts at a fixed instant so log ids and expiries are predictable. */
export class TestClock {
  t = Date.UTC(2026, 10, 25, 12, 0, 0);
  readonly now = (): number => this.t;
  advance(ms: number): void {
    this.t += ms;
  }
}

export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"');
}

export interface ParsedInput {
  type: string;
  name: string | undefined;
  value: string | undefined;
  id: string | undefined;
  checked: boolean;
  disabled: boolean;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m?.[1] === undefined ? undefined : decodeEntities(m[1]);
}

export function parseInputs(html: string): ParsedInput[] {
  return [...html.matchAll(/<input\b[^>]*>/g)].map(([tag]) => ({
    type: attr(tag, 'type') ?? 'text',
    name: attr(tag, 'name'),
    value: attr(tag, 'value'),
    id: attr(tag, 'id'),
    checked: /\schecked(\s|>|=)/.test(tag),
    disabled: /\sdisabled(\s|>|=)/.test(tag),
  }));
}

/** What a browser would submit for this form when the user presses `action`. */
export function formSubmission(
  html: string,
  action: 'authorize' | 'cancel',
  choose: { openId?: string; untick?: string[] } = {},
): URLSearchParams {
  const form = new URLSearchParams();
  for (const input of parseInputs(html)) {
    if (!input.name || input.disabled) continue;
    if (input.type === 'hidden') form.append(input.name, input.value ?? '');
    if (input.type === 'radio') {
      const picked = choose.openId ? input.value === choose.openId : input.checked;
      if (picked) form.append(input.name, input.value ?? '');
    }
    if (input.type === 'checkbox' && input.checked && !(choose.untick ?? []).includes(input.value ?? '')) {
      form.append(input.name, input.value ?? 'on');
    }
  }
  form.append('action', action);
  return form;
}

export function authorizeUrl(sb: RunningSandbox, params: Record<string, string | undefined> = {}): string {
  const u = new URL(sb.authorizeUrl);
  const defaults: Record<string, string | undefined> = {
    client_key: sb.clientKey,
    response_type: 'code',
    scope: ALL_SCOPES,
    redirect_uri: REDIRECT_URI,
    state: 'state-123',
  };
  for (const [k, v] of Object.entries({ ...defaults, ...params })) if (v !== undefined) u.searchParams.set(k, v);
  return u.toString();
}

export async function postForm(url: string, form: URLSearchParams): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
}

export interface SignInOptions {
  account?: string;
  scope?: string;
  untick?: string[];
  extra?: Record<string, string>;
}

/** Authorize page → consent form → callback; returns the callback URL's query. */
export async function consent(sb: RunningSandbox, o: SignInOptions = {}): Promise<URLSearchParams> {
  const page = await fetch(authorizeUrl(sb, { scope: o.scope ?? ALL_SCOPES, ...o.extra }));
  const html = await page.text();
  if (page.status !== 200) throw new Error(`authorize page ${page.status}: ${html}`);
  const openId = o.account ? `sb-open-${o.account}` : undefined;
  const res = await postForm(sb.authorizeUrl, formSubmission(html, 'authorize', { openId, untick: o.untick }));
  const location = res.headers.get('location');
  if (res.status !== 302 || !location) throw new Error(`consent answered ${res.status}`);
  return new URL(location).searchParams;
}

export interface TokenSet {
  access_token: string;
  refresh_token: string;
  open_id: string;
  scope: string;
  expires_in: number;
  refresh_expires_in: number;
  token_type: string;
}

export async function tokenRequest(sb: RunningSandbox, fields: Record<string, string>): Promise<Response> {
  const form = new URLSearchParams({ client_key: sb.clientKey, client_secret: sb.clientSecret, ...fields });
  return postForm(`${sb.url}/v2/oauth/token/`, form);
}

export async function signIn(sb: RunningSandbox, o: SignInOptions = {}): Promise<TokenSet> {
  const cb = await consent(sb, o);
  const res = await tokenRequest(sb, {
    grant_type: 'authorization_code',
    code: cb.get('code') ?? '',
    redirect_uri: REDIRECT_URI,
  });
  const body = (await res.json()) as TokenSet & { error?: string };
  if (body.error) throw new Error(`token exchange failed: ${body.error}`);
  return body;
}

export interface ApiResult<T = Record<string, unknown>> {
  status: number;
  text: string;
  body: { data: T; error: { code: string; message: string; log_id: string } };
  headers: Headers;
}

export async function api<T = Record<string, unknown>>(
  sb: RunningSandbox,
  token: string | undefined,
  path: string,
  body?: unknown,
  init: { method?: string; contentType?: string | null; rawBody?: string } = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  const contentType = init.contentType === undefined ? 'application/json; charset=UTF-8' : init.contentType;
  if (contentType !== null) headers['content-type'] = contentType;
  const method = init.method ?? (body === undefined && init.rawBody === undefined ? 'GET' : 'POST');
  const res = await fetch(`${sb.url}${path}`, {
    method,
    headers,
    body: init.rawBody ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) as ApiResult<T>['body'], headers: res.headers };
}

export function directBody(
  overrides: { post_info?: Record<string, unknown>; source_info?: Record<string, unknown> } = {},
) {
  return {
    post_info: {
      title: 'hello #sandbox',
      privacy_level: 'SELF_ONLY',
      disable_duet: true,
      disable_comment: true,
      disable_stitch: true,
      brand_content_toggle: false,
      brand_organic_toggle: false,
      ...overrides.post_info,
    },
    source_info: {
      source: 'FILE_UPLOAD',
      video_size: 1000,
      chunk_size: 1000,
      total_chunk_count: 1,
      ...overrides.source_info,
    },
  };
}

export interface InitResult {
  publishId: string;
  uploadUrl: string;
}

export async function initDirect(sb: RunningSandbox, token: string, body: unknown): Promise<InitResult> {
  const r = await api<{ publish_id: string; upload_url: string }>(sb, token, '/v2/post/publish/video/init/', body);
  if (r.body.error.code !== 'ok') throw new Error(`init failed: ${r.status} ${r.text}`);
  return { publishId: r.body.data.publish_id, uploadUrl: r.body.data.upload_url };
}

export async function initInbox(
  sb: RunningSandbox,
  token: string,
  sourceInfo: Record<string, unknown>,
): Promise<InitResult> {
  const r = await api<{ publish_id: string; upload_url: string }>(sb, token, '/v2/post/publish/inbox/video/init/', {
    source_info: sourceInfo,
  });
  if (r.body.error.code !== 'ok') throw new Error(`inbox init failed: ${r.status} ${r.text}`);
  return { publishId: r.body.data.publish_id, uploadUrl: r.body.data.upload_url };
}

/** Deterministic, position-dependent bytes: a chunk sent at the wrong offset changes the hash. */
export function patternBytes(start: number, length: number): Buffer {
  const b = Buffer.allocUnsafe(length);
  for (let i = 0; i < length; i++) {
    const p = start + i;
    b[i] = (p * 31 + (p >>> 8) * 7 + (p >>> 16)) & 0xff;
  }
  return b;
}

export interface PutResult {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface PutOptions {
  headers?: Record<string, string | undefined>;
  /** The body, or a byte range of patternBytes streamed in 64 KiB pieces. */
  body?: Buffer | { start: number; length: number };
  /** Destroy the request after writing this many bytes (simulates a client that disappears). */
  abortAfter?: number;
}

function pieces(body: PutOptions['body']): Iterable<Buffer> {
  if (body === undefined) return [];
  if (Buffer.isBuffer(body)) return [body];
  const { start, length } = body;
  return (function* gen() {
    for (let off = 0; off < length; off += 64 * 1024)
      yield patternBytes(start + off, Math.min(64 * 1024, length - off));
  })();
}

/** PUT with full control over headers (fetch refuses a Content-Length that differs from the body). */
export function put(url: string, o: PutOptions = {}): Promise<PutResult> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(o.headers ?? {})) if (v !== undefined) headers[k] = v;
    const req = request(url, { method: 'PUT', headers }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(parts).toString() }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    const write = async (): Promise<void> => {
      let written = 0;
      for (const piece of pieces(o.body)) {
        if (o.abortAfter !== undefined && written + piece.length >= o.abortAfter) {
          req.write(piece.subarray(0, o.abortAfter - written));
          await new Promise((r) => setTimeout(r, 50));
          req.destroy(new Error('client aborted'));
          return;
        }
        written += piece.length;
        if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    };
    write().catch(reject);
  });
}

export function putChunk(uploadUrl: string, videoSize: number, start: number, length: number, extra: PutOptions = {}) {
  return put(uploadUrl, {
    body: { start, length },
    ...extra,
    headers: {
      'content-type': 'video/mp4',
      'content-length': String(length),
      'content-range': `bytes ${start}-${start + length - 1}/${videoSize}`,
      ...extra.headers,
    },
  });
}

export function sha256Of(start: number, length: number): string {
  const h = createHash('sha256');
  for (const piece of pieces({ start, length })) h.update(piece);
  return h.digest('hex');
}

/** One PUT of a whole (single-chunk) video. */
export function putVideo(uploadUrl: string, bytes: Buffer) {
  return put(uploadUrl, {
    body: bytes,
    headers: {
      'content-type': 'video/mp4',
      'content-length': String(bytes.length),
      'content-range': `bytes 0-${bytes.length - 1}/${bytes.length}`,
    },
  });
}

export async function waitFor<T>(fn: () => Promise<T | undefined> | T | undefined, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error('waitFor timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}
