import { useEffect, useId, useLayoutEffect, useRef, type SyntheticEvent } from 'react';
import { formatTimestamp, type VideoMetadata } from '../video-checks';
import './video-preview.css';

/** A browser that can read the file at all has its metadata within moments; after this, give up. */
export const METADATA_TIMEOUT_MS = 15_000;

export type CoverControl = {
  valueMs: number;
  maxMs: number;
  onChange: (ms: number) => void;
};

export type VideoPreviewProps = {
  file: File;
  /** Called once per file: what the browser read, or null when it could not read the video. */
  onMetadata: (metadata: VideoMetadata | null) => void;
  /** The cover-frame slider; null hides it (drafts, or a video whose length is unknown). */
  cover: CoverControl | null;
};

/**
 * The preview TikTok's audit asks for (api-spec §4.5a): the creator's own file, played from an
 * object URL (nothing leaves the browser), revoked when the file changes or the form goes away.
 * Its loadedmetadata event is also where length and resolution are read for the checks.
 */
export function VideoPreview({ file, onMetadata, cover }: VideoPreviewProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const reported = useRef(false);
  const seekingForDuration = useRef(false);
  const activeUrl = useRef<string | null>(null);
  const report = useRef(onMetadata);
  useLayoutEffect(() => {
    report.current = onMetadata;
  });
  const coverId = useId();
  const coverHintId = useId();

  // The object URL lives exactly as long as this file is shown: created here, revoked on change or
  // unmount. Set on the element directly, so there is no render with a revoked URL in between.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return undefined;
    const objectUrl = URL.createObjectURL(file);
    reported.current = false;
    seekingForDuration.current = false;
    activeUrl.current = objectUrl;
    video.src = objectUrl;
    // A codec the browser cannot decode sometimes fires neither loadedmetadata nor error.
    const timer = setTimeout(() => {
      if (reported.current) return;
      reported.current = true;
      report.current(null);
    }, METADATA_TIMEOUT_MS);
    return () => {
      clearTimeout(timer);
      activeUrl.current = null;
      video.removeAttribute('src');
      URL.revokeObjectURL(objectUrl);
    };
  }, [file]);

  function done(metadata: VideoMetadata | null) {
    if (reported.current) return;
    reported.current = true;
    report.current(metadata);
  }

  function onLoadedMetadata(event: SyntheticEvent<HTMLVideoElement>) {
    const video = event.currentTarget;
    if (video.duration === Infinity) {
      // WebM from screen recorders often has no length in its header. Seeking far past the end
      // makes the browser find the real one and fire durationchange.
      seekingForDuration.current = true;
      video.currentTime = Number.MAX_SAFE_INTEGER;
      return;
    }
    done(read(video));
  }

  function onDurationChange(event: SyntheticEvent<HTMLVideoElement>) {
    const video = event.currentTarget;
    if (!seekingForDuration.current || !Number.isFinite(video.duration)) return;
    seekingForDuration.current = false;
    video.currentTime = 0;
    done(read(video));
  }

  function seekTo(ms: number) {
    const video = videoRef.current;
    if (video) {
      video.pause();
      video.currentTime = ms / 1000;
    }
    cover?.onChange(ms);
  }

  return (
    <div className="video-preview">
      <video
        ref={videoRef}
        className="video-preview__video"
        controls
        muted
        playsInline
        preload="metadata"
        aria-label={`Preview of ${file.name}`}
        onLoadedMetadata={onLoadedMetadata}
        onDurationChange={onDurationChange}
        onError={(event) => {
          // Only an error of the current URL counts (not one from a URL just revoked and replaced).
          if (event.currentTarget.src === activeUrl.current) done(null);
        }}
      />
      <p className="video-preview__name">{file.name}</p>
      {cover ? (
        <div className="video-preview__cover">
          <label htmlFor={coverId} className="composer-label">
            Cover frame
          </label>
          <input
            id={coverId}
            className="video-preview__slider"
            type="range"
            min={0}
            max={cover.maxMs}
            step={100}
            value={cover.valueMs}
            aria-valuetext={formatTimestamp(cover.valueMs)}
            aria-describedby={coverHintId}
            onChange={(event) => seekTo(Number(event.target.value))}
          />
          <p id={coverHintId} className="composer-hint">
            Slide to choose the frame TikTok shows as the cover: {formatTimestamp(cover.valueMs)}.
          </p>
        </div>
      ) : null}
    </div>
  );
}

function read(video: HTMLVideoElement): VideoMetadata {
  const { duration } = video;
  return {
    durationSec: Number.isFinite(duration) && duration > 0 ? duration : null,
    // 0 means the browser has the container but cannot decode the picture: unknown, not tiny.
    width: video.videoWidth || null,
    height: video.videoHeight || null,
  };
}
