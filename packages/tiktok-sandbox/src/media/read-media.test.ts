import {
  DURATION_TOLERANCE_SEC,
  type Facts,
  type Outcome,
  corpus,
  fpsTolerance,
  readCorpusFile,
} from '@content-studio/media-corpus';
import { describe, expect, it } from 'vitest';
import { syntheticVideo } from '../../test/synthetic-video';
import { ReceivedBytes, type WindowSizes } from '../upload/received-bytes';
import { type MediaVerdict, judgeMedia } from './media-checks';
import { type ByteSource, type MediaReading, readMedia } from './read-media';

function whole(bytes: Uint8Array): ByteSource {
  return { size: bytes.length, read: (start, end) => bytes.subarray(start, end) };
}

/** The bytes as the upload host keeps them: streamed in `piece`-sized buffers, `chunk`-sized commits. */
function streamed(bytes: Uint8Array, sizes?: WindowSizes, chunk = 5 * 1024 * 1024, piece = 64 * 1024): ByteSource {
  const received = new ReceivedBytes(bytes.length, sizes);
  for (let start = 0; start < bytes.length; start += chunk) {
    const staged = received.stage();
    const body = Buffer.from(bytes.subarray(start, start + chunk));
    for (let p = 0; p < body.length; p += piece) staged.add(body.subarray(p, p + piece));
    received.commit(staged, body.length);
  }
  return received.seal();
}

function limitFor(entry: (typeof corpus)[number]): number {
  if (entry.post.mode === 'inbox') return 600;
  return entry.post.account === 'nico' ? 60 : 600;
}

/** The reading reduced to what the manifest promises (tolerances applied). */
function summary(reading: MediaReading, want: Facts) {
  if (reading.kind !== 'read') return reading;
  const f = reading.facts;
  return {
    kind: reading.kind,
    container: f.container,
    // mediabunny names the codecs it knows and calls the rest `other`.
    videoCodec: f.videoCodec,
    audioCodec: f.audioCodec,
    picture: [f.width, f.height, f.rotation],
    durationOff:
      Math.abs((f.durationSec ?? Number.NaN) - want.durationSec) <= DURATION_TOLERANCE_SEC ? 0 : f.durationSec,
    fpsOff: Math.abs((f.fps ?? Number.NaN) - want.fps) <= fpsTolerance(want) ? 0 : f.fps,
    truncated: f.truncated,
    undecided: f.undecided,
  };
}

function expectedSummary(want: Facts) {
  return {
    kind: 'read',
    container: want.container,
    videoCodec: want.videoCodec?.startsWith('other:') ? 'other' : want.videoCodec,
    audioCodec: want.audioCodec,
    picture: [want.width, want.height, want.rotation],
    durationOff: 0,
    fpsOff: 0,
    truncated: false,
    undecided: [],
  };
}

function verdictOutcome(verdict: MediaVerdict): Outcome['tiktok'] {
  return verdict.kind === 'pass' ? { status: 'complete' } : { status: 'FAILED', failReason: verdict.failReason };
}

const withVideo = corpus.filter((e) => e.expect && e.expect.videoCodec !== null && e.make.kind !== 'truncate');
const audioOnly = corpus.filter((e) => e.expect?.videoCodec === null);

describe('the media reader over the committed corpus', () => {
  it.each(withVideo.map((e) => [e.name, e] as const))('%s: reads the expected facts', async (name, entry) => {
    const want = entry.expect as Facts;
    expect(summary(await readMedia(streamed(readCorpusFile(name))), want)).toEqual(expectedSummary(want));
  });

  it.each(audioOnly.map((e) => [e.name, e] as const))('%s: finds no video track', async (name, entry) => {
    expect(await readMedia(streamed(readCorpusFile(name)))).toEqual({
      kind: 'no-video',
      container: entry.expect?.container,
      audioCodec: entry.expect?.audioCodec,
    });
  });

  it.each(corpus.map((e) => [e.name, e] as const))('%s: gets the outcome TikTok gives it', async (name, entry) => {
    const verdict = judgeMedia(await readMedia(streamed(readCorpusFile(name))), limitFor(entry));
    expect(verdictOutcome(verdict)).toEqual(entry.outcome.tiktok);
  });

  it('reads the Matroska file but refuses its container', async () => {
    const reading = await readMedia(whole(readCorpusFile('h264-matroska.mkv')));
    expect(reading).toMatchObject({ kind: 'read', facts: { container: 'matroska', videoCodec: 'avc' } });
  });

  it('finds the truncated faststart file truncated, and the truncated moov-at-end file without tracks', async () => {
    expect(await readMedia(whole(readCorpusFile('truncated-faststart.mp4')))).toMatchObject({
      kind: 'read',
      facts: { truncated: true, durationSec: 2 },
    });
    expect(await readMedia(whole(readCorpusFile('truncated-moov-at-end.mp4')))).toEqual({
      kind: 'no-video',
      container: 'mp4',
      audioCodec: null,
    });
  });

  it('gives the same facts from the whole file and from the streamed windows', async () => {
    for (const entry of corpus) {
      const bytes = readCorpusFile(entry.name);
      expect(await readMedia(streamed(bytes, { head: 16 * 1024, tail: 16 * 1024 }))).toEqual(
        await readMedia(whole(bytes)),
      );
    }
  });
});

describe('the media reader over large uploads whose middle is discarded', () => {
  const sizes = { head: 1024 * 1024, tail: 1024 * 1024 };

  it.each([true, false])('decides every check of a 20 MB MP4 from 1 MiB windows (faststart: %s)', async (fastStart) => {
    const bytes = await syntheticVideo({ container: 'mp4', fastStart, seconds: 20, fps: 30, frameBytes: 32_000 });
    expect(bytes.length).toBeGreaterThan(18 * 1024 * 1024);
    const reading = await readMedia(streamed(bytes, sizes));
    expect(reading).toEqual({
      kind: 'read',
      facts: {
        container: 'mp4',
        videoCodec: 'avc',
        audioCodec: null,
        durationSec: 20,
        width: 360,
        height: 640,
        rotation: 0,
        fps: 30,
        truncated: false,
        undecided: [],
      },
    });
  });

  it('finds a large MP4 cut short truncated without its middle', async () => {
    const bytes = await syntheticVideo({ container: 'mp4', fastStart: true, seconds: 20, fps: 30, frameBytes: 32_000 });
    const cut = bytes.subarray(0, bytes.length - 100_000);
    expect(await readMedia(streamed(cut, sizes))).toMatchObject({
      kind: 'read',
      facts: { truncated: true, undecided: [] },
    });
    expect(judgeMedia(await readMedia(streamed(cut, sizes)), 600)).toMatchObject({
      failReason: 'file_format_check_failed',
    });
  });

  it('leaves undecided, and passes with a note, what needs the discarded middle (a WebM whose first cluster outgrows the head)', async () => {
    const bytes = await syntheticVideo({ container: 'webm', seconds: 20, fps: 30, frameBytes: 40_000 });
    const reading = await readMedia(streamed(bytes, sizes));
    expect(reading).toMatchObject({
      kind: 'read',
      facts: { container: 'webm', videoCodec: 'vp9', durationSec: 20, fps: null, truncated: null },
    });
    const undecided = reading.kind === 'read' ? reading.facts.undecided : [];
    expect(undecided.map((u) => u.split(' (')[0])).toEqual(['frame rate', 'truncation']);
    // What was decided still counts: the duration rule holds for this file.
    expect(judgeMedia(reading, 10)).toMatchObject({ kind: 'fail', failReason: 'duration_check_failed' });
    expect(judgeMedia(reading, 600)).toEqual({
      kind: 'pass',
      note: expect.stringMatching(
        /^media checks skipped: frame rate \(bytes \d+-\d+ were streamed through and not kept\); truncation/,
      ),
    });
    // The same file with a head that holds its first clusters is decided in full.
    const full = await readMedia(streamed(bytes));
    expect(full).toMatchObject({ kind: 'read', facts: { truncated: false, undecided: [] } });
  });
});
