import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Debian's ffmpeg (`apt-get install ffmpeg`, which `.ci/run` does), or FFMPEG_PATH. */
export const FFMPEG = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';

/** H.264 in a faststart MP4 (moov first), the shape TikTok and the browser read without trouble. */
const MP4_OUT = ['-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'];

export type TestVideos = {
  dir: string;
  /** 3 s, 360×640 test card: small (≈ 80 KB), one chunk. */
  short: string;
  /** 62 s, 360×640 test card: over nico's 60 s Direct Post limit, under everyone else's. */
  long: string;
  /**
   * 5.4 s of 360×640 random noise, almost uncompressed: ≈ 74 MiB, over the 64,000,000 bytes a
   * video may be sent whole, so the proxy plans several chunks (two halves for the SPA, which asks
   * for the largest chunks; seven of 10 MiB by default). Still a real, playable H.264 MP4, so the
   * browser reads its length and picture size like any creator's video.
   */
  big: string;
  remove(): Promise<void>;
};

type Which = 'short' | 'long' | 'big';

const RECIPES: Record<Which, string[]> = {
  short: ['-f', 'lavfi', '-i', 'testsrc=duration=3:size=360x640:rate=24', ...MP4_OUT],
  // 24 fps, the lowest common rate within TikTok's 23–60: only its length may be wrong with it, so
  // an account with a longer limit can still post it.
  long: ['-f', 'lavfi', '-i', 'testsrc=duration=62:size=360x640:rate=24', ...MP4_OUT],
  big: [
    '-f',
    'rawvideo',
    '-pix_fmt',
    'yuv420p',
    '-s',
    '360x640',
    '-r',
    '24',
    '-i',
    '/dev/urandom',
    '-frames:v',
    '130',
    ...MP4_OUT,
    '-qp',
    '1',
  ],
};

/** Makes the asked-for videos with ffmpeg in a fresh temp folder (in parallel: they take ~1 s each). */
export async function makeTestVideos(which: readonly Which[] = ['short', 'long', 'big']): Promise<TestVideos> {
  const dir = await mkdtemp(path.join(tmpdir(), 'e2e-videos-'));
  const files = {
    short: path.join(dir, 'short.mp4'),
    long: path.join(dir, 'long.mp4'),
    big: path.join(dir, 'big.mp4'),
  };
  try {
    await Promise.all(
      which.map((name) => run(FFMPEG, ['-hide_banner', '-loglevel', 'error', '-y', ...RECIPES[name], files[name]])),
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new Error(`ffmpeg could not make the test videos (is it installed at ${FFMPEG}?)`, { cause: error });
  }
  return { dir, ...files, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Hex SHA-256 of a file, the way the sandbox reports what it received. */
export async function sha256File(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}
