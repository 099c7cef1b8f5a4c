import { useEffect, useId, useRef, useState } from 'react';
import { useT } from '@/lib/i18n';
import { describeFacts, formatTimestamp } from '../video-checks';
import type { VideoFacts } from '../media/video-facts';
import { TimeSlider } from './time-slider';
import './video-preview.css';

/** A browser that can play the file shows its first frame within moments; after this, give up. */
export const PREVIEW_TIMEOUT_MS = 15_000;

export type CoverControl = {
  valueMs: number;
  maxMs: number;
  onChange: (ms: number) => void;
};

export type VideoPreviewProps = {
  file: File;
  /** What the container says (length, picture size, codecs); read before the preview is made. */
  facts: VideoFacts;
  /** The cover-frame slider; null hides it (drafts). */
  cover: CoverControl | null;
};

/**
 * The preview TikTok's audit asks for (TikTok's Content Sharing Guidelines): the creator's own file, played from an
 * object URL (nothing leaves the browser), revoked when the file changes or the form goes away.
 * The player is for looking only: length and size come from the container (`facts`). When this
 * browser cannot play the video (HEVC in Chromium on Linux, say), what was read is shown instead,
 * the cover is chosen by time, and the creator is told why there is no picture.
 */
export function VideoPreview({ file, facts, cover }: VideoPreviewProps) {
  const t = useT();
  const videoRef = useRef<HTMLVideoElement>(null);
  const activeUrl = useRef<string | null>(null);
  const [playable, setPlayable] = useState<'trying' | 'yes' | 'no'>(() => (canPlay(facts) ? 'trying' : 'no'));
  const coverHintId = useId();
  const factsId = useId();
  const showPlayer = playable !== 'no';

  // The object URL lives exactly as long as this file is shown: created here, revoked on change or
  // unmount. Set on the element directly, so there is no render with a revoked URL in between.
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !showPlayer) return undefined;
    const objectUrl = URL.createObjectURL(file);
    activeUrl.current = objectUrl;
    video.src = objectUrl;
    // A codec the browser cannot decode sometimes fires neither loadeddata nor error.
    const timer = setTimeout(() => setPlayable((now) => (now === 'trying' ? 'no' : now)), PREVIEW_TIMEOUT_MS);
    return () => {
      clearTimeout(timer);
      activeUrl.current = null;
      video.removeAttribute('src');
      // Stops a load still in flight; otherwise it goes on fetching the URL revoked next, and
      // Chromium logs ERR_FILE_NOT_FOUND for it (picking files in quick succession).
      video.load();
      URL.revokeObjectURL(objectUrl);
    };
  }, [file, showPlayer]);

  function seekTo(ms: number) {
    const video = videoRef.current;
    if (video && playable !== 'no') {
      video.pause();
      video.currentTime = ms / 1000;
    }
    cover?.onChange(ms);
  }

  return (
    <div className="video-preview">
      {playable === 'no' ? (
        <div className="video-preview__none" role="note" aria-labelledby={factsId}>
          <p id={factsId} className="video-preview__none-title">
            {t('composer.preview.none')}
          </p>
          <p className="composer-hint">
            {facts.videoCodec === 'hevc' ? t('composer.preview.cantPlayHevc') : t('composer.preview.cantPlay')}
          </p>
        </div>
      ) : (
        <video
          ref={videoRef}
          className="video-preview__video"
          controls
          muted
          playsInline
          preload="metadata"
          aria-label={t('composer.preview.label', { file: file.name })}
          onLoadedData={() => setPlayable('yes')}
          onError={(event) => {
            // Only an error of the current URL counts (not one from a URL just revoked and replaced).
            if (event.currentTarget.src === activeUrl.current) setPlayable('no');
          }}
        />
      )}
      <p className="video-preview__name">{file.name}</p>
      <p className="video-preview__facts" data-testid="video-facts">
        {describeFacts(facts)}
      </p>
      {cover ? (
        <div className="video-preview__cover">
          <TimeSlider
            label={t('composer.cover')}
            valueMs={cover.valueMs}
            maxMs={cover.maxMs}
            describedBy={coverHintId}
            onChange={seekTo}
          />
          <p id={coverHintId} className="composer-hint">
            {t(playable === 'no' ? 'composer.cover.byTime' : 'composer.cover.byFrame', {
              time: formatTimestamp(cover.valueMs),
            })}
          </p>
        </div>
      ) : null}
    </div>
  );
}

/** `canPlayType` knows at once for most codecs; '' means this browser surely cannot play it. */
function canPlay(facts: VideoFacts): boolean {
  if (typeof document === 'undefined' || !facts.codecsParameter) return true;
  // Chromium plays MOV through its MP4 demuxer but answers '' for video/quicktime.
  const type = facts.container === 'webm' ? 'video/webm' : 'video/mp4';
  const probe = document.createElement('video');
  if (typeof probe.canPlayType !== 'function') return true;
  return probe.canPlayType(`${type}; codecs="${facts.codecsParameter}"`) !== '';
}
