import { describeFailReason } from '../engine/fail-reasons';
import type { UploadJobView } from '../engine/upload-types';
import { formatDuration } from './format-progress';

export const PROFILE_DELAY_NOTICE =
  'After publishing, it may take a few minutes for your video to appear on your TikTok profile.';

export const INBOX_TEXT = 'Delivered to your TikTok inbox — open the notification in the TikTok app to finish the post';

export const CANCELLED_TEXT =
  'Cancelled. Nothing will be posted: TikTok discards uploads that never finish, after about an hour.';

export interface JobText {
  /** One line: what is happening now. */
  headline: string;
  /** What it means or what to do, when there is more to say. */
  detail: string | null;
  /** For the polite live region; only spoken when the state changes. */
  announcement: string;
}

/** What the creator reads about one job. Plain text only, so it is tested without a DOM. */
export function describeJob(job: UploadJobView, now: number = Date.now()): JobText {
  const text = describe(job, now);
  return { ...text, announcement: `${job.fileName}: ${text.headline}` };
}

function describe(job: UploadJobView, now: number): Omit<JobText, 'announcement'> {
  const where = job.mode === 'direct' ? 'TikTok profile' : 'TikTok inbox';
  switch (job.state) {
    case 'queued':
      return {
        headline: 'Waiting to upload',
        detail: 'Videos are sent one at a time; this one starts when the one before it is done.',
      };
    case 'initializing':
      return { headline: 'Starting the upload…', detail: null };
    case 'uploading':
      return {
        headline:
          job.chunk && job.chunk.count > 1
            ? `Uploading part ${job.chunk.index + 1} of ${job.chunk.count}`
            : 'Uploading',
        detail: null,
      };
    case 'retrying':
      return { headline: retryHeadline(job, now), detail: job.retry?.message ?? null };
    case 'needs-file':
      return { headline: 'Choose the file again to continue', detail: needsFileDetail(job) };
    case 'processing':
      return {
        headline:
          job.mode === 'direct'
            ? 'Uploaded — TikTok is processing your video'
            : 'Uploaded — TikTok is preparing your draft',
        detail:
          job.retry?.kind === 'status'
            ? `Couldn’t check the status (${job.retry.message}) Checking again in ${secondsUntil(job.retry.nextAttemptAt, now)}.`
            : null,
      };
    case 'published':
      if (job.mode === 'draft') return { headline: 'Posted from your TikTok inbox', detail: null };
      return {
        headline: 'Published',
        detail: job.postUrl
          ? null
          : job.awaitingPostLink
            ? 'The link appears once TikTok has finished checking the post, usually within a minute or two.'
            : 'You’ll find it on your TikTok profile.',
      };
    case 'inbox':
      return { headline: INBOX_TEXT, detail: null };
    case 'failed':
      return { headline: 'Failed', detail: failureDetail(job) };
    case 'cancelled':
      return { headline: 'Cancelled', detail: CANCELLED_TEXT };
    case 'unknown':
      return {
        headline: `Outcome unknown — check your ${where}`,
        detail: [
          job.error?.message,
          `Look at your ${where} before posting this video again: if TikTok did receive it, posting again creates a duplicate.`,
        ]
          .filter(Boolean)
          .join(' '),
      };
  }
}

function retryHeadline(job: UploadJobView, now: number): string {
  const retry = job.retry;
  if (!retry) return 'Retrying…';
  const wait = secondsUntil(retry.nextAttemptAt, now);
  const attempt = retry.maxAttempts ? ` (attempt ${retry.attempt} of ${retry.maxAttempts})` : '';
  if (retry.kind === 'chunk' && retry.chunkIndex !== null)
    return `Retrying chunk ${retry.chunkIndex + 1} in ${wait}${attempt}`;
  if (retry.kind === 'init') return `TikTok asked us to slow down — starting again in ${wait}${attempt}`;
  return `Retrying in ${wait}${attempt}`;
}

function secondsUntil(at: number, now: number): string {
  return formatDuration(Math.max(0, (at - now) / 1000));
}

function needsFileDetail(job: UploadJobView): string {
  const until = job.expiresAt
    ? ` before ${new Date(job.expiresAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`
    : '';
  switch (job.needsFileReason) {
    case 'reload-before-start':
      return `The page was reloaded before this upload started, so nothing was sent yet. Choose “${job.fileName}” again to start it.`;
    case 'session-ended':
      return `Your TikTok session ended. Connect your account again, then choose “${job.fileName}” again to continue${until}.`;
    default:
      return `The page was reloaded during the upload. Choose “${job.fileName}” again to continue where it stopped${until}; after that, TikTok no longer accepts it.`;
  }
}

function failureDetail(job: UploadJobView): string {
  if (job.failReason) return describeFailReason(job.failReason).message;
  const message = job.error?.message ?? 'The upload stopped.';
  if (job.resumable) return `${message} Choose “${job.fileName}” again to continue from where it stopped.`;
  // Before processing, TikTok never got the whole video, so nothing can appear.
  return job.publishId && !/nothing was posted/i.test(message) ? `${message} Nothing was posted.` : message;
}
