import { formatClockTime, t } from '@/lib/i18n';
import { describeFailReason } from '../engine/fail-reasons';
import type { UploadJobView } from '../engine/upload-types';
import { formatDuration } from './format-progress';

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
  const direct = job.mode === 'direct';
  switch (job.state) {
    case 'queued':
      return {
        headline: t('upload.queued'),
        detail: t('upload.queuedDetail'),
      };
    case 'initializing':
      return { headline: t('upload.starting'), detail: null };
    case 'uploading':
      return {
        headline:
          job.chunk && job.chunk.count > 1
            ? t('upload.uploadingPart', { part: job.chunk.index + 1, count: job.chunk.count })
            : t('upload.uploading'),
        detail: null,
      };
    case 'retrying':
      return { headline: retryHeadline(job, now), detail: job.retry?.message ?? null };
    case 'needs-file':
      return { headline: t('upload.needsFile'), detail: needsFileDetail(job) };
    case 'processing':
      return {
        headline: job.mode === 'direct' ? t('upload.processingDirect') : t('upload.processingDraft'),
        detail:
          job.retry?.kind === 'status'
            ? t('upload.statusRetry', { reason: job.retry.message, wait: secondsUntil(job.retry.nextAttemptAt, now) })
            : null,
      };
    case 'published':
      if (job.mode === 'draft') return { headline: t('upload.postedFromInbox'), detail: null };
      return {
        headline: t('upload.published'),
        detail: job.postUrl ? null : job.awaitingPostLink ? t('upload.linkSoon') : t('upload.onProfile'),
      };
    case 'inbox':
      return { headline: t('upload.inbox'), detail: null };
    case 'failed':
      return { headline: t('upload.failed'), detail: failureDetail(job) };
    case 'cancelled':
      return { headline: t('upload.cancelled'), detail: t('upload.cancelledDetail') };
    case 'unknown':
      return {
        headline: direct ? t('upload.unknownDirect') : t('upload.unknownDraft'),
        detail: [job.error?.message, direct ? t('upload.unknownAdviceDirect') : t('upload.unknownAdviceDraft')]
          .filter(Boolean)
          .join(' '),
      };
  }
}

function retryHeadline(job: UploadJobView, now: number): string {
  const retry = job.retry;
  if (!retry) return t('upload.retrying');
  const wait = secondsUntil(retry.nextAttemptAt, now);
  const headline =
    retry.kind === 'chunk' && retry.chunkIndex !== null
      ? t('upload.retryChunk', { chunk: retry.chunkIndex + 1, wait })
      : retry.kind === 'init'
        ? t('upload.retryInit', { wait })
        : t('upload.retryIn', { wait });
  return retry.maxAttempts
    ? t('upload.withAttempt', { headline, attempt: retry.attempt, max: retry.maxAttempts })
    : headline;
}

function secondsUntil(at: number, now: number): string {
  return formatDuration(Math.max(0, (at - now) / 1000));
}

function needsFileDetail(job: UploadJobView): string {
  const file = job.fileName;
  const time = job.expiresAt ? formatClockTime(job.expiresAt) : null;
  switch (job.needsFileReason) {
    case 'reload-before-start':
      return t('upload.reloadBeforeStart', { file });
    case 'session-ended':
      return time ? t('upload.sessionEndedFileBefore', { file, time }) : t('upload.sessionEndedFile', { file });
    default:
      return time ? t('upload.reloadMidUploadBefore', { file, time }) : t('upload.reloadMidUpload', { file });
  }
}

function failureDetail(job: UploadJobView): string {
  if (job.failReason) return describeFailReason(job.failReason).message;
  const message = job.error?.message ?? t('upload.stopped');
  if (job.resumable) return `${message} ${t('upload.resumeHint', { file: job.fileName })}`;
  // Before processing, TikTok never got the whole video, so nothing can appear. Said once: the
  // proxy's English and the engine's own messages (in the language of their day) may say it already.
  const nothingPosted = t('upload.nothingPosted');
  const saysSo = /nothing was posted/i.test(message) || message.includes(nothingPosted);
  return job.publishId && !saysSo ? `${message} ${nothingPosted}` : message;
}
