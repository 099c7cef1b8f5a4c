/**
 * Regenerates the committed corpus (`pnpm corpus`): every file of src/recipes.ts into files/, checked
 * with ffprobe against the recipe's expected facts, and manifest.json with each file's sha256.
 *
 * ffmpeg's output is not byte-identical across versions, which is why the files are committed and
 * `pnpm test` never runs this: after regenerating, commit files/ and manifest.json together.
 * Uses Debian's /usr/bin/ffmpeg unless FFMPEG_PATH says otherwise (ffprobe is looked for next to it,
 * or at FFPROBE_PATH).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recipeSha256, sha256 } from '../src/recipe-hash.ts';
import { RECIPES, type Facts, type Recipe } from '../src/recipes.ts';
import type { Manifest, ManifestEntry, Probe } from '../src/manifest-types.ts';
import { DURATION_TOLERANCE_SEC, fpsTolerance } from '../src/tolerance.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const filesDir = join(root, 'files');
const ffmpegPath = process.env.FFMPEG_PATH ?? '/usr/bin/ffmpeg';
const ffprobePath = process.env.FFPROBE_PATH ?? join(dirname(ffmpegPath), 'ffprobe');

function run(bin: string, args: string[]): string {
  return execFileSync(bin, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 << 20 });
}

function make(recipe: Recipe, work: string): Uint8Array {
  const out = join(work, recipe.name);
  switch (recipe.make.kind) {
    case 'bytes':
      return new TextEncoder().encode(recipe.make.utf8);
    case 'truncate': {
      const whole = readFileSync(join(filesDir, recipe.make.of));
      return whole.subarray(0, Math.floor(whole.length / 2));
    }
    case 'ffmpeg': {
      const { steps } = recipe.make;
      let previous = '';
      steps.forEach((step, i) => {
        const target = i === steps.length - 1 ? out : join(work, `step${i}-${recipe.name}`);
        run(
          ffmpegPath,
          step.map((a) => a.replace('{out}', target).replace('{in}', previous)),
        );
        previous = target;
      });
      return readFileSync(out);
    }
  }
}

interface FfprobeStream {
  codec_type?: string;
  codec_name?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  nb_frames?: string;
  side_data_list?: { rotation?: number }[];
}

function probe(path: string): Probe {
  const json = JSON.parse(
    run(ffprobePath, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]),
  ) as {
    format: { format_name: string; duration?: string };
    streams: FfprobeStream[];
  };
  return {
    formatName: json.format.format_name,
    durationSec: Number(json.format.duration ?? 'NaN'),
    streams: json.streams.map((s) => ({
      type: s.codec_type ?? 'unknown',
      codec: s.codec_name ?? 'unknown',
      ...(s.width !== undefined ? { width: s.width, height: s.height ?? 0 } : {}),
      ...(s.codec_type === 'video' ? { avgFrameRate: s.avg_frame_rate ?? '0/0' } : {}),
      ...(s.side_data_list?.some((d) => d.rotation !== undefined)
        ? { rotation: s.side_data_list.find((d) => d.rotation !== undefined)?.rotation ?? 0 }
        : {}),
    })),
  };
}

const CODEC_NAMES: Record<string, string> = {
  h264: 'avc',
  hevc: 'hevc',
  vp8: 'vp8',
  vp9: 'vp9',
  av1: 'av1',
  prores: 'prores',
  aac: 'aac',
  opus: 'opus',
};

function codecName(codec: string | undefined): string | null {
  return codec === undefined ? null : (CODEC_NAMES[codec] ?? `other:${codec}`);
}

/** Refuses to write a manifest whose file is not what its recipe says it is. */
function verify(recipe: Recipe, p: Probe): void {
  const want: Facts | null = recipe.expect;
  if (!want) return;
  const problems: string[] = [];
  const video = p.streams.find((s) => s.type === 'video');
  const audio = p.streams.find((s) => s.type === 'audio');
  if (codecName(video?.codec) !== want.videoCodec) problems.push(`video codec ${video?.codec}`);
  if (codecName(audio?.codec) !== want.audioCodec) problems.push(`audio codec ${audio?.codec}`);
  if (Math.abs(p.durationSec - want.durationSec) > DURATION_TOLERANCE_SEC) problems.push(`duration ${p.durationSec}`);
  const containers: Record<string, string> = {
    mp4: 'mov,mp4',
    mov: 'mov,mp4',
    webm: 'matroska,webm',
    matroska: 'matroska,webm',
  };
  if (!p.formatName.startsWith(containers[want.container] ?? '?')) problems.push(`format ${p.formatName}`);
  if (video) {
    // ffprobe reports the display matrix counter-clockwise; a player turns 90° clockwise for -90.
    const rotation = ((-(video.rotation ?? 0) % 360) + 360) % 360;
    const turned = rotation === 90 || rotation === 270;
    const [w, h] = turned ? [video.height, video.width] : [video.width, video.height];
    if (rotation !== want.rotation) problems.push(`rotation ${rotation}`);
    if (w !== want.width || h !== want.height) problems.push(`size ${w}x${h}`);
    const [num, den] = (video.avgFrameRate ?? '0/1').split('/').map(Number);
    const fps = (num ?? 0) / (den || 1);
    if (Math.abs(fps - want.fps) > fpsTolerance(want)) problems.push(`fps ${fps}`);
  }
  if (problems.length > 0) throw new Error(`${recipe.name} is not what its recipe says: ${problems.join(', ')}`);
}

function ffmpegVersion(): string {
  return run(ffmpegPath, ['-version']).split('\n')[0] ?? 'unknown';
}

function main(): void {
  mkdirSync(filesDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'media-corpus-'));
  const entries: ManifestEntry[] = [];
  try {
    for (const recipe of RECIPES) {
      const bytes = make(recipe, work);
      const path = join(filesDir, recipe.name);
      writeFileSync(path, bytes);
      const measured = recipe.expect ? probe(path) : null;
      if (measured) verify(recipe, measured);
      entries.push({
        name: recipe.name,
        bytes: bytes.length,
        sha256: sha256(bytes),
        recipeSha256: recipeSha256(recipe),
        description: recipe.description,
        make: recipe.make,
        post: recipe.post,
        expect: recipe.expect,
        outcome: recipe.outcome,
        probe: measured,
      });
      process.stdout.write(`${recipe.name}  ${bytes.length} B\n`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const known = new Set(RECIPES.map((r) => r.name));
  for (const stale of readdirSync(filesDir)) if (!known.has(stale)) rmSync(join(filesDir, stale));
  const manifest: Manifest = { generatedBy: ffmpegVersion(), files: entries };
  writeFileSync(join(root, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const total = entries.reduce((n, e) => n + e.bytes, 0);
  process.stdout.write(`${entries.length} files, ${total} B in all; commit files/ and manifest.json\n`);
}

main();
