import {
  BlobSource,
  EncodedPacketSink,
  Input,
  MATROSKA,
  MP4,
  QTFF,
  WEBM,
  type InputTrack,
  type InputVideoTrack,
} from 'mediabunny';
import type { SniffedContainer } from './container-sniff';
import type { VideoFacts, VideoRead } from './video-facts';

/**
 * The container reader, loaded on demand (see read-video.ts). mediabunny demuxes MP4, MOV and
 * WebM in TypeScript from a Blob, reading only the byte ranges it needs, and never decodes: a video
 * in a codec this browser cannot play is measured all the same.
 */

// A WebM whose clusters end this much before the length its header declares was cut off. Encoders
// round the declared length, so small gaps are normal.
const WEBM_TRUNCATION_TOLERANCE_SEC = 0.5;

export async function readContainer(file: Blob, sniffed: SniffedContainer, signal?: AbortSignal): Promise<VideoRead> {
  const input = new Input({
    // Exact slices rather than one stream from the first byte read: a metadata read touches a few
    // small ranges (the header, the index wherever it is, the last packets), never the whole file.
    source: new BlobSource(file, { useStreamReader: false }),
    formats: [MP4, QTFF, WEBM, MATROSKA],
  });
  const stop = () => input.dispose();
  signal?.addEventListener('abort', stop, { once: true });
  try {
    return await inspect(input, sniffed);
  } catch {
    // A container mediabunny cannot parse: malformed boxes or elements, or an unknown layout.
    return { kind: 'unreadable' };
  } finally {
    signal?.removeEventListener('abort', stop);
    input.dispose();
  }
}

async function inspect(input: Input, sniffed: SniffedContainer): Promise<VideoRead> {
  if (!(await input.canRead())) return { kind: 'unreadable' };
  const tracks = await input.getTracks();
  // No track at all: an MP4/MOV without its index (`moov`; phones write it last, so the first half
  // of a cut-off file looks like this) or a WebM without its Tracks element. Nothing in it can be
  // read as a video, so it is "unreadable" rather than "cut off": which part is missing is unknown.
  if (tracks.length === 0) return { kind: 'unreadable' };
  const video = await input.getPrimaryVideoTrack();
  if (!video) return { kind: 'no-video', hasAudio: (await input.getAudioTracks()).length > 0 };
  if (await isTruncated(input, tracks, sniffed)) return { kind: 'truncated' };

  const audio = await input.getPrimaryAudioTrack();
  const durationSec = await input.computeDuration();
  const frameRate = await readFrameRate(video);
  const internalId = await video.getInternalCodecId();
  const facts: VideoFacts = {
    container: sniffed.kind,
    mimeType: sniffed.mimeType,
    durationSec,
    width: await video.getDisplayWidth(),
    height: await video.getDisplayHeight(),
    rotation: await video.getRotation(),
    videoCodec: await video.getCodec(),
    videoCodecId: typeof internalId === 'string' ? internalId.trim() : null,
    audioCodec: audio ? await audio.getCodec() : null,
    frameRate: frameRate.value,
    variableFrameRate: frameRate.variable,
    codecsParameter: await codecsParameter(input),
  };
  return { kind: 'read', facts };
}

/**
 * Cut off: the container lists packets whose bytes are not in the file (MP4/MOV whose index came
 * first, then the data stopped), or a WebM ends well before the length its header declares.
 */
async function isTruncated(input: Input, tracks: InputTrack[], sniffed: SniffedContainer): Promise<boolean> {
  for (const track of tracks) {
    const sink = new EncodedPacketSink(track);
    const listed = await sink.getPacket(Infinity, { metadataOnly: true });
    if (!listed) {
      if (sniffed.kind === 'webm' && (await input.getDurationFromMetadata([track])) !== null) return true;
      continue;
    }
    // Reading the last packet's bytes: null when they lie beyond the end of the file.
    const last = await sink.getPacket(Infinity);
    if (!last || last.data.byteLength !== listed.byteLength) return true;
  }
  if (sniffed.kind === 'webm') {
    const declared = await input.getDurationFromMetadata();
    if (declared !== null && (await input.computeDuration()) < declared - WEBM_TRUNCATION_TOLERANCE_SEC) return true;
  }
  return false;
}

/**
 * TikTok's 23–60 fps rule reads as the average rate. A constant-rate video has one lattice, which
 * mediabunny finds from the first 256 frames; a variable-rate one (phones; frames dropped from a
 * 60 fps lattice, say) is judged by its frames counted over the whole track (MP4/MOV: from the index, no media read).
 */
async function readFrameRate(video: InputVideoTrack): Promise<{ value: number | null; variable: boolean }> {
  const first = await new EncodedPacketSink(video).getFirstPacket({ metadataOnly: true });
  if (!first) return { value: null, variable: false };
  const metrics = await video.computeFrameRateMetrics();
  if (metrics.frameRateIsConstant)
    return { value: metrics.underlyingFrameRate ?? metrics.bestGuessFrameRate, variable: false };
  const stats = await video.computePacketStats();
  return Number.isFinite(stats.averagePacketRate) && stats.averagePacketRate > 0
    ? { value: stats.averagePacketRate, variable: true }
    : { value: null, variable: true };
}

async function codecsParameter(input: Input): Promise<string | null> {
  const match = /codecs="([^"]*)"/.exec(await input.getMimeType());
  return match?.[1] ?? null;
}
