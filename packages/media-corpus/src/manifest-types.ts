import type { Facts, Make, Outcome, Recipe } from './recipes.ts';

/** What ffprobe said about the file when it was made (a record for humans, not what tests compare). */
export interface Probe {
  formatName: string;
  durationSec: number;
  streams: { type: string; codec: string; width?: number; height?: number; avgFrameRate?: string; rotation?: number }[];
}

export interface ManifestEntry {
  name: string;
  bytes: number;
  sha256: string;
  /** Hash of the recipe's name and `make` (src/recipe-hash.ts) when the file was made. */
  recipeSha256: string;
  description: string;
  make: Make;
  post: Recipe['post'];
  expect: Facts | null;
  outcome: Outcome;
  probe: Probe | null;
}

export interface Manifest {
  /** `ffmpeg -version`'s first line on the machine that made the files. */
  generatedBy: string;
  files: ManifestEntry[];
}
