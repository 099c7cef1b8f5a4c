import { obtainAuthorizationCode, startSandbox, type RunningSandbox } from '@content-studio/tiktok-sandbox';
import type { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CANARIES, buildTestApp, testConfig } from '../test-config';
import { REDIRECT_URI, sandboxProxyEnv } from '../sandbox-app';
import { uploadResumable } from '../upload-client';
import { videoSource } from '../video-source';
import { startRedisServer, type RedisServer } from './redis-server';

const MiB = 1024 * 1024;
/** TikTok's creator_info limit, mirrored per token (plugins/external/rate-limit.ts). */
const CREATOR_INFO_PER_MINUTE = 20;

let sandbox: RunningSandbox;
let redis: RedisServer;
const apps: FastifyInstance[] = [];

beforeAll(async () => {
  sandbox = await startSandbox({
    clientSecret: CANARIES.clientSecret,
    redirectUris: [REDIRECT_URI],
    audited: true,
    postsPerDayCap: 1000,
  });
  redis = await startRedisServer();
});
afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => app.close()));
  if (!(await redisAnswers())) await redis.restart();
});
afterAll(async () => {
  await redis?.stop();
  await sandbox?.close();
});

async function redisAnswers(): Promise<boolean> {
  const { Redis } = await import('ioredis');
  const probe = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  probe.on('error', () => undefined);
  try {
    await probe.connect();
    return (await probe.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    probe.disconnect();
  }
}

/** One proxy instance: same sandbox, same seal key, optionally the shared store. */
async function instance(shared: boolean) {
  const config = testConfig({
    ...sandboxProxyEnv(sandbox),
    METRICS_PORT: '0',
    ...(shared ? { RATE_LIMIT_REDIS_URL: redis.url } : {}),
  });
  const built = await buildTestApp(config);
  apps.push(built.app);
  await built.app.ready();
  return built;
}

/** A token no one has seen: each test's budget starts empty, in Redis and in memory. */
function freshToken() {
  return `act.shared-limit-${Math.random().toString(36).slice(2)}`;
}

function creatorInfo(app: FastifyInstance, token: string) {
  return app.inject({ method: 'GET', url: '/api/v1/creator-info', headers: { authorization: `Bearer ${token}` } });
}

async function metricValue(app: FastifyInstance, name: string): Promise<number> {
  const text = (await app.metricsServer?.inject({ method: 'GET', url: '/metrics' }))?.body ?? '';
  const line = text.split('\n').find((l) => l.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

async function signIn(app: FastifyInstance): Promise<string> {
  const { code } = await obtainAuthorizationCode(sandbox, { account: 'ava', redirectUri: REDIRECT_URI });
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    headers: { 'x-content-studio': '1' },
    payload: { code },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.body}`);
  return res.json().accessToken;
}

describe('rate limits shared through Redis (RATE_LIMIT_REDIS_URL)', () => {
  it('two instances spend one budget per token', async () => {
    const a = await instance(true);
    const b = await instance(true);
    const token = freshToken();
    const statuses: number[] = [];
    for (let i = 0; i < CREATOR_INFO_PER_MINUTE + 2; i += 1) {
      statuses.push((await creatorInfo(i % 2 === 0 ? a.app : b.app, token)).statusCode);
    }
    // The sandbox refuses the made-up token (401) until our shared limit refuses first (429).
    expect(statuses.slice(0, CREATOR_INFO_PER_MINUTE).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(CREATOR_INFO_PER_MINUTE)).toEqual([429, 429]);
    const refused = await creatorInfo(a.app, token);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(await metricValue(a.app, 'content_studio_rate_limit_store_fallbacks_total')).toBe(0);
  });

  it('without the store, each instance has a budget of its own (the control)', async () => {
    const a = await instance(false);
    const b = await instance(false);
    const token = freshToken();
    const statuses: number[] = [];
    for (let i = 0; i < CREATOR_INFO_PER_MINUTE + 2; i += 1) {
      statuses.push((await creatorInfo(i % 2 === 0 ? a.app : b.app, token)).statusCode);
    }
    expect(statuses).not.toContain(429);
  });

  it('keeps serving with per-instance limits when the store dies, logs it once, counts it, and shares again when it returns', async () => {
    const a = await instance(true);
    const token = freshToken();
    for (let i = 0; i < 5; i += 1) expect((await creatorInfo(a.app, token)).statusCode).toBe(401);

    await redis.kill();
    // Every request is still answered, quickly, and the instance's own count (warm: it counted the
    // five above too) decides: the 21st request of the minute is refused.
    const statuses: number[] = [];
    const started = Date.now();
    for (let i = 5; i < CREATOR_INFO_PER_MINUTE + 1; i += 1)
      statuses.push((await creatorInfo(a.app, token)).statusCode);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(statuses.slice(0, -1).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    expect(await metricValue(a.app, 'content_studio_rate_limit_store_fallbacks_total')).toBeGreaterThanOrEqual(16);
    const warnings = a.logLines.filter((l) => l.includes('rate-limit store unreachable'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).not.toContain(redis.url);

    await redis.restart();
    for (let i = 0; i < 100 && !a.logLines.some((l) => l.includes('rate-limit store reachable again')); i += 1)
      await sleep(50);
    expect(a.logLines.some((l) => l.includes('rate-limit store reachable again'))).toBe(true);
    // Shared again: a second instance sees what the first spends from now on.
    const b = await instance(true);
    const next = freshToken();
    for (let i = 0; i < CREATOR_INFO_PER_MINUTE; i += 1) await creatorInfo(i % 2 === 0 ? a.app : b.app, next);
    expect((await creatorInfo(b.app, next)).statusCode).toBe(429);
  });

  it('loses no upload when the store is killed mid-run', async () => {
    const a = await instance(true);
    const b = await instance(true);
    const [baseA, baseB] = [
      await a.app.listen({ host: '127.0.0.1', port: 0 }),
      await b.app.listen({ host: '127.0.0.1', port: 0 }),
    ];
    const token = await signIn(a.app);
    // Above 64 MiB, so each is several chunks (TikTok sends smaller videos whole).
    const sources = [videoSource(70 * MiB), videoSource(75 * MiB), videoSource(85 * MiB)];
    let chunksSent = 0;
    let chunksAfterKill = 0;
    let killed: Promise<void> | undefined;
    const results = await Promise.all(
      sources.map((source, i) =>
        uploadResumable(i % 2 === 0 ? baseA : baseB, token, source, {
          mode: 'draft',
          onAttempt: () => {
            chunksSent += 1;
            if (killed) chunksAfterKill += 1;
            // After a few chunks, with the other uploads mid-body, the store disappears.
            if (chunksSent === 2) killed = redis.kill();
          },
        }),
      ),
    );
    await killed;
    expect(killed).toBeDefined();
    expect(chunksAfterKill).toBeGreaterThanOrEqual(3);
    for (const [i, result] of results.entries()) {
      expect(result.failed).toBeUndefined();
      expect(sandbox.upload(result.upload.publishId)?.sha256).toBe(await sources[i]!.sha256());
    }
    const fallbacks =
      (await metricValue(a.app, 'content_studio_rate_limit_store_fallbacks_total')) +
      (await metricValue(b.app, 'content_studio_rate_limit_store_fallbacks_total'));
    expect(fallbacks).toBeGreaterThan(0);
  });
});
