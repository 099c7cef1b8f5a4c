import type { VideoFacts } from './video-facts';

/**
 * Cutting a video that is longer than the creator may post, in the tab. The work is mediabunny's
 * Conversion (media/mediabunny-trim.ts), loaded only when the creator asks for a cut.
 */

export type TrimRequest = {
  startSec: number;
  /** The longest the result may be: the creator's limit. */
  maxLengthSec: number;
};

export type TrimOutcome =
  | { kind: 'done'; file: File; durationSec: number; startSec: number }
  /** This browser cannot make this cut; `reason` says why, in the creator's terms. */
  | { kind: 'cannot'; reason: string }
  | { kind: 'cancelled' };

export type TrimTask = {
  /** Resolves once the cut is made, refused or cancelled; never rejects. */
  outcome: Promise<TrimOutcome>;
  cancel(): void;
};

export function startTrim(
  file: File,
  facts: VideoFacts,
  request: TrimRequest,
  onProgress: (fraction: number) => void,
): TrimTask {
  const cancelled = new AbortController();
  const outcome = import('./mediabunny-trim').then(({ trimWithMediabunny }) =>
    trimWithMediabunny(file, facts, request, onProgress, cancelled.signal),
  );
  return { outcome, cancel: () => cancelled.abort() };
}

/** "clip.mov" → "clip (trimmed).mov": the result keeps the original's container, so its extension. */
export function trimmedName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)} (trimmed)${name.slice(dot)}` : `${name} (trimmed)`;
}
