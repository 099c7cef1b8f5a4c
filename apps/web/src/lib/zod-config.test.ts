import { config, z } from 'zod';
import { describe, expect, it, vi } from 'vitest';
// oxlint-disable-next-line import/no-unassigned-import -- imported for its side effect, as main.tsx does
import './zod-config';

describe('zod-config', () => {
  it('makes zod jitless, so parsing never probes for eval (the production CSP forbids it)', () => {
    expect(config().jitless).toBe(true);
    const probe = vi.spyOn(globalThis, 'Function');
    z.object({ a: z.string(), b: z.object({ c: z.number() }) }).parse({ a: 'x', b: { c: 1 } });
    expect(probe).not.toHaveBeenCalled();
    probe.mockRestore();
  });
});
