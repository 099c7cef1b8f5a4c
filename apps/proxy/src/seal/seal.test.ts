import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSealer } from './seal';

const key = randomBytes(32);

describe('createSealer', () => {
  it('round-trips a value for the same purpose before expiry', () => {
    const sealer = createSealer(key, () => 1_000);
    const sealed = sealer.seal('refresh-token', { rt: 'rft.secret' }, 2_000);
    expect(sealer.unseal('refresh-token', sealed)).toEqual({
      ok: true,
      value: { rt: 'rft.secret' },
      expiresAt: 2_000,
    });
  });

  it('hides the plaintext', () => {
    const sealed = createSealer(key).seal('refresh-token', 'rft.canary-value', Date.now() + 1000);
    expect(sealed).toMatch(/^v1\.[\w-]+$/);
    expect(sealed).not.toContain('canary');
    expect(Buffer.from(sealed.slice(3), 'base64url').toString('latin1')).not.toContain('canary');
  });

  it('refuses a value sealed for another purpose', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('refresh-token', 'x', Date.now() + 60_000);
    expect(sealer.unseal('upload-session', sealed)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses a value sealed with another key', () => {
    const sealed = createSealer(randomBytes(32)).seal('upload-session', 'x', Date.now() + 60_000);
    expect(createSealer(key).unseal('upload-session', sealed)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('reports expiry using the injected clock', () => {
    let now = 0;
    const sealer = createSealer(key, () => now);
    const sealed = sealer.seal('upload-session', 'x', 100);
    now = 99;
    expect(sealer.unseal('upload-session', sealed).ok).toBe(true);
    now = 100;
    expect(sealer.unseal('upload-session', sealed)).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses every single-character tampering', () => {
    const sealer = createSealer(key);
    const sealed = sealer.seal('upload-session', { index: 3 }, Date.now() + 60_000);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: sealed.length - 1 }),
        fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.'),
        (position, replacement) => {
          fc.pre(sealed[position] !== replacement);
          const tampered = sealed.slice(0, position) + replacement + sealed.slice(position + 1);
          // Base64url's last character can carry unused bits; such an edit decodes to the same bytes.
          const sameBytes = Buffer.from(tampered.slice(3), 'base64url').equals(
            Buffer.from(sealed.slice(3), 'base64url'),
          );
          fc.pre(!sameBytes && tampered.startsWith('v1.'));
          expect(sealer.unseal('upload-session', tampered)).toEqual({ ok: false, reason: 'malformed' });
        },
      ),
    );
  });

  it('refuses arbitrary strings without throwing', () => {
    const sealer = createSealer(key);
    fc.assert(
      fc.property(fc.string(), (input) => {
        expect(sealer.unseal('refresh-token', input).ok).toBe(false);
      }),
    );
  });
});
