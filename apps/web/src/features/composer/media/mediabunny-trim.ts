import {
  BlobSource,
  BufferTarget,
  Conversion,
  ConversionCanceledError,
  Input,
  MATROSKA,
  MP4,
  MovOutputFormat,
  Mp4OutputFormat,
  Output,
  QTFF,
  WEBM,
  WebMOutputFormat,
  canEncodeVideo,
  type DiscardedTrack,
  type VideoCodec,
} from 'mediabunny';
import { codecLabel } from '../video-checks';
import { trimmedName, type TrimOutcome, type TrimRequest } from './trim-video';
import type { VideoFacts } from './video-facts';

/**
 * The cut, with mediabunny's Conversion and its `trim`. Streams are copied where a cut at a key
 * frame allows: the start moves forward to the next key frame when one lies within
 * KEY_FRAME_TOLERANCE_SEC of the chosen start (`boundaryPolicy: 'shrink'`, so the result never
 * runs past the allowed length, and is shifted to begin at 0). Only when no key frame is that close
 * is the video re-encoded, with WebCodecs; mediabunny checks `canEncode` for that itself and drops
 * the track when it cannot, which we report instead of sending a video without picture or sound.
 *
 * The result is built in memory (BufferTarget): it is at most the creator's allowed length, and
 * must be a File the upload engine can slice like any picked file.
 */

const KEY_FRAME_TOLERANCE_SEC = 2;

export async function trimWithMediabunny(
  file: File,
  facts: VideoFacts,
  request: TrimRequest,
  onProgress: (fraction: number) => void,
  signal: AbortSignal,
): Promise<TrimOutcome> {
  const input = new Input({ source: new BlobSource(file), formats: [MP4, QTFF, WEBM, MATROSKA] });
  const target = new BufferTarget();
  const format =
    facts.container === 'webm'
      ? new WebMOutputFormat()
      : facts.container === 'mov'
        ? new MovOutputFormat({ fastStart: 'in-memory' })
        : new Mp4OutputFormat({ fastStart: 'in-memory' });
  const output = new Output({ format, target });
  const endSec = Math.min(facts.durationSec, request.startSec + request.maxLengthSec);
  try {
    const conversion = await Conversion.init({
      input,
      output,
      trim: { start: request.startSec, end: endSec },
      copy: { mode: 'preferred', boundaryPolicy: 'shrink', boundaryTolerance: KEY_FRAME_TOLERANCE_SEC, shiftTolerance: Infinity },
      showWarnings: false,
    });
    const dropped = conversion.discardedTracks.filter((track) => track.reason !== 'discarded_by_user');
    if (!conversion.isValid || dropped.length > 0) {
      return { kind: 'cannot', reason: await cannotReason(facts, dropped) };
    }
    if (signal.aborted) return { kind: 'cancelled' };
    const cancel = () => void conversion.cancel();
    signal.addEventListener('abort', cancel, { once: true });
    conversion.onProgress = (progress) => onProgress(progress);
    try {
      await conversion.execute();
    } finally {
      signal.removeEventListener('abort', cancel);
    }
    if (!target.buffer) return { kind: 'cannot', reason: 'The cut produced no file.' };
    const result = new File([target.buffer], trimmedName(file.name), { type: facts.mimeType, lastModified: Date.now() });
    return { kind: 'done', file: result, durationSec: endSec - request.startSec, startSec: request.startSec };
  } catch (error) {
    if (error instanceof ConversionCanceledError || signal.aborted) return { kind: 'cancelled' };
    return {
      kind: 'cannot',
      reason: `This browser stopped while cutting the video${error instanceof Error && error.message ? ` (${error.message})` : ''}.`,
    };
  } finally {
    input.dispose();
  }
}

async function cannotReason(facts: VideoFacts, dropped: DiscardedTrack[]): Promise<string> {
  const video = dropped.find((track) => track.track.isVideoTrack());
  if (video) {
    const codec = facts.videoCodec as VideoCodec | null;
    const canEncode = codec ? await canEncodeVideo(codec, { width: facts.width, height: facts.height }) : false;
    return video.reason === 'undecodable_source_codec'
      ? `There is no key frame near the start you chose, so the picture must be re-encoded, and this browser can't decode ${codecLabel(facts)} video.`
      : `There is no key frame near the start you chose, so the picture must be re-encoded, and this browser ${canEncode ? "can't re-encode it into this file type" : `has no ${codecLabel(facts)} encoder`}.`;
  }
  return "There is no key frame near the start you chose, so the sound must be re-encoded, and this browser can't encode it.";
}
