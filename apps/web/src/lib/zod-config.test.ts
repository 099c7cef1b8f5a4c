import { config, z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
// oxlint-disable-next-line import/no-unassigned-import -- imported for its side effect, as main.tsx does
import './zod-config';

describe('zod-config', () => {
  it('makes zod jitless, so building and parsing a schema never probes for eval (the production CSP forbids it)', () => {
    expect(config().jitless).toBe(true);
    const probe = vi.spyOn(globalThis, 'Function');
    z.object({ a: z.string(), b: z.object({ c: z.number() }) }).parse({ a: 'x', b: { c: 1 } });
    expect(probe).not.toHaveBeenCalled();
    probe.mockRestore();
  });

  it('sets the very object zod reads its config from, so it holds whether zod loads before or after it', () => {
    // oxlint-disable-next-line no-underscore-dangle -- zod's own name for it
    expect(config()).toBe((globalThis as { __zod_globalConfig?: unknown }).__zod_globalConfig);
  });
});
