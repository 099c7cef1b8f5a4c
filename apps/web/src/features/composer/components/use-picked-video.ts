import { useEffect, useRef, useState } from 'react';
import { checkVideoFile, type VideoProblem } from '../video-checks';
import { readVideo } from '../media/read-video';
import type { VideoRead } from '../media/video-facts';

export type PickedVideo = {
  /** Keys the preview, so every pick starts with a fresh player and a fresh read. */
  id: number;
  file: File;
  /** Size problems, seen before reading: the file is refused without being read. */
  fileProblems: VideoProblem[];
  /** What the container says; null while it is being read. */
  read: VideoRead | null;
  /** Set when this file is a cut the creator made here, from a longer one. */
  trimmedFrom: { name: string; startSec: number } | null;
};

/**
 * The chosen video and its container read. A newer pick aborts the read of the one before, and a
 * late answer about a file no longer shown is dropped.
 */
export function usePickedVideo() {
  const [video, setVideo] = useState<PickedVideo | null>(null);
  const nextId = useRef(1);

  const reading = video !== null && video.fileProblems.length === 0 && video.read === null;
  const id = video?.id;
  const file = video?.file;
  useEffect(() => {
    if (!reading || !file) return undefined;
    const abort = new AbortController();
    const settle = (read: VideoRead) => {
      if (!abort.signal.aborted) setVideo((current) => (current && current.id === id ? { ...current, read } : current));
    };
    // readVideo resolves with what it found; a rejection (the File vanished from disk) reads as unreadable.
    void readVideo(file, abort.signal).then(settle, () => settle({ kind: 'unreadable' }));
    return () => abort.abort();
  }, [reading, id, file]);

  function pick(picked: File, trimmedFrom: PickedVideo['trimmedFrom'] = null) {
    setVideo({ id: nextId.current++, file: picked, fileProblems: checkVideoFile(picked), read: null, trimmedFrom });
  }

  return { video, pick, clear: () => setVideo(null) };
}
