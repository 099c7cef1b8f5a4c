import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, corpus, manifest, readCorpusFile } from './index.ts';
import { recipeSha256, sha256 } from './recipe-hash.ts';
import { RECIPES } from './recipes.ts';

describe('the committed corpus matches its recipes and manifest', () => {
  it('has one manifest entry per recipe, in order', () => {
    expect(corpus.map((e) => e.name)).toEqual(RECIPES.map((r) => r.name));
  });

  it('has exactly the manifest files on disk', () => {
    expect(readdirSync(CORPUS_DIR).sort()).toEqual(corpus.map((e) => e.name).sort());
  });

  it.each(RECIPES.map((r) => [r.name, r] as const))('%s: was made by its current recipe', (name, recipe) => {
    const entry = corpus.find((e) => e.name === name);
    // A mismatch means the recipe changed since the files were made: run `pnpm corpus` and commit.
    expect(entry?.recipeSha256).toBe(recipeSha256(recipe));
    expect(entry?.make).toEqual(recipe.make);
    expect(entry?.expect).toEqual(recipe.expect);
    expect(entry?.outcome).toEqual(recipe.outcome);
    expect(entry?.post).toEqual(recipe.post);
  });

  it.each(corpus.map((e) => [e.name, e] as const))('%s: bytes match the manifest', (name, entry) => {
    const bytes = readCorpusFile(name);
    expect(bytes.length).toBe(entry.bytes);
    expect(sha256(bytes)).toBe(entry.sha256);
  });

  it('truncated files are the first half of their source', () => {
    for (const recipe of RECIPES) {
      if (recipe.make.kind !== 'truncate') continue;
      const whole = readFileSync(join(CORPUS_DIR, recipe.make.of));
      expect(
        Buffer.compare(readFileSync(join(CORPUS_DIR, recipe.name)), whole.subarray(0, Math.floor(whole.length / 2))),
      ).toBe(0);
    }
  });

  it('stays small enough to commit', () => {
    expect(corpus.reduce((n, e) => n + e.bytes, 0)).toBeLessThan(3 * 1024 * 1024);
    expect(manifest.generatedBy).toMatch(/^ffmpeg version /);
  });
});
