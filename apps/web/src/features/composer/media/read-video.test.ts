// @vitest-environment node
import { openAsBlob } from 'node:fs';
import { CONTAINER_SNIFF_BYTES } from '@content-studio/contract';
import {
  corpus,
  corpusPath,
  DURATION_TOLERANCE_SEC,
  fpsTolerance,
  type ComposeRefusal,
  type ManifestEntry,
} from '@content-studio/media-corpus';
import { describe, expect, it, vi } from 'vitest';
import { TIKTOK_VIDEO_CODECS, videoProblems, type VideoProblemId } from '../video-checks';
import { sniffContainer } from './container-sniff';
import { readVideo } from './read-video';

// The real mediabunny reader over the committed corpus, in Node (its File can be backed by a file
// on disk); the component tests stand the reader in with a fake (src/testing/setup-tests.ts).
vi.unmock('@/features/composer/media/mediabunny-reader');

/** The test accounts' Direct Post limits (the sandbox's ava and nico). */
const DIRECT_LIMIT_SEC: Record<string, number> = { ava: 600, nico: 60 };

const REFUSAL: Record<VideoProblemId, ComposeRefusal> = {
  empty: 'empty_file',
  'too-large': 'empty_file', // never in the corpus: 4 GB files are not committed
  type: 'not_a_supported_container',
  unreadable: 'unreadable',
  truncated: 'truncated',
  'no-video': 'no_video_track',
  codec: 'unsupported_codec',
  'too-long': 'too_long',
  'too-small': 'picture_too_small',
  'too-big': 'picture_too_large',
  'frame-rate': 'frame_rate_out_of_range',
};

async function pick(entry: ManifestEntry): Promise<File> {
  // A File over the file on disk: nothing is read until a slice of it is.
  return new File([await openAsBlob(corpusPath(entry.name))], entry.name, { type: 'video/mp4' });
}

function limitsFor(entry: ManifestEntry) {
  return {
    mode: entry.post.mode === 'inbox' ? ('draft' as const) : ('direct' as const),
    maxDirectDurationSec: DIRECT_LIMIT_SEC[entry.post.account],
  };
}

describe('the container reader over the real-world corpus', () => {
  it.each(corpus.map((entry) => [entry.name, entry] as const))(
    '%s: the compose screen’s verdict is the manifest’s',
    async (_name, entry) => {
      const file = await pick(entry);
      const read = file.size === 0 ? null : await readVideo(file);
      const problems = videoProblems(file, read, limitsFor(entry));
      const verdict =
        problems.length === 0 ? { accepted: true } : { accepted: false, reason: REFUSAL[problems[0]!.id] };
      expect(verdict).toEqual(entry.outcome.compose);
    },
  );

  const readable = corpus.filter(
    (entry) => entry.expect !== null && entry.expect.videoCodec !== null && entry.outcome.firstBytes === 'accepted',
  );
  it.each(readable.map((entry) => [entry.name, entry] as const))(
    '%s: length, displayed size, rotation, codecs and frame rate',
    async (_name, entry) => {
      const expected = entry.expect!;
      const read = await readVideo(await pick(entry));
      if (read.kind !== 'read') throw new Error(`${entry.name} read as ${read.kind}`);
      const { facts } = read;
      expect({
        container: facts.container,
        width: facts.width,
        height: facts.height,
        rotation: facts.rotation,
        audioCodec: facts.audioCodec,
        videoCodec:
          facts.videoCodec !== null && TIKTOK_VIDEO_CODECS.includes(facts.videoCodec) ? facts.videoCodec : 'not taken',
      }).toEqual({
        container: expected.container,
        width: expected.width,
        height: expected.height,
        rotation: expected.rotation,
        audioCodec: expected.audioCodec,
        // Codecs TikTok does not take are compared as such (the manifest names those mediabunny does not know `other:<ffmpeg name>`).
        videoCodec:
          expected.videoCodec !== null && TIKTOK_VIDEO_CODECS.includes(expected.videoCodec)
            ? expected.videoCodec
            : 'not taken',
      });
      expect(Math.abs(facts.durationSec - expected.durationSec)).toBeLessThanOrEqual(DURATION_TOLERANCE_SEC);
      expect(Math.abs((facts.frameRate ?? 0) - expected.fps)).toBeLessThanOrEqual(fpsTolerance(expected));
      expect(facts.variableFrameRate).toBe(expected.variableFrameRate ?? false);
    },
  );

  it.each(corpus.map((entry) => [entry.name, entry.outcome.firstBytes] as const))(
    '%s: first bytes %s',
    async (name, outcome) => {
      const entry = corpus.find((candidate) => candidate.name === name)!;
      const head = new Uint8Array(await (await pick(entry)).slice(0, CONTAINER_SNIFF_BYTES).arrayBuffer());
      expect(sniffContainer(head).ok ? 'accepted' : 'refused').toBe(outcome);
    },
  );

  it('reads a big file without loading it whole: a few slices, far less than the file', async () => {
    // A real MP4 followed by 64 MiB that no box points into (a box of size 0 runs to the end of the
    // file, ISO/IEC 14496-12): the demuxer must skip it, not read it.
    const video = await openAsBlob(corpusPath('h264-aac-faststart.mp4'));
    const tail = new Uint8Array(64 * 1024 * 1024);
    tail.set([0, 0, 0, 0, ...'free'.split('').map((char) => char.charCodeAt(0))]);
    const file = new File([video, tail], 'long-take.mp4', { type: 'video/mp4' });
    const sliced: number[] = [];
    const slice = file.slice.bind(file);
    // Every read goes through Blob.slice (mediabunny's BlobSource, and the first-bytes check).
    file.slice = (start?: number, end?: number, type?: string) => {
      sliced.push((end ?? file.size) - (start ?? 0));
      return slice(start, end, type);
    };
    const whole = () => {
      throw new Error('the whole file was read');
    };
    file.arrayBuffer = whole;
    file.stream = whole;
    file.bytes = whole;

    expect((await readVideo(file)).kind).toBe('read');
    const total = sliced.reduce((sum, length) => sum + length, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(2 * 1024 * 1024);
  });
});
