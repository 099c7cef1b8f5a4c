import { describe, expect, it } from 'vitest';
import { videoFile } from '../testing/fake-upload-transport';
import { fingerprintFile, HEAD_BYTES, matchFile } from './file-fingerprint';

describe('the same-file check after a reload', () => {
  it('accepts the same file picked again', async () => {
    const expected = await fingerprintFile(videoFile(100_000));
    await expect(matchFile(expected, videoFile(100_000))).resolves.toEqual({ ok: true });
  });

  it('hashes only the first 64 KiB', async () => {
    const a = await fingerprintFile(videoFile(HEAD_BYTES + 10, { seed: 1 }));
    const bytes = new Uint8Array(await videoFile(HEAD_BYTES + 10, { seed: 1 }).arrayBuffer());
    bytes[HEAD_BYTES + 5] = 0;
    const b = await fingerprintFile(new File([bytes], 'clip.mp4', { lastModified: 1_700_000_000_000 }));
    expect(b.headSha256).toBe(a.headSha256);
    expect(a.headSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a file of another size', async () => {
    const expected = await fingerprintFile(videoFile(100_000));
    await expect(matchFile(expected, videoFile(100_001))).resolves.toEqual({
      ok: false,
      reason: expect.stringMatching(/size/),
    });
  });

  it('rejects a file with the same name, size and date but other first bytes', async () => {
    const expected = await fingerprintFile(videoFile(100_000, { seed: 1 }));
    await expect(matchFile(expected, videoFile(100_000, { seed: 2 }))).resolves.toEqual({
      ok: false,
      reason: expect.stringMatching(/content/),
    });
  });

  it('rejects a renamed or modified file', async () => {
    const expected = await fingerprintFile(videoFile(100_000));
    await expect(matchFile(expected, videoFile(100_000, { name: 'other.mp4' }))).resolves.toMatchObject({ ok: false });
    await expect(matchFile(expected, videoFile(100_000, { lastModified: 5 }))).resolves.toMatchObject({ ok: false });
  });
});
