import { useId, useRef, useState, type DragEvent, type Ref } from 'react';
import { buttonClassName } from '@/components/ui/button';
import { VIDEO_FILE_ACCEPT } from '@content-studio/contract';
import { useT } from '@/lib/i18n';
import type { VideoProblem } from '../video-checks';
import './video-picker.css';

export type VideoPickerProps = {
  onPick: (file: File) => void;
  hasVideo: boolean;
  /** The requirements line under the button, e.g. "MP4, MOV or WebM · up to 4 GB · up to 10:00". */
  requirements: string;
  inputRef?: Ref<HTMLInputElement>;
  /** Ids of the problems/notes about the current video, so they are read with the button. */
  describedBy?: string | undefined;
};

/**
 * Choosing the video: a drop zone for a mouse, and a real file input (styled as a button) for
 * everyone, keyboard included. Picking only hands the File to the form: nothing is read beyond its
 * name, type and size here, and nothing is sent anywhere.
 */
export function VideoPicker({ onPick, hasVideo, requirements, inputRef, describedBy }: VideoPickerProps) {
  const t = useT();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);
  const requirementsId = useId();

  function take(files: FileList | null | undefined) {
    const file = files?.[0];
    if (file) onPick(file);
  }

  function onDragEnter(event: DragEvent) {
    if (!event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    depth.current += 1;
    setDragging(true);
  }

  function onDragLeave() {
    depth.current = Math.max(0, depth.current - 1);
    if (depth.current === 0) setDragging(false);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    take(event.dataTransfer.files);
  }

  return (
    <div
      className={`video-picker${dragging ? ' video-picker--dragging' : ''}${hasVideo ? ' video-picker--compact' : ''}`}
      data-testid="video-drop-zone"
      onDragEnter={onDragEnter}
      onDragOver={(event) => event.preventDefault()}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      {hasVideo ? null : (
        <>
          <svg className="video-picker__icon" viewBox="0 0 48 48" aria-hidden="true" focusable="false">
            <rect x="9" y="5" width="30" height="38" rx="6" />
            <path d="M21 18v12l10-6z" />
          </svg>
          <p className="video-picker__title">{t('composer.picker.drag')}</p>
          <p className="video-picker__or" aria-hidden="true">
            {t('composer.picker.or')}
          </p>
        </>
      )}
      <label className={`${buttonClassName(hasVideo ? 'ghost' : 'secondary', 'md')} video-picker__button`}>
        {hasVideo ? t('composer.picker.chooseAnother') : t('composer.picker.choose')}
        <input
          ref={inputRef}
          className="visually-hidden"
          type="file"
          accept={VIDEO_FILE_ACCEPT}
          aria-describedby={[requirementsId, describedBy].filter(Boolean).join(' ')}
          onChange={(event) => {
            take(event.target.files);
            // Picking the same file again after fixing it elsewhere must still fire a change.
            event.target.value = '';
          }}
        />
      </label>
      <p id={requirementsId} className="video-picker__requirements">
        {requirements}
      </p>
    </div>
  );
}

export type VideoProblemsProps = {
  id: string;
  problems: VideoProblem[];
};

/** What is wrong with the chosen video and how to fix each thing; announced as it appears. */
export function VideoProblems({ id, problems }: VideoProblemsProps) {
  const t = useT();
  if (problems.length === 0) return null;
  return (
    <div id={id} className="video-problems" role="alert">
      <p className="video-problems__title">{t('composer.problems')}</p>
      <ul className="video-problems__list">
        {problems.map((problem) => (
          <li key={problem.id}>
            <span className="video-problems__message">{problem.message}</span> {problem.fix}
          </li>
        ))}
      </ul>
    </div>
  );
}
