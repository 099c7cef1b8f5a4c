import { z } from 'zod';
import { avatarSvg } from './accounts';
import { avatarUrlValid } from './api/user-info';
import { escapeHtml, htmlReply, jsonReply, readBody, type Reply } from './http-io';
import { type Fault, faultSchema } from './faults';
import { type SandboxOptionsPatch, optionsPatchSchema } from './options';
import type { MediaFacts } from './media/read-media';
import { finishDraft, forceFail } from './processing';
import type { RouteContext } from './route-context';
import type { ChunkRecord, PublishStatus, SandboxState, SandboxStats } from './state';
import { sha256Hex } from './upload/upload-host';

export const HOOK_PREFIX = '/__sandbox/';

/** What the sandbox saw of one publish task; post ids as strings because they exceed 2^53. */
export interface UploadReport {
  publishId: string;
  openId: string;
  mode: 'direct' | 'inbox';
  source: 'FILE_UPLOAD' | 'PULL_FROM_URL';
  status: PublishStatus;
  failReason: string | null;
  videoSize: number | null;
  chunkSize: number | null;
  totalChunkCount: number | null;
  receivedBytes: number;
  complete: boolean;
  /** sha256 (hex) of every accepted byte so far; of the whole video once `complete`. */
  sha256: string | null;
  chunks: ChunkRecord[];
  /** Movie duration read by the media checks; null before the last chunk, when unreadable, or with mediaChecks 'off'. */
  durationSec: number | null;
  /** Everything the media checks read (null as for durationSec). */
  media: MediaFacts | null;
  /** Why the media checks failed the post, or which checks could not be made; null otherwise. */
  mediaNote: string | null;
  /** post_info exactly as received (null for inbox uploads, which have none). */
  postInfo: unknown;
  sourceInfo: unknown;
  effectivePrivacyLevel: string | null;
  postIds: string[];
  uploadUrlExpiresAt: number | null;
}

export function uploadReport(st: SandboxState, publishId: string): UploadReport | undefined {
  const t = st.tasks.get(publishId);
  if (!t) return undefined;
  const up = t.upload;
  return {
    publishId: t.publishId,
    openId: t.openId,
    mode: t.mode,
    source: t.source,
    status: t.status,
    failReason: t.failReason ?? null,
    videoSize: up?.videoSize ?? null,
    chunkSize: up?.chunkSize ?? null,
    totalChunkCount: up?.totalChunkCount ?? null,
    receivedBytes: up?.receivedBytes ?? 0,
    complete: up ? up.receivedBytes === up.videoSize : false,
    sha256: up ? sha256Hex(up) : null,
    chunks: up ? up.chunks.map((c) => ({ ...c })) : [],
    durationSec: up?.media?.kind === 'read' ? up.media.facts.durationSec : null,
    media: up?.media?.kind === 'read' ? { ...up.media.facts } : null,
    mediaNote: up?.mediaNote ?? null,
    postInfo: t.postInfo,
    sourceInfo: t.sourceInfo,
    effectivePrivacyLevel: t.effectivePrivacyLevel,
    postIds: [...t.postIds],
    uploadUrlExpiresAt: up?.expiresAt ?? null,
  };
}

export function statsSnapshot(st: SandboxState): SandboxStats {
  return structuredClone(st.stats);
}

/** Validates like the HTTP hook so in-process and HTTP callers get the same rules. */
export function injectFault(st: SandboxState, fault: Fault): void {
  const parsed = faultSchema.safeParse(fault);
  if (!parsed.success) throw new Error(`tiktok-sandbox: invalid fault: ${z.prettifyError(parsed.error)}`);
  st.faults.add(parsed.data);
}

export function setOptions(st: SandboxState, patch: SandboxOptionsPatch): void {
  const parsed = optionsPatchSchema.safeParse(patch);
  if (!parsed.success) throw new Error(`tiktok-sandbox: invalid options: ${z.prettifyError(parsed.error)}`);
  st.applyPatch(parsed.data);
}

function tunables(st: SandboxState): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(optionsPatchSchema.shape).map((k) => [k, st.options[k as keyof typeof st.options]]),
  );
}

async function jsonBody(ctx: RouteContext): Promise<{ ok: true; value: unknown } | { ok: false; reply: Reply }> {
  const body = await readBody(ctx.req, 64 * 1024);
  if (!body.ok) return { ok: false, reply: jsonReply(400, { error: 'The body could not be read.' }) };
  const text = body.body.toString('utf8').trim();
  if (!text) return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, reply: jsonReply(400, { error: 'The body is not valid JSON.' }) };
  }
}

const failSchema = z.strictObject({ failReason: z.string().min(1) });
const clockSchema = z.strictObject({ advanceMs: z.number().int() });

function notFound(what: string): Reply {
  return jsonReply(404, { error: `${what} not found` });
}

function profilePage(st: SandboxState, openId: string): Reply {
  const a = st.accounts.get(openId);
  if (!a) return notFound('account');
  return htmlReply(
    200,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(a.displayName)} · TikTok sandbox</title></head>` +
      `<body><main><h1>${escapeHtml(a.displayName)}</h1><p>@${escapeHtml(a.username)}</p>` +
      `<p aria-hidden="true">${avatarSvg(a, 96, { decorative: true })}</p></main></body></html>`,
  );
}

/**
 * Test hooks. Never part of TikTok's surface: they exist so tests in other processes (browser
 * tests, benchmarks) can see and steer what an in-process test gets from RunningSandbox.
 */
export async function handleHook(ctx: RouteContext, method: string, path: string): Promise<Reply> {
  const st = ctx.state;
  const rest = path.slice(HOOK_PREFIX.length);
  let parts: string[];
  try {
    parts = rest.split('/').filter(Boolean).map(decodeURIComponent);
  } catch {
    return jsonReply(400, { error: 'malformed path' });
  }
  const [head, id, tail] = parts;

  if (method === 'GET' && parts.length === 0) {
    return jsonReply(200, {
      url: st.baseUrl,
      authorizeUrl: `${st.baseUrl}/v2/auth/authorize/`,
      clientKey: st.options.clientKey,
      redirectUris: st.options.redirectUris,
      accounts: [...st.accounts.values()].map((a) => ({
        openId: a.openId,
        username: a.username,
        displayName: a.displayName,
      })),
      options: tunables(st),
    });
  }
  if (method === 'GET' && head === 'stats' && parts.length === 1) return jsonReply(200, statsSnapshot(st));
  if (method === 'POST' && head === 'reset' && parts.length === 1) {
    st.reset();
    return jsonReply(200, { ok: true });
  }
  if (head === 'faults' && parts.length === 1) {
    if (method === 'GET') return jsonReply(200, { pending: st.faults.pending() });
    if (method === 'DELETE') {
      st.faults.clear();
      return jsonReply(200, { pending: [] });
    }
    if (method === 'POST') {
      const body = await jsonBody(ctx);
      if (!body.ok) return body.reply;
      const parsed = faultSchema.safeParse(body.value);
      if (!parsed.success) return jsonReply(400, { error: z.prettifyError(parsed.error) });
      st.faults.add(parsed.data);
      return jsonReply(201, { pending: st.faults.pending() });
    }
  }
  if (method === 'POST' && head === 'options' && parts.length === 1) {
    const body = await jsonBody(ctx);
    if (!body.ok) return body.reply;
    const parsed = optionsPatchSchema.safeParse(body.value);
    if (!parsed.success) return jsonReply(400, { error: z.prettifyError(parsed.error) });
    st.applyPatch(parsed.data);
    return jsonReply(200, { options: tunables(st) });
  }
  if (method === 'POST' && head === 'clock' && parts.length === 1) {
    const body = await jsonBody(ctx);
    if (!body.ok) return body.reply;
    const parsed = clockSchema.safeParse(body.value);
    if (!parsed.success) return jsonReply(400, { error: z.prettifyError(parsed.error) });
    st.clockOffsetMs += parsed.data.advanceMs;
    return jsonReply(200, { now: st.now(), offsetMs: st.clockOffsetMs });
  }
  if (head === 'uploads' && id !== undefined) {
    if (method === 'GET' && parts.length === 2) {
      const report = uploadReport(st, id);
      return report ? jsonReply(200, report) : notFound('publish task');
    }
    if (method === 'POST' && tail === 'fail' && parts.length === 3) {
      const body = await jsonBody(ctx);
      if (!body.ok) return body.reply;
      const parsed = failSchema.safeParse(body.value);
      if (!parsed.success) return jsonReply(400, { error: z.prettifyError(parsed.error) });
      const result = forceFail(st, id, parsed.data.failReason);
      if (result === 'unknown') return notFound('publish task');
      if (result === 'terminal') return jsonReply(409, { error: 'the task already reached a final state' });
      return jsonReply(200, uploadReport(st, id));
    }
  }
  if (method === 'POST' && head === 'drafts' && id !== undefined && tail === 'finish' && parts.length === 3) {
    const result = finishDraft(st, id);
    if (result === 'unknown') return notFound('publish task');
    if (result === 'not-in-inbox')
      return jsonReply(409, { error: 'the task is not waiting in the inbox (SEND_TO_USER_INBOX)' });
    return jsonReply(200, uploadReport(st, id));
  }
  if (method === 'GET' && head === 'avatars' && id !== undefined && parts.length === 2 && id.endsWith('.svg')) {
    const account = st.accounts.get(id.slice(0, -'.svg'.length));
    if (!account) return notFound('avatar');
    // An expired or unsigned link fails as TikTok's CDN fails it; the client must ask TikTok again.
    if (!avatarUrlValid(st, ctx.url.pathname, ctx.url.searchParams)) {
      return {
        status: 403,
        headers: { 'content-type': 'text/plain; charset=utf-8' },
        body: 'This avatar link has expired.',
      };
    }
    const size = Number(ctx.url.searchParams.get('size') ?? 100);
    const px = Number.isInteger(size) && size >= 16 && size <= 1080 ? size : 100;
    return {
      status: 200,
      headers: { 'content-type': 'image/svg+xml; charset=utf-8', 'cache-control': 'public, max-age=3600' },
      body: avatarSvg(account, px),
    };
  }
  if (method === 'GET' && head === 'profiles' && id !== undefined && parts.length === 2) return profilePage(st, id);
  return notFound('hook');
}
