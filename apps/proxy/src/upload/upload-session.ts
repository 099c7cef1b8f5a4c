import { createHash, timingSafeEqual } from 'node:crypto';
import type { UploadMode, VideoMimeType } from '@content-studio/contract';
import { AppError } from '../errors/app-error';
import type { Sealer } from '../seal/seal';

/**
 * Everything a chunk request needs, carried by the browser in sealed form (docs/decisions/001). The
 * upload URL inside is TikTok's capability for this upload: the browser never sees it in clear.
 */
export interface UploadSession {
  publishId: string;
  uploadUrl: string;
  mode: UploadMode;
  mimeType: VideoMimeType;
  videoSize: number;
  chunkSize: number;
  chunkCount: number;
  /** Binds the session to the access token that created it: a stolen session alone is useless. */
  tokenHash: string;
}

/** TikTok's upload URL lives 1 h from init; stop a little earlier so a chunk never starts doomed. */
export const UPLOAD_SESSION_TTL_MS = 55 * 60 * 1000;

export function hashAccessToken(accessToken: string): string {
  return createHash('sha256').update(accessToken).digest('base64url');
}

export function sealUploadSession(sealer: Sealer, session: UploadSession, expiresAt: number): string {
  return sealer.seal('upload-session', session, expiresAt);
}

/**
 * Opens a session sent back by the browser, refusing anything the proxy did not seal, anything
 * expired, a session for another publish id, and a session created with another access token.
 */
export function openUploadSession(
  sealer: Sealer,
  sealed: string | undefined,
  accessToken: string,
  publishId: string,
): UploadSession {
  const { session } = openSealedSession(sealer, sealed, publishId);
  if (!sameToken(session, accessToken)) {
    throw new AppError(
      'UPLOAD_SESSION_INVALID',
      403,
      'This upload belongs to another session. Start the upload again.',
    );
  }
  return session;
}

/**
 * Opens a session for re-binding to a new access token: everything `openUploadSession` checks
 * except the token, which the caller must prove belongs to the same creator before re-sealing.
 */
export function openUploadSessionForRenewal(
  sealer: Sealer,
  sealed: string | undefined,
  publishId: string,
): { session: UploadSession; expiresAt: number } {
  return openSealedSession(sealer, sealed, publishId);
}

export function bindToToken(session: UploadSession, accessToken: string): UploadSession {
  return { ...session, tokenHash: hashAccessToken(accessToken) };
}

function openSealedSession(sealer: Sealer, sealed: string | undefined, publishId: string) {
  if (!sealed) {
    throw new AppError('UPLOAD_SESSION_INVALID', 400, 'This upload has no session. Start the upload again.');
  }
  const opened = sealer.unseal<UploadSession>('upload-session', sealed);
  if (!opened.ok) {
    if (opened.reason === 'expired') {
      throw new AppError(
        'UPLOAD_SESSION_EXPIRED',
        410,
        'This upload took longer than TikTok allows (one hour). Start it again.',
      );
    }
    throw new AppError('UPLOAD_SESSION_INVALID', 400, 'This upload session is not valid. Start the upload again.');
  }
  if (opened.value.publishId !== publishId) {
    throw new AppError(
      'UPLOAD_SESSION_INVALID',
      403,
      'This upload belongs to another session. Start the upload again.',
    );
  }
  return { session: opened.value, expiresAt: opened.expiresAt };
}

function sameToken(session: UploadSession, accessToken: string): boolean {
  const expected = Buffer.from(hashAccessToken(accessToken));
  const actual = Buffer.from(session.tokenHash);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
