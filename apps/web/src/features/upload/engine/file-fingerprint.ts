import { t } from '@/lib/i18n';

/**
 * What we remember about a file so that, after a reload, we can tell whether the file the creator
 * picks again is the one whose first chunks TikTok already holds. Name, size and date alone would
 * accept a re-exported video of the same length; the hash of the first bytes catches that cheaply
 * (reading all of a 4 GB file would not be cheap).
 */
export const HEAD_BYTES = 64 * 1024;

export interface FileFingerprint {
  name: string;
  size: number;
  lastModified: number;
  /** Hex SHA-256 of the first min(64 KiB, size) bytes. */
  headSha256: string;
}

export async function fingerprintFile(file: File): Promise<FileFingerprint> {
  const head = await file.slice(0, Math.min(HEAD_BYTES, file.size)).arrayBuffer();
  const digest = await crypto.subtle.digest('SHA-256', head);
  const headSha256 = Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return { name: file.name, size: file.size, lastModified: file.lastModified, headSha256 };
}

export type FileMatch = { ok: true } | { ok: false; reason: string };

export async function matchFile(
  expected: FileFingerprint,
  file: File,
  fingerprint: (file: File) => Promise<FileFingerprint> = fingerprintFile,
): Promise<FileMatch> {
  const values = { file: expected.name };
  if (file.size !== expected.size) return { ok: false, reason: t('upload.mismatch.size', values) };
  if (file.name !== expected.name) return { ok: false, reason: t('upload.mismatch.name', values) };
  if (file.lastModified !== expected.lastModified) {
    return { ok: false, reason: t('upload.mismatch.changed', values) };
  }
  const actual = await fingerprint(file);
  if (actual.headSha256 !== expected.headSha256) return { ok: false, reason: t('upload.mismatch.content', values) };
  return { ok: true };
}
