import { z } from 'zod';
import type { Reply } from '../http-io';
import type { RouteContext } from '../route-context';
import type { PublishTask } from '../state';
import { RawJson, apiError, ok } from './envelope';
import { type Caller, guard, readJson } from './guards';

const bodySchema = z.object({ publish_id: z.string().min(1) });

type Lookup = { ok: true; task: PublishTask } | { ok: false; reply: Reply };

async function lookup(ctx: RouteContext, caller: Caller): Promise<Lookup> {
  const st = ctx.state;
  const body = await readJson(ctx, false);
  if (!body.ok) return body;
  const parsed = bodySchema.safeParse(body.value);
  if (!parsed.success) {
    return { ok: false, reply: apiError(st, 400, 'invalid_params', 'Invalid parameter: publish_id is required.') };
  }
  const task = st.tasks.get(parsed.data.publish_id);
  if (!task) return { ok: false, reply: apiError(st, 400, 'invalid_publish_id', 'The publish_id does not exist.') };
  if (task.openId !== caller.account.openId || task.clientKey !== caller.grant.clientKey) {
    return {
      ok: false,
      reply: apiError(
        st,
        400,
        'token_not_authorized_for_specified_publish_id',
        'The access token is not authorized for the specified publish_id.',
      ),
    };
  }
  ctx.logNote = `account=${task.openId} publish_id=${task.publishId}`;
  return { ok: true, task };
}

/**
 * TikTok's Get Post Status page. Post ids go out as raw 19-digit JSON integers, exactly as TikTok sends them, so a
 * client that JSON.parses them naively gets a rounded id here and not in production.
 */
export async function statusFetch(ctx: RouteContext): Promise<Reply> {
  const st = ctx.state;
  const g = guard(ctx, ['video.upload', 'video.publish'], 'status');
  if (!g.ok) return g.reply;
  const found = await lookup(ctx, g.value);
  if (!found.ok) return found.reply;
  const task = found.task;
  const data: Record<string, unknown> = { status: task.status };
  if (task.status === 'FAILED') data.fail_reason = task.failReason ?? 'internal';
  data.publicaly_available_post_id = task.postIds.map((id) => new RawJson(id));
  if (task.source === 'FILE_UPLOAD') data.uploaded_bytes = task.upload?.receivedBytes ?? 0;
  else data.downloaded_bytes = task.downloadedBytes;
  return ok(st, data);
}

/** TikTok's cancel endpoint (Media Transfer Guide, PULL_FROM_URL): only a PULL_FROM_URL download still in progress can be cancelled. */
export async function cancel(ctx: RouteContext): Promise<Reply> {
  const st = ctx.state;
  const g = guard(ctx, ['video.upload', 'video.publish'], undefined);
  if (!g.ok) return g.reply;
  const found = await lookup(ctx, g.value);
  if (!found.ok) return found.reply;
  const task = found.task;
  if (task.status !== 'PROCESSING_DOWNLOAD') {
    return apiError(st, 400, 'publish_not_cancellable', 'The publish task is not in a cancellable state.');
  }
  task.status = 'FAILED';
  task.failReason = 'publish_cancelled';
  return ok(st, {});
}
