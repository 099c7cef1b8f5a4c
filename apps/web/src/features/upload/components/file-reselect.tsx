import { useId, useState } from 'react';
import { VIDEO_FILE_ACCEPT } from '@content-studio/contract';
import { useT } from '@/lib/i18n';
import type { UploadJobView } from '../engine/upload-types';

/** The file can't be kept across a reload, so the creator picks it again; we check it's the same one. */
export function FileReselect({
  job,
  onProvideFile,
}: {
  job: UploadJobView;
  onProvideFile: (file: File) => Promise<{ ok: true } | { ok: false; reason: string }>;
}) {
  const t = useT();
  const inputId = useId();
  const [checking, setChecking] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="upload-job__reselect">
      <label htmlFor={inputId} className="upload-job__reselect-label">
        {t('upload.chooseAgain', { file: job.fileName })}
      </label>
      <input
        id={inputId}
        type="file"
        accept={VIDEO_FILE_ACCEPT}
        className="upload-job__reselect-input"
        disabled={checking}
        aria-describedby={problem ? `${inputId}-problem` : undefined}
        onChange={(event) => {
          const input = event.currentTarget;
          const file = input.files?.[0];
          if (!file) return;
          setChecking(true);
          setProblem(null);
          void onProvideFile(file).then((result) => {
            setChecking(false);
            if (!result.ok) {
              setProblem(result.reason);
              // Lets the creator pick the same (wrong) file again after fixing it, and still get a change event.
              input.value = '';
            }
          });
        }}
      />
      {checking ? <p className="upload-job__hint">{t('upload.checkingFile')}</p> : null}
      {problem ? (
        <p id={`${inputId}-problem`} role="alert" className="upload-job__problem">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
