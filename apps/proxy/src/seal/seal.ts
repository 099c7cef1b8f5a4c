import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Sealing lets a stateless proxy hand the browser things it must carry but not read or forge: the
 * refresh token and the upload session. AES-256-GCM gives confidentiality and integrity; the purpose
 * is authenticated data, so a sealed refresh token can never pass as an upload session.
 *
 * Format: `v1.` + base64url(iv[12] ‖ ciphertext ‖ tag[16]). The version prefix lets a future format
 * (or key rotation) coexist with sessions already in browsers.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type SealPurpose = 'refresh-token' | 'upload-session';

export type UnsealResult<T> =
  { ok: true; value: T; expiresAt: number } | { ok: false; reason: 'malformed' | 'expired' };

export interface Sealer {
  seal(purpose: SealPurpose, value: unknown, expiresAt: number): string;
  unseal<T = unknown>(purpose: SealPurpose, sealed: string): UnsealResult<T>;
}

export function createSealer(secret: Buffer, now: () => number = Date.now): Sealer {
  // A derived key keeps SESSION_SEAL_KEY itself out of the cipher, so it could serve other uses later.
  const key = Buffer.from(hkdfSync('sha256', secret, Buffer.alloc(0), `content-studio seal ${VERSION}`, 32));

  return {
    seal(purpose, value, expiresAt) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      cipher.setAAD(Buffer.from(`${VERSION}:${purpose}`));
      const plaintext = Buffer.from(JSON.stringify({ v: value, exp: expiresAt }));
      const body = Buffer.concat([iv, cipher.update(plaintext), cipher.final(), cipher.getAuthTag()]);
      return `${VERSION}.${body.toString('base64url')}`;
    },

    unseal<T>(purpose: SealPurpose, sealed: string): UnsealResult<T> {
      const [version, encoded, extra] = sealed.split('.');
      if (version !== VERSION || !encoded || extra !== undefined || !/^[\w-]+$/.test(encoded)) {
        return { ok: false, reason: 'malformed' };
      }
      const body = Buffer.from(encoded, 'base64url');
      if (body.length < IV_BYTES + TAG_BYTES + 2) return { ok: false, reason: 'malformed' };
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, body.subarray(0, IV_BYTES));
        decipher.setAAD(Buffer.from(`${VERSION}:${purpose}`));
        decipher.setAuthTag(body.subarray(body.length - TAG_BYTES));
        const plaintext = Buffer.concat([
          decipher.update(body.subarray(IV_BYTES, body.length - TAG_BYTES)),
          decipher.final(),
        ]);
        const parsed = JSON.parse(plaintext.toString('utf8')) as { v: T; exp: number };
        if (typeof parsed.exp !== 'number' || parsed.exp <= now()) return { ok: false, reason: 'expired' };
        return { ok: true, value: parsed.v, expiresAt: parsed.exp };
      } catch {
        // Wrong key, wrong purpose, flipped bit: all look the same to the caller, by design.
        return { ok: false, reason: 'malformed' };
      }
    },
  };
}
