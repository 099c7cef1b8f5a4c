import { MiB, fallbackChunkPlan, planChunks, type ChunkPlan } from '@content-studio/contract';
import { checkChunkPlan, type MbReading } from '@content-studio/tiktok-sandbox';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandboxApp } from './sandbox-app';
import { DEFAULT_POST, createUpload } from './upload-client';

/**
 * TikTok's Media Transfer Guide leaves "MB" undefined. The planner must produce plans the sandbox
 * accepts when it reads MB as 1,000,000 bytes *and* when it reads it as 1,048,576 (the sandbox's
 * rules are written separately from the planner, in the sandbox package).
 */
const READINGS: MbReading[] = ['decimal', 'binary'];
const GB = 1_000_000_000;
const EDGES = [5_000_000, 5 * MiB, 64_000_000, 64 * MiB, 128_000_000, 128 * MiB, 4 * GB];
const SIZES = [...new Set(EDGES.flatMap((edge) => [edge - 1, edge, edge + 1]).filter((n) => n <= 4 * GB))];

const judge = (videoSize: number, plan: ChunkPlan, reading: MbReading) =>
  checkChunkPlan({ videoSize, chunkSize: plan.chunkSize, totalChunkCount: plan.chunkCount }, undefined, reading);

/** The sandbox's verdict on the first plan and on the fallback, when a size has one. */
function verdicts(videoSize: number, reading: MbReading) {
  const plan = planChunks(videoSize);
  const fallback = fallbackChunkPlan(videoSize, plan);
  return [judge(videoSize, plan, reading), fallback && judge(videoSize, fallback, reading)];
}

describe.each(READINGS)('the planner against the sandbox reading "MB" as %s', (reading) => {
  it.each(SIZES)('plans %i bytes as the sandbox accepts', (videoSize) => {
    expect(verdicts(videoSize, reading)).toEqual([undefined, undefined]);
  });

  it('plans every size up to 4 GB as the sandbox accepts, first plan and fallback', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 * GB }), (videoSize) => {
        expect(verdicts(videoSize, reading)).toEqual([undefined, undefined]);
      }),
      { numRuns: 400 },
    );
  });
});

describe.each(READINGS)('inits through the proxy, sandbox reading "MB" as %s', (reading) => {
  let ctx: Awaited<ReturnType<typeof startSandboxApp>>;
  let base: string;
  beforeAll(async () => {
    ctx = await startSandboxApp({ audited: true, postsPerDayCap: 1000, mbReading: reading });
    base = await ctx.listen();
  });
  afterAll(() => ctx.close());

  it('has every boundary size accepted by TikTok’s init (no bytes sent)', async () => {
    const refused: string[] = [];
    // Six inits a minute per token: sign in again for each batch.
    for (let i = 0; i < SIZES.length; i += 6) {
      const { accessToken } = await ctx.signIn('ava');
      for (const videoSize of SIZES.slice(i, i + 6)) {
        const res = await createUpload(base, accessToken, {
          mode: 'direct',
          videoSize,
          post: { ...DEFAULT_POST, privacyLevel: 'SELF_ONLY' },
        });
        if (res.status !== 201) refused.push(`${videoSize}: ${res.status} ${JSON.stringify(res.body)}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
