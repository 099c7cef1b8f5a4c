import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';
import type { UploadQueue as UploadQueueApi } from '../hooks/use-upload-queue';
import { describeJob } from './describe-job';
import { UploadJobCard } from './upload-job-card';
import './upload-queue.css';

export type UploadQueueProps = {
  queue: UploadQueueApi;
  /** The queue's heading; with several accounts, it names the account the uploads go to. */
  heading?: string;
};

/**
 * The creator's uploads: progress while sending, then TikTok's verdict. Screen readers hear each
 * change of state once (a polite live region), never every percent of progress.
 */
export function UploadQueue({ queue, heading }: UploadQueueProps) {
  const t = useT();
  const announcement = useStateAnnouncements(queue.jobs);
  const titleId = useId();
  return (
    <section className="upload-queue" aria-labelledby={queue.jobs.length > 0 ? titleId : undefined}>
      {/* Always rendered: a live region must exist before its text changes to be announced.
          <output> is a polite status region (implicit role="status"). */}
      <output className="visually-hidden" aria-atomic="true">
        {announcement}
      </output>
      {queue.jobs.length > 0 ? (
        <>
          <h2 id={titleId} className="upload-queue__title">
            {heading ?? t('upload.title')}
          </h2>
          <ol className="upload-queue__list">
            {queue.jobs.map((job) => (
              <li key={job.id}>
                <UploadJobCard
                  job={job}
                  onCancel={queue.cancel}
                  onDismiss={queue.dismiss}
                  onProvideFile={queue.provideFile}
                />
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}

function useStateAnnouncements(jobs: UploadQueueApi['jobs']): string {
  const previous = useRef<Map<string, string> | null>(null);
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    const current = new Map(jobs.map((job) => [job.id, job.state]));
    const before = previous.current;
    previous.current = current;
    // Jobs already there on first render (restored after a reload) are not news.
    if (!before) return;
    const changed = jobs.filter((job) => before.get(job.id) !== job.state);
    if (changed.length > 0) setAnnouncement(changed.map((job) => describeJob(job).announcement).join('. '));
  }, [jobs]);
  return announcement;
}
