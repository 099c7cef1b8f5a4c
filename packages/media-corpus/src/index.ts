/**
 * The committed video corpus: each file's path, bytes, expected facts and expected outcome. Node only
 * (paths on disk); browser tests get the paths here and hand them to the file picker.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import manifestJson from '../manifest.json' with { type: 'json' };
import type { Manifest, ManifestEntry } from './manifest-types.ts';

export type { ComposeRefusal, Container, Facts, Make, MediaFailReason, Outcome, Recipe } from './recipes.ts';
export type { Manifest, ManifestEntry, Probe } from './manifest-types.ts';

export { DURATION_TOLERANCE_SEC, fpsTolerance } from './tolerance.ts';

export const CORPUS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'files');

export const manifest = manifestJson as Manifest;

export const corpus: readonly ManifestEntry[] = manifest.files;

export function corpusEntry(name: string): ManifestEntry {
  const entry = corpus.find((e) => e.name === name);
  if (!entry) throw new Error(`no corpus file named ${name}`);
  return entry;
}

export function corpusPath(name: string): string {
  return join(CORPUS_DIR, corpusEntry(name).name);
}

export function readCorpusFile(name: string): Uint8Array {
  return new Uint8Array(readFileSync(corpusPath(name)));
}
