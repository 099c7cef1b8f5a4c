import type { UploadMode } from '@content-studio/contract';
import { describe, expect, it } from 'vitest';
import { useListeningSandboxApp } from './sandbox-app';
import { oneShotFields, uploadOneShot, uploadResumable } from './upload-client';
import { TINY_MP4, videoSource } from './video-source';

/**
 * Issue 6's size matrix: every size that sits on one of TikTok's chunk-rule edges, by both paths and
 * both modes, must arrive byte exact (sha256 computed by the sandbox as bytes arrived).
 */
const MiB = 1024 * 1024;
const SIZES = [
  ['tiny real MP4', 0],
  ['5 MiB - 1', 5 * MiB - 1],
  ['5 MiB', 5 * MiB],
  ['64,000,000', 64_000_000],
  ['64 MiB', 64 * MiB],
  ['64 MiB + 1', 64 * MiB + 1],
  ['200 MiB', 200 * MiB],
] as const;

const live = useListeningSandboxApp();

const hashes = new Map<number, string>();
async function expectedHash(source: ReturnType<typeof videoSource>) {
  if (!hashes.has(source.size)) hashes.set(source.size, await source.sha256());
  return hashes.get(source.size);
}

describe.each(['direct', 'draft'] as UploadMode[])('%s uploads arrive byte exact', (mode) => {
  describe.each(SIZES)('%s', (_label, requested) => {
    const source = videoSource(requested || TINY_MP4.length);

    it('by the resumable path', async () => {
      const { accessToken } = await live.ctx.signIn('ava');
      const { upload, failed } = await uploadResumable(live.base, accessToken, source, { mode });
      expect(failed).toBeUndefined();
      const report = live.ctx.sandbox.upload(upload.publishId);
      expect(report?.complete).toBe(true);
      expect(report?.receivedBytes).toBe(source.size);
      expect(report?.chunks).toHaveLength(upload.chunkCount);
      expect(report?.sha256).toBe(await expectedHash(source));
      expect(report?.mode).toBe(mode === 'direct' ? 'direct' : 'inbox');
    });

    it('by the one-shot path', async () => {
      const { accessToken } = await live.ctx.signIn('ava');
      const res = await uploadOneShot(live.base, accessToken, oneShotFields(mode, source.size), source.all());
      expect({ status: res.status, error: res.body.error }).toEqual({ status: 201, error: undefined });
      const report = live.ctx.sandbox.upload(res.body.publishId ?? '');
      expect(report?.complete).toBe(true);
      expect(report?.sha256).toBe(await expectedHash(source));
    });
  });
});
