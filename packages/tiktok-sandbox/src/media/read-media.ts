import {
  CustomSource,
  EncodedPacketSink,
  Input,
  type InputTrack,
  LogLevel,
  Logging,
  MATROSKA,
  MP4,
  QTFF,
  UnsupportedInputFormatError,
  WEBM,
} from 'mediabunny';
import { DiscardedRangeError } from '../upload/received-bytes';

// mediabunny warns on the console about codecs it has no name for (e.g. MPEG-4 Part 2's `mp4v`);
// the sandbox reports those itself, in the post's fail_reason and its log.
Logging.level = LogLevel.Errors;

export type Container = 'mp4' | 'mov' | 'webm' | 'matroska';

/** What the container says, the way a player shows it. */
export interface MediaFacts {
  container: Container;
  /** mediabunny's codec name, or `other` for a video codec it does not know (MPEG-4 Part 2, …). */
  videoCodec: string;
  audioCodec: string | null;
  /** null: not decidable from the kept bytes (see `undecided`). */
  durationSec: number | null;
  /** Displayed size: the track's rotation applied. */
  width: number;
  height: number;
  /** Clockwise degrees. */
  rotation: number;
  /** Average over the first FPS_SAMPLE_PACKETS frames (all of them in a short file); null: not decidable. */
  fps: number | null;
  /** Some track's last sample lies past the end of the file; null: not decidable. */
  truncated: boolean | null;
  /** Which facts needed bytes from the discarded middle of the upload, and which bytes. */
  undecided: string[];
}

export type MediaReading =
  | { kind: 'read'; facts: MediaFacts }
  /** No MP4, MOV, WebM or Matroska container could be read from the bytes. */
  | { kind: 'unreadable'; detail: string }
  /** A readable container with no video track (audio only, or a `moov` that lost its tracks). */
  | { kind: 'no-video'; container: Container; audioCodec: string | null }
  /** Even the container's header needed bytes that were streamed through and not kept. */
  | { kind: 'undetermined'; detail: string };

/** Where the reader gets its bytes: a whole file in tests, the upload's kept windows in the sandbox. */
export interface ByteSource {
  size: number;
  /** Bytes [start, end); throws DiscardedRangeError for bytes that were not kept. */
  read(start: number, end: number): Uint8Array;
}

/**
 * A frame rate estimate needs a few seconds of frames, not all of them: a WebM's frames are spread
 * through the whole file, and only its first megabytes are kept. 600 is ten seconds at 60 fps.
 */
const FPS_SAMPLE_PACKETS = 600;
/**
 * When the kept head ends before FPS_SAMPLE_PACKETS frames (a high-bitrate WebM), the frames it does
 * hold are averaged if there are at least this many: two seconds at 24 fps.
 */
const MIN_FPS_SAMPLE_PACKETS = 48;

const FORMATS = [MP4, QTFF, WEBM, MATROSKA];

function containerOf(formatName: string): Container {
  if (formatName === 'MP4') return 'mp4';
  if (formatName === 'WebM') return 'webm';
  if (formatName === 'Matroska') return 'matroska';
  return 'mov';
}

async function lastPacketIsWhole(track: InputTrack): Promise<boolean> {
  // Reading the packet's bytes (not metadata only) is what finds the truncation: mediabunny answers
  // null when the sample table points past the end of the file.
  const last = await new EncodedPacketSink(track).getPacket(Number.POSITIVE_INFINITY);
  return last !== null;
}

/**
 * Reads a video's container with mediabunny (docs/decisions/012-sandbox-media-checks-from-kept-windows.md).
 * A failure of the reader makes the file `unreadable`,
 * except one caused by a read from the discarded middle of an upload: the file may be perfectly good,
 * and it is the sandbox, not the file, that lacks the bytes. Each fact is read on its own, so such a
 * read leaves only the facts that needed it undecided (listed in `undecided`); when even the tracks
 * cannot be read the whole reading is `undetermined`.
 */
export async function readMedia(bytes: ByteSource): Promise<MediaReading> {
  if (bytes.size === 0) return { kind: 'unreadable', detail: 'the file is empty' };
  let discarded: DiscardedRangeError | undefined;
  const source = new CustomSource({
    getSize: () => bytes.size,
    read: (start, end) => {
      try {
        return bytes.read(start, end);
      } catch (error) {
        if (error instanceof DiscardedRangeError) discarded ??= error;
        throw error;
      }
    },
    // The windows are already in memory: mediabunny's own cache would only copy them again.
    maxCacheSize: 1024 * 1024,
    handleUnhandledError: () => {},
  });
  const input = new Input({ source, formats: FORMATS });
  const undecided: string[] = [];
  /** Runs one step; a step that hit the discarded middle gives null and is listed in `undecided`. */
  async function decide<T>(what: string, step: () => Promise<T>): Promise<T | null> {
    discarded = undefined;
    try {
      const value = await step();
      // Should mediabunny ever swallow a failed read and carry on, its answer rests on missing bytes.
      if (!discarded) return value;
    } catch (error) {
      if (!discarded) throw error;
    }
    undecided.push(`${what} (${(discarded as DiscardedRangeError).message})`);
    return null;
  }
  try {
    const header = await decide('tracks', async () => {
      const format = await input.getFormat();
      const video = await input.getPrimaryVideoTrack();
      const audio = await input.getPrimaryAudioTrack();
      return { container: containerOf(format.name), video, audioCodec: audio ? await audio.getCodec() : null };
    });
    if (!header) return { kind: 'undetermined', detail: undecided.join('; ') };
    const { container, video, audioCodec } = header;
    if (!video) return { kind: 'no-video', container, audioCodec };
    const picture = await decide('picture', async () => ({
      videoCodec: (await video.getCodec()) ?? 'other',
      width: await video.getDisplayWidth(),
      height: await video.getDisplayHeight(),
      rotation: await video.getRotation(),
    }));
    if (!picture) return { kind: 'undetermined', detail: undecided.join('; ') };
    const durationSec = await decide(
      'duration',
      async () => (await input.getDurationFromMetadata()) ?? (await input.computeDuration()),
    );
    const fps = await decide('frame rate', async () => {
      // InputTrack.computePacketStats, but it keeps what it has when the kept head runs out.
      let count = 0;
      let first = Number.POSITIVE_INFINITY;
      let last = Number.NEGATIVE_INFINITY;
      try {
        for await (const p of new EncodedPacketSink(video).packets(undefined, undefined, { metadataOnly: true })) {
          // Packets come in decode order: stop only once presentation order has caught up.
          if (count >= FPS_SAMPLE_PACKETS && p.timestamp >= last) break;
          first = Math.min(first, p.timestamp);
          last = Math.max(last, p.timestamp + p.duration);
          count += 1;
        }
      } catch (error) {
        if (!discarded || count < MIN_FPS_SAMPLE_PACKETS) throw error;
        discarded = undefined;
      }
      return count > 0 && last > first ? count / (last - first) : 0;
    });
    const truncated = await decide('truncation', async () => {
      const whole = await Promise.all((await input.getTracks()).map((t) => lastPacketIsWhole(t)));
      return whole.includes(false);
    });
    return { kind: 'read', facts: { container, ...picture, audioCodec, durationSec, fps, truncated, undecided } };
  } catch (error) {
    if (error instanceof UnsupportedInputFormatError)
      return { kind: 'unreadable', detail: 'not an MP4, MOV or WebM container' };
    return { kind: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  } finally {
    input.dispose();
  }
}
