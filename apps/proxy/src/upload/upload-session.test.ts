import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { createSealer } from '../seal/seal';
import { hashAccessToken, openUploadSession, sealUploadSession, type UploadSession } from './upload-session';

let now = 1_000_000;
const sealer = createSealer(randomBytes(32), () => now);
const session: UploadSession = {
  publishId: 'v_pub_file~v2-1.123',
  uploadUrl: 'https://open-upload.tiktokapis.com/video/?upload_id=1&upload_token=secret',
  mode: 'direct',
  mimeType: 'video/mp4',
  videoSize: 10,
  chunkSize: 10,
  chunkCount: 1,
  tokenHash: hashAccessToken('act.mine'),
};

function codeOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return `${error.statusCode} ${error.code}`;
    throw error;
  }
  return 'ok';
}

describe('upload sessions', () => {
  const sealed = sealUploadSession(sealer, session, now + 60_000);

  it('opens for the same token and publish id', () => {
    expect(openUploadSession(sealer, sealed, 'act.mine', session.publishId)).toEqual(session);
  });

  it('never exposes the upload URL in the sealed form', () => {
    expect(sealed).not.toContain('upload_token');
    expect(sealed).not.toContain('secret');
  });

  it.each([
    ['missing', undefined, 'act.mine', session.publishId, '400 UPLOAD_SESSION_INVALID'],
    [
      'tampered',
      sealed.slice(0, -2) + (sealed.endsWith('AA') ? 'BB' : 'AA'),
      'act.mine',
      session.publishId,
      '400 UPLOAD_SESSION_INVALID',
    ],
    ['foreign token', sealed, 'act.someone-else', session.publishId, '403 UPLOAD_SESSION_INVALID'],
    ['other publish id', sealed, 'act.mine', 'v_pub_file~v2-1.999', '403 UPLOAD_SESSION_INVALID'],
  ])('refuses a %s session', (_name, value, token, publishId, expected) => {
    expect(codeOf(() => openUploadSession(sealer, value, token, publishId))).toBe(expected);
  });

  it('refuses an expired session', () => {
    const shortLived = sealUploadSession(sealer, session, now + 10);
    now += 11;
    expect(codeOf(() => openUploadSession(sealer, shortLived, 'act.mine', session.publishId))).toBe(
      '410 UPLOAD_SESSION_EXPIRED',
    );
  });
});
