import { useId, useSyncExternalStore } from 'react';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import type { UploadJobView } from '../engine/upload-types';
import { useT } from '@/lib/i18n';
import { describeJob } from './describe-job';
import { FileReselect } from './file-reselect';
import { formatBytes } from '@/lib/format-bytes';
import { formatProgress } from './format-progress';
import { JobDiagnostics } from './job-diagnostics';

export interface UploadJobCardProps {
  job: UploadJobView;
  onCancel: (id: string) => void;
  onDismiss: (id: string) => void;
  onProvideFile: (id: string, file: File) => Promise<{ ok: true } | { ok: false; reason: string }>;
}

const CANCELLABLE = new Set<UploadJobView['state']>(['queued', 'initializing', 'uploading', 'retrying', 'needs-file']);
const DISMISSABLE = new Set<UploadJobView['state']>(['published', 'inbox', 'failed', 'cancelled', 'unknown']);
const SHOWS_PROGRESS = new Set<UploadJobView['state']>(['initializing', 'uploading', 'retrying', 'needs-file']);

let clockNow = Date.now();

function subscribeClock(onTick: () => void): () => void {
  clockNow = Date.now();
  const timer = setInterval(() => {
    clockNow = Date.now();
    onTick();
  }, 1_000);
  return () => clearInterval(timer);
}

const subscribeNothing = () => () => undefined;
const readClock = () => clockNow;

/** The time, ticking once a second while a countdown is on screen and not at all otherwise. */
function useNow(active: boolean): number {
  return useSyncExternalStore(active ? subscribeClock : subscribeNothing, readClock, readClock);
}

export function UploadJobCard({ job, onCancel, onDismiss, onProvideFile }: UploadJobCardProps) {
  const t = useT();
  const id = useId();
  const now = useNow(job.retry !== null);
  const text = describeJob(job, now);
  const progressText = formatProgress(job.progress);
  const showDiagnostics = ['failed', 'unknown'].includes(job.state) || (job.error !== null && job.publishId !== null);

  return (
    <article className={`upload-job upload-job--${job.state}`} aria-labelledby={`${id}-name`}>
      <header className="upload-job__header">
        <h3 id={`${id}-name`} className="upload-job__name">
          {job.fileName}
        </h3>
        <p className="upload-job__meta">
          <span className="upload-job__mode">
            {job.mode === 'direct' ? t('upload.modeDirect') : t('upload.modeDraft')}
          </span>
          <span aria-hidden="true"> · </span>
          {formatBytes(job.size)}
        </p>
      </header>

      <p className="upload-job__headline">
        {job.state === 'processing' || job.state === 'initializing' ? <Spinner /> : null}
        {text.headline}
      </p>
      {text.detail ? <p className="upload-job__detail">{text.detail}</p> : null}
      {job.notice ? <p className="upload-job__notice">{job.notice}</p> : null}

      {SHOWS_PROGRESS.has(job.state) ? (
        <div className="upload-job__progress">
          <progress
            className="upload-job__bar"
            aria-label={t('upload.progressLabel', { file: job.fileName })}
            aria-describedby={`${id}-progress`}
            max={job.progress.totalBytes}
            // No value while starting: an indeterminate bar, since nothing is being sent yet.
            {...(job.state === 'initializing' ? {} : { value: job.progress.sentBytes })}
          />
          <p id={`${id}-progress`} className="upload-job__progress-text">
            {progressText}
          </p>
        </div>
      ) : null}

      {job.mode === 'direct' && (job.state === 'processing' || job.state === 'published') ? (
        <p className="upload-job__hint">{t('upload.profileDelay')}</p>
      ) : null}

      {job.state === 'published' && job.postUrl ? (
        <p>
          <a className="upload-job__link" href={job.postUrl} target="_blank" rel="noopener noreferrer">
            {t('upload.viewOnTikTok')}
            <span className="visually-hidden"> {t('upload.newTab')}</span>
          </a>
        </p>
      ) : null}

      {job.resumable ? <FileReselect job={job} onProvideFile={(file) => onProvideFile(job.id, file)} /> : null}

      {showDiagnostics ? <JobDiagnostics job={job} /> : null}

      {CANCELLABLE.has(job.state) || DISMISSABLE.has(job.state) ? (
        <div className="upload-job__actions">
          {CANCELLABLE.has(job.state) ? (
            <Button
              variant="secondary"
              onClick={() => onCancel(job.id)}
              aria-label={t('upload.cancelLabel', { file: job.fileName })}
            >
              {t('upload.cancel')}
            </Button>
          ) : (
            <Button
              variant="ghost"
              onClick={() => onDismiss(job.id)}
              aria-label={t('upload.dismissLabel', { file: job.fileName })}
            >
              {t('upload.dismiss')}
            </Button>
          )}
        </div>
      ) : null}
    </article>
  );
}
