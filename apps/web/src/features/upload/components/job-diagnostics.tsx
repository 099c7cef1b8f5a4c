import { useState } from 'react';
import { Button } from '@/components/ui/button';
import { useT } from '@/lib/i18n';
import type { UploadJobView } from '../engine/upload-types';
import { copyText } from './copy-text';

/**
 * What support needs to find the post at TikTok: shown, and copyable in one go. In English whatever
 * the page's language, so it can be pasted to support as it is (docs/decisions/023-languages-with-lingui.md).
 */
export function diagnosticsText(job: UploadJobView): string {
  return [
    `File: ${job.fileName} (${job.size} bytes, ${job.mode === 'direct' ? 'direct post' : 'draft'})`,
    `Publish ID: ${job.publishId ?? 'none (TikTok was never asked to start this upload)'}`,
    job.error?.tiktokLogId ? `TikTok log ID: ${job.error.tiktokLogId}` : null,
    job.error ? `Error code: ${job.error.code}` : null,
    job.failReason ? `TikTok fail reason: ${job.failReason}` : null,
  ]
    .filter(Boolean)
    .join('\n');
}

export function JobDiagnostics({ job }: { job: UploadJobView }) {
  const t = useT();
  const [copy, setCopy] = useState<'idle' | 'copied' | 'failed'>('idle');
  const text = diagnosticsText(job);
  return (
    <details className="upload-job__diagnostics">
      <summary>{t('upload.support')}</summary>
      <pre className="upload-job__diagnostics-text" lang="en">
        {text}
      </pre>
      <div className="upload-job__diagnostics-actions">
        <Button
          variant="secondary"
          onClick={() => {
            void copyText(text).then((ok) => setCopy(ok ? 'copied' : 'failed'));
          }}
        >
          {t('upload.copy')}
        </Button>
        <output className="upload-job__copy-status">
          {copy === 'copied' ? t('upload.copied') : copy === 'failed' ? t('upload.copyFailed') : ''}
        </output>
      </div>
    </details>
  );
}
