import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const folder = new URL('./', import.meta.url);
const sources = readdirSync(folder)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
  .map((name) => ({ name, text: readFileSync(new URL(name, folder), 'utf8') }));

// docs/decisions/022-errors-surface-once.md: the TikTok client says what TikTok did; what a creator is
// told about it is decided in errors/from-tiktok.ts.
describe('tiktok/ owns no creator-facing errors', () => {
  it('has sources to check', () => {
    expect(sources.map((s) => s.name)).toContain('tiktok-errors.ts');
  });

  it.each(sources)('$name imports nothing from errors/ and builds no AppError', ({ text }) => {
    expect(text).not.toMatch(/from '\.\.\/errors\//);
    expect(text).not.toMatch(/\bAppError\b/);
  });
});

describe('tiktok/index.ts is the TikTok client’s surface, nothing else', () => {
  it('re-exports nothing from the contract (import the contract from where it lives)', () => {
    const index = sources.find((s) => s.name === 'index.ts')?.text ?? '';
    expect(index).toMatch(/export \{[^}]*createTikTokClient/);
    expect(index).not.toMatch(/from '@content-studio\/contract'/);
  });
});
