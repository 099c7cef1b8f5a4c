import {
  BlobSource,
  BufferTarget,
  Conversion,
  ConversionCanceledError,
  EncodedPacketSink,
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
import { t } from '@/lib/i18n';

/**
 * The cut, with mediabunny's Conversion and its `trim`, in two ways:
 *
 * - **Copy** when a key frame lies at or within KEY_FRAME_TOLERANCE_SEC after the chosen start: the
 *   kept part starts on that key frame, and every stream is copied as it is (`mode: 'forced'`,
 *   `boundaryPolicy: 'shrink'` so the last frame kept ends within the limit). Fast, lossless, and
 *   possible for any codec, even one this browser cannot decode.
 * - **Re-encode the picture** otherwise, with WebCodecs (`forceTranscode` on the video; the sound is
 *   still copied, its packets all being key frames). mediabunny checks `canEncode` itself and drops
 *   a track it cannot make, which we report instead of sending a video without picture or sound.
 *   Copy options `'shrink'` and re-encoding together produced an empty file in mediabunny 1.61
 *   (Chromium 156), so this path leaves the copy options at their defaults and ends the cut
 *   REENCODE_END_MARGIN_SEC early, which keeps a copied sound track (whose last packet may run past
 *   the end) inside the limit too.
 *
 * The result is built in memory (BufferTarget): it is at most the creator's allowed length, and
 * must be a File the upload engine can slice like any picked file. It is read and checked again
 * like any pick (docs/decisions/015).
 */

const KEY_FRAME_TOLERANCE_SEC = 2;
const REENCODE_END_MARGIN_SEC = 0.1;

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
  try {
    const keyFrame = await keyFrameNear(input, request.startSec);
    const copy = keyFrame !== null;
    const startSec = keyFrame ?? request.startSec;
    const endSec = Math.min(facts.durationSec, startSec + request.maxLengthSec - (copy ? 0 : REENCODE_END_MARGIN_SEC));
    const conversion = await Conversion.init({
      input,
      output,
      trim: { start: startSec, end: endSec },
      ...(copy
        ? { copy: { mode: 'forced', boundaryPolicy: 'shrink', shiftTolerance: Infinity } as const }
        : { video: { forceTranscode: true } }),
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
    if (!target.buffer) return { kind: 'cannot', reason: t('composer.trim.noFile') };
    const result = new File([target.buffer], trimmedName(file.name), {
      type: facts.mimeType,
      lastModified: Date.now(),
    });
    return { kind: 'done', file: result, durationSec: endSec - startSec, startSec };
  } catch (error) {
    if (error instanceof ConversionCanceledError || signal.aborted) return { kind: 'cancelled' };
    return {
      kind: 'cannot',
      reason:
        error instanceof Error && error.message
          ? t('composer.trim.stoppedWith', { detail: error.message })
          : t('composer.trim.stopped'),
    };
  } finally {
    input.dispose();
  }
}

/** The first key frame at or after `startSec`, if it lies within the tolerance; else null. */
async function keyFrameNear(input: Input, startSec: number): Promise<number | null> {
  const video = await input.getPrimaryVideoTrack();
  if (!video) return null;
  const sink = new EncodedPacketSink(video);
  const atOrBefore = await sink.getKeyPacket(startSec, { metadataOnly: true });
  const candidate =
    atOrBefore && atOrBefore.timestamp >= startSec - 1e-6
      ? atOrBefore
      : atOrBefore
        ? await sink.getNextKeyPacket(atOrBefore, { metadataOnly: true })
        : await sink.getFirstPacket({ metadataOnly: true });
  if (!candidate || candidate.type !== 'key') return null;
  return candidate.timestamp - startSec <= KEY_FRAME_TOLERANCE_SEC ? Math.max(candidate.timestamp, 0) : null;
}

async function cannotReason(facts: VideoFacts, dropped: DiscardedTrack[]): Promise<string> {
  const video = dropped.find((track) => track.track.isVideoTrack());
  if (video) {
    const codec = facts.videoCodec as VideoCodec | null;
    const canEncode = codec ? await canEncodeVideo(codec, { width: facts.width, height: facts.height }) : false;
    if (video.reason === 'undecodable_source_codec') return t('composer.trim.noDecoder', { codec: codecLabel(facts) });
    return canEncode ? t('composer.trim.cantReencode') : t('composer.trim.noEncoder', { codec: codecLabel(facts) });
  }
  return t('composer.trim.sound');
}
