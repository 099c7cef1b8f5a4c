import { useEffect, useId, useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { formatBytes } from '@/lib/format-bytes';
import { useT } from '@/lib/i18n';
import { formatDuration, formatTimestamp } from '../video-checks';
import { startTrim, type TrimTask } from '../media/trim-video';
import type { VideoFacts } from '../media/video-facts';
import { TimeSlider } from './time-slider';
import './trim-offer.css';

export type TrimOfferProps = {
  file: File;
  facts: VideoFacts;
  /** The longest the creator may send in this mode. */
  maxLengthSec: number;
  /** The cut is made: it replaces the picked video (and is checked again like any pick). `startSec` is where it really begins (a key frame, for a copy). */
  onTrimmed: (file: File, startSec: number) => void;
};

type State =
  | { status: 'idle' }
  | { status: 'cutting'; fraction: number }
  | { status: 'cannot'; reason: string }
  | { status: 'cancelled' };

/**
 * "Too long" fixed in the tab: choose where the kept part starts, and the video is cut to the
 * creator's limit from there. The cut is made on this device (media/trim-video.ts); nothing is sent
 * until the creator posts it, and then only to TikTok, through the same upload as any video.
 */
export function TrimOffer({ file, facts, maxLengthSec, onTrimmed }: TrimOfferProps) {
  const t = useT();
  const [startMs, setStartMs] = useState(0);
  const [state, setState] = useState<State>({ status: 'idle' });
  const task = useRef<TrimTask | null>(null);
  const headingId = useId();
  const startHintId = useId();
  const maxStartMs = Math.max(0, Math.floor((facts.durationSec - maxLengthSec) * 10) * 100);
  const endMs = Math.min(facts.durationSec * 1000, startMs + maxLengthSec * 1000);
  const limit = formatDuration(maxLengthSec);

  // Leaving the screen (or picking another file) stops a cut in progress.
  useEffect(() => () => task.current?.cancel(), []);

  function cut() {
    setState({ status: 'cutting', fraction: 0 });
    const running = startTrim(file, facts, { startSec: startMs / 1000, maxLengthSec }, (fraction) =>
      setState((now) => (now.status === 'cutting' ? { status: 'cutting', fraction } : now)),
    );
    task.current = running;
    void running.outcome.then((outcome) => {
      if (task.current !== running) return;
      task.current = null;
      if (outcome.kind === 'done') onTrimmed(outcome.file, outcome.startSec);
      else if (outcome.kind === 'cannot') setState({ status: 'cannot', reason: outcome.reason });
      else setState({ status: 'cancelled' });
    });
  }

  const cutting = state.status === 'cutting';
  return (
    <section className="trim-offer" aria-labelledby={headingId}>
      <h3 id={headingId} className="trim-offer__title">
        {t('composer.trim.title', { limit })}
      </h3>
      <p className="composer-hint">{t('composer.trim.hint', { limit })}</p>
      {maxStartMs > 0 ? (
        <div className="trim-offer__start">
          <TimeSlider
            label={t('composer.trim.start')}
            valueMs={startMs}
            maxMs={maxStartMs}
            describedBy={startHintId}
            disabled={cutting}
            onChange={setStartMs}
          />
        </div>
      ) : null}
      <p id={startHintId} className="trim-offer__range">
        {t('composer.trim.range', {
          from: formatTimestamp(startMs),
          to: formatTimestamp(endMs),
          total: formatDuration(Math.ceil(facts.durationSec)),
        })}
      </p>
      {cutting ? (
        <div className="trim-offer__progress">
          <progress
            max={1}
            value={state.fraction}
            aria-label={t('composer.trim.cutting')}
            aria-valuetext={t('composer.trim.percent', { n: Math.round(state.fraction * 100) })}
          />
          <span aria-hidden="true">{t('composer.trim.percent', { n: Math.round(state.fraction * 100) })}</span>
          <Button variant="secondary" onClick={() => task.current?.cancel()}>
            {t('composer.trim.cancel')}
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={cut}>
          {t('composer.trim.cut', { limit })}
        </Button>
      )}
      <div aria-live="polite" className="trim-offer__status">
        {state.status === 'cannot' ? (
          <p className="composer-error">{t('composer.trim.cannot', { reason: state.reason })}</p>
        ) : state.status === 'cancelled' ? (
          <p className="composer-hint">{t('composer.trim.cancelled')}</p>
        ) : null}
      </div>
    </section>
  );
}

/** Under the preview of a cut: what it is, how big, and that it stays on the device. */
export function TrimmedNote({
  file,
  from,
  startSec,
  durationSec,
}: {
  file: File;
  from: string;
  startSec: number;
  durationSec: number;
}) {
  const t = useT();
  return (
    <p className="composer-note" data-testid="trimmed-note">
      {t('composer.trim.note', {
        from,
        start: formatTimestamp(startSec * 1000),
        length: formatDuration(Math.round(durationSec)),
        size: formatBytes(file.size),
      })}
    </p>
  );
}
