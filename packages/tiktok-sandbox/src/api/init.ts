import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { type PrivacyLevel, privacyLevelOptions } from '../accounts';
import type { Reply } from '../http-io';
import { nineteenDigits, uploadToken } from '../ids';
import { scheduleProcessing } from '../processing';
import type { RouteContext } from '../route-context';
import { DAY_MS, type PublishTask, type SandboxState } from '../state';
import type { Fault } from '../faults';
import { CHUNK_SIZE_INVALID, checkChunkPlan } from './chunk-rules';
import { activeUserCapBlock, bannedBlock, type Block, postsCapBlock } from './creator-info';
import { apiError, ok } from './envelope';
import { type Caller, guard, readJson } from './guards';
import { ReceivedBytes } from '../upload/received-bytes';

const TITLE_MAX_UTF16 = 2200;
const MAX_PENDING_SHARES = 5;
const GUIDELINES_MESSAGE =
  'Please review our integration guidelines at https://developers.tiktok.com/doc/content-sharing-guidelines/';

// Sign and range are judged by checkChunkPlan so the answer carries TikTok's own messages.
const int64 = z.number().int();

/**
 * Unknown keys are rejected on purpose: a field in the wrong object (e.g. video_cover_timestamp_ms
 * in source_info, a mistake seen in the wild) would silently do nothing at TikTok.
 */
const postInfoSchema = z.strictObject({
  title: z.string().optional(),
  privacy_level: z.string().optional(),
  disable_duet: z.boolean().optional(),
  disable_comment: z.boolean().optional(),
  disable_stitch: z.boolean().optional(),
  video_cover_timestamp_ms: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  // The only post_info field the reference marks required (TikTok's Direct Post reference).
  brand_content_toggle: z.boolean(),
  brand_organic_toggle: z.boolean().optional(),
  is_aigc: z.boolean().optional(),
});

const sourceInfoSchema = z.discriminatedUnion('source', [
  z.strictObject({
    source: z.literal('FILE_UPLOAD'),
    video_size: int64,
    chunk_size: int64,
    total_chunk_count: int64,
  }),
  z.strictObject({ source: z.literal('PULL_FROM_URL'), video_url: z.string() }),
]);

const directBodySchema = z.strictObject({ post_info: postInfoSchema, source_info: sourceInfoSchema });
const inboxBodySchema = z.strictObject({ source_info: sourceInfoSchema });

type SourceInfo = z.infer<typeof sourceInfoSchema>;

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'Invalid request body.';
  const path = issue.path.map(String).join('.');
  if (issue.code === 'unrecognized_keys') {
    const where = path ? `${path}.` : '';
    return `Invalid parameter: unknown field ${issue.keys.map((k) => where + k).join(', ')}.`;
  }
  return `Invalid parameter: ${path || 'body'}: ${issue.message}.`;
}

function blockReply(st: SandboxState, status: number, block: Block): Reply {
  return apiError(st, status, block.code, block.message);
}

/** TikTok's Media Transfer Guide (PULL_FROM_URL): https, a host name (never an IP), under a verified domain or an exact URL prefix. */
function checkPullUrl(st: SandboxState, raw: string): Reply | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return apiError(st, 400, 'invalid_params', 'Invalid parameter: source_info.video_url is not a URL.');
  }
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const domainOk = st.options.verifiedDomains.some((d) => {
    const domain = d.toLowerCase().replace(/^\.+|\.+$/g, '');
    return host === domain || host.endsWith(`.${domain}`);
  });
  const prefixOk = st.options.verifiedUrlPrefixes.some((p) => {
    try {
      return url.href.startsWith(new URL(p).href);
    } catch {
      return false;
    }
  });
  if (url.protocol !== 'https:' || isIP(host) !== 0 || url.username || url.password || !(domainOk || prefixOk)) {
    return apiError(
      st,
      403,
      'url_ownership_unverified',
      'The video_url must be https and lie under a verified domain or URL prefix of this app.',
    );
  }
  return undefined;
}

function sourceChecks(st: SandboxState, source: SourceInfo, fault: Fault | undefined): Reply | undefined {
  if (source.source === 'PULL_FROM_URL') return checkPullUrl(st, source.video_url);
  if (fault?.kind === 'chunk-size-invalid' && source.total_chunk_count > 1) {
    return apiError(st, 400, 'invalid_params', CHUNK_SIZE_INVALID);
  }
  const message = checkChunkPlan(
    { videoSize: source.video_size, chunkSize: source.chunk_size, totalChunkCount: source.total_chunk_count },
    st.options.maxVideoSizeBytes,
    st.options.mbReading,
  );
  return message ? apiError(st, 400, 'invalid_params', message) : undefined;
}

function createTask(
  ctx: RouteContext,
  caller: Caller,
  mode: 'direct' | 'inbox',
  source: SourceInfo,
  postInfo: unknown,
  sourceInfoVerbatim: unknown,
  effectivePrivacyLevel: PrivacyLevel | null,
): Reply {
  const st = ctx.state;
  const prefix = {
    direct: { FILE_UPLOAD: 'v_pub_file~v2-1.', PULL_FROM_URL: 'v_pub_url~v2.' },
    inbox: { FILE_UPLOAD: 'v_inbox_file~v2.', PULL_FROM_URL: 'v_inbox_url~v2.' },
  }[mode][source.source];
  let publishId = prefix + nineteenDigits();
  while (st.tasks.has(publishId)) publishId = prefix + nineteenDigits();
  const now = st.now();
  const task: PublishTask = {
    publishId,
    openId: caller.account.openId,
    clientKey: caller.grant.clientKey,
    mode,
    source: source.source,
    postInfo,
    sourceInfo: sourceInfoVerbatim,
    effectivePrivacyLevel,
    status: source.source === 'FILE_UPLOAD' ? 'PROCESSING_UPLOAD' : 'PROCESSING_DOWNLOAD',
    failReason: undefined,
    postIds: [],
    createdAt: now,
    upload: undefined,
    downloadedBytes: 0,
  };
  const data: Record<string, string> = { publish_id: publishId };
  if (source.source === 'FILE_UPLOAD') {
    let uploadId = nineteenDigits();
    while (st.uploads.has(uploadId)) uploadId = nineteenDigits();
    const token = uploadToken();
    task.upload = {
      uploadId,
      uploadToken: token,
      videoSize: source.video_size,
      chunkSize: source.chunk_size,
      totalChunkCount: source.total_chunk_count,
      expiresAt: now + st.options.uploadUrlTtlSec * 1000,
      forcedExpired: false,
      receivedBytes: 0,
      hash: createHash('sha256'),
      chunks: [],
      received: new ReceivedBytes(source.video_size),
      media: undefined,
      mediaNote: undefined,
    };
    st.uploads.set(uploadId, task);
    data.upload_url = `${st.baseUrl}/upload/video/?upload_id=${uploadId}&upload_token=${token}`;
  } else {
    scheduleProcessing(st, task);
  }
  st.tasks.set(publishId, task);
  if (mode === 'direct') st.record(st.posts, task.openId);
  st.record(st.posters, task.openId);
  st.stats.inits[mode] += 1;
  ctx.logNote = `account=${task.openId} publish_id=${publishId}`;
  return ok(st, data);
}

/** Direct Post init: the checks run in a fixed order (audience, audit, caps, caption, source) so the first failing rule is the one reported. */
export async function directInit(ctx: RouteContext, fault?: Fault): Promise<Reply> {
  const st = ctx.state;
  const g = guard(ctx, ['video.publish'], 'direct_init');
  if (!g.ok) return g.reply;
  const body = await readJson(ctx, false);
  if (!body.ok) return body.reply;
  const parsed = directBodySchema.safeParse(body.value);
  if (!parsed.success) return apiError(st, 400, 'invalid_params', describeIssue(parsed.error));
  const { post_info: post, source_info: source } = parsed.data;
  const account = g.value.account;

  const options = privacyLevelOptions(account);
  const privacy = options.find((o) => o === post.privacy_level);
  if (!privacy) {
    return apiError(
      st,
      403,
      'privacy_level_option_mismatch',
      `privacy_level must be one of the creator's current options: ${options.join(', ')}.`,
    );
  }
  if (!st.options.audited && !account.isPrivate) {
    return apiError(st, 403, 'unaudited_client_can_only_post_to_private_accounts', GUIDELINES_MESSAGE);
  }
  const block = activeUserCapBlock(st, account) ?? postsCapBlock(st, account) ?? bannedBlock(account);
  if (block) return blockReply(st, 403, block);
  if ((post.title ?? '').length > TITLE_MAX_UTF16) {
    return apiError(
      st,
      400,
      'invalid_params',
      `Invalid parameter: post_info.title is longer than ${TITLE_MAX_UTF16} characters.`,
    );
  }
  const sourceProblem = sourceChecks(st, source, fault);
  if (sourceProblem) return sourceProblem;
  let effective: PrivacyLevel = privacy;
  if (!st.options.audited && privacy !== 'SELF_ONLY') {
    if (st.options.unauditedNonSelfOnly === 'reject') {
      return apiError(
        st,
        400,
        'invalid_params',
        `An unaudited client can only post with privacy_level SELF_ONLY. ${GUIDELINES_MESSAGE}`,
      );
    }
    effective = 'SELF_ONLY';
  }
  const verbatim = body.value as { post_info: unknown; source_info: unknown };
  return createTask(ctx, g.value, 'direct', source, verbatim.post_info, verbatim.source_info, effective);
}

function pendingShares(st: SandboxState, openId: string, preset: number): number {
  const since = st.now() - DAY_MS;
  let pending = preset;
  for (const t of st.tasks.values()) {
    if (
      t.mode === 'inbox' &&
      t.openId === openId &&
      t.createdAt > since &&
      t.status !== 'PUBLISH_COMPLETE' &&
      t.status !== 'FAILED'
    ) {
      pending += 1;
    }
  }
  return pending;
}

/**
 * Inbox (draft) init: the same source checks as Direct Post. TikTok's Content Sharing Guidelines
 * restrict an unaudited app's *posts* (private accounts, SELF_ONLY, a few posting users a day); a
 * draft lands in the creator's inbox and the creator posts it in TikTok's app, so none of those
 * direct-post rules apply here, and neither does the daily post cap. The audited app's creator cap
 * and a ban do.
 */
export async function inboxInit(ctx: RouteContext, fault?: Fault): Promise<Reply> {
  const st = ctx.state;
  const g = guard(ctx, ['video.upload'], 'inbox_init');
  if (!g.ok) return g.reply;
  const body = await readJson(ctx, false);
  if (!body.ok) return body.reply;
  const parsed = inboxBodySchema.safeParse(body.value);
  if (!parsed.success) return apiError(st, 400, 'invalid_params', describeIssue(parsed.error));
  const source = parsed.data.source_info;
  const account = g.value.account;
  const block = (st.options.audited ? activeUserCapBlock(st, account) : undefined) ?? bannedBlock(account);
  if (block) return blockReply(st, 403, block);
  if (pendingShares(st, account.openId, account.pendingDrafts ?? 0) >= MAX_PENDING_SHARES) {
    return apiError(
      st,
      403,
      'spam_risk_too_many_pending_share',
      `The creator already has ${MAX_PENDING_SHARES} pending shares in the last 24 hours.`,
    );
  }
  const sourceProblem = sourceChecks(st, source, fault);
  if (sourceProblem) return sourceProblem;
  const verbatim = body.value as { source_info: unknown };
  return createTask(ctx, g.value, 'inbox', source, null, verbatim.source_info, null);
}
