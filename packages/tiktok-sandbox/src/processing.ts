import { nineteenDigits } from './ids';
import { judgeMedia } from './media/media-checks';
import { readMedia } from './media/read-media';
import type { PublishTask, SandboxState } from './state';

/** TikTok's Media Transfer Guide (media restrictions): developers may send up to 10 minutes through the inbox flow; users trim in the app. */
const INBOX_MAX_DURATION_SEC = 600;

function isTerminal(task: PublishTask): boolean {
  return task.status === 'FAILED' || task.status === 'PUBLISH_COMPLETE';
}

function fail(st: SandboxState, task: PublishTask, reason: string): void {
  task.status = 'FAILED';
  task.failReason = reason;
  st.log(`publish ${task.publishId} FAILED ${reason}`);
}

function durationLimit(st: SandboxState, task: PublishTask): number {
  if (task.mode === 'inbox') return INBOX_MAX_DURATION_SEC;
  return st.accounts.get(task.openId)?.maxVideoPostDurationSec ?? INBOX_MAX_DURATION_SEC;
}

/**
 * The end of TikTok's pipeline: media checks, then either a post (direct) or an inbox
 * notification (drafts). Public posts get their id only after "moderation", and an empty id list
 * before that is not a failure (TikTok's Get Post Status page), which clients must cope with.
 */
function finishProcessing(st: SandboxState, task: PublishTask): void {
  if (isTerminal(task)) return;
  const up = task.upload;
  if (up?.media) {
    const verdict = judgeMedia(up.media, durationLimit(st, task));
    if (verdict.kind === 'fail') {
      up.mediaNote = verdict.detail;
      st.log(`publish ${task.publishId} media: ${verdict.detail}`);
      fail(st, task, verdict.failReason);
      return;
    }
    if (verdict.note) {
      up.mediaNote = verdict.note;
      st.log(`publish ${task.publishId} ${verdict.note}`);
    }
  }
  if (task.mode === 'inbox') {
    task.status = 'SEND_TO_USER_INBOX';
    st.log(`publish ${task.publishId} SEND_TO_USER_INBOX`);
    return;
  }
  task.status = 'PUBLISH_COMPLETE';
  st.log(`publish ${task.publishId} PUBLISH_COMPLETE`);
  if (task.effectivePrivacyLevel === 'PUBLIC_TO_EVERYONE') {
    st.schedule(st.options.moderationDelayMs, () => {
      if (task.status === 'PUBLISH_COMPLETE') task.postIds.push(nineteenDigits());
    });
  }
}

/**
 * Reads the received file once it is complete, from the windows kept while it streamed: TikTok
 * processes a file after its last chunk and fails it with the reasons its "Get Post Status" page
 * lists. With mediaChecks 'off' nothing is read and every upload passes.
 */
async function inspectUpload(st: SandboxState, task: PublishTask): Promise<void> {
  const up = task.upload;
  const received = up?.received;
  if (!up || !received) return;
  up.received = null;
  if (st.options.mediaChecks === 'off') return;
  up.media = await readMedia(received.seal());
}

/** After the last chunk (FILE_UPLOAD) or right after init (PULL_FROM_URL, nothing is fetched). */
export function scheduleProcessing(st: SandboxState, task: PublishTask): void {
  // The read runs while the processing delay passes; the verdict waits for both.
  const inspected = inspectUpload(st, task);
  st.schedule(st.options.processingDelayMs, () => {
    void inspected.then(() => finishProcessing(st, task));
  });
}

export type DraftResult = 'ok' | 'unknown' | 'not-in-inbox';

/** The creator tapped the inbox notification and posted (TikTok's Upload reference); only then PUBLISH_COMPLETE. */
export function finishDraft(st: SandboxState, publishId: string): DraftResult {
  const task = st.tasks.get(publishId);
  if (!task) return 'unknown';
  if (task.mode !== 'inbox' || task.status !== 'SEND_TO_USER_INBOX') return 'not-in-inbox';
  task.status = 'PUBLISH_COMPLETE';
  st.log(`publish ${task.publishId} PUBLISH_COMPLETE (draft finished)`);
  return 'ok';
}

export type ForceFailResult = 'ok' | 'unknown' | 'terminal';

/** Test hook: end a task with any fail_reason (the table of TikTok's Get Post Status page) to exercise the client's mapping. */
export function forceFail(st: SandboxState, publishId: string, reason: string): ForceFailResult {
  const task = st.tasks.get(publishId);
  if (!task) return 'unknown';
  if (isTerminal(task)) return 'terminal';
  fail(st, task, reason);
  return 'ok';
}
