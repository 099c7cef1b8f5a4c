import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CreateUploadRequestSchema, RefreshRequestSchema, TokenExchangeRequestSchema } from '@content-studio/contract';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, testConfig } from './test-config';

/**
 * docs/requirements/security-reliability.md#bad-input: whatever arrives — malformed JSON, wrong types, unknown fields, broken multipart, junk
 * headers — the answer is a 4xx with the contract's error body, never a 500, and TikTok (here a
 * canary server standing in for every TikTok origin) is never called.
 */
let canary: Server;
let canaryHits = 0;
let app: FastifyInstance;

beforeAll(async () => {
  canary = createServer((req, res) => {
    canaryHits++;
    req.resume();
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => canary.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(canary.address() as AddressInfo).port}`;
  ({ app } = await buildTestApp(
    testConfig({
      TIKTOK_API_BASE_URL: origin,
      TIKTOK_UPLOAD_ORIGINS: origin,
      TIKTOK_AUTH_URL: `${origin}/v2/auth/authorize/`,
      LOG_LEVEL: 'silent',
    }),
  ));
});
afterAll(async () => {
  await app.close();
  await new Promise((resolve) => canary.close(resolve));
});

const bearer = { authorization: 'Bearer act.hostile-test-token', 'x-content-studio': '1' };

function expectRefusal(res: { statusCode: number; json: () => unknown }) {
  expect(res.statusCode).toBeGreaterThanOrEqual(400);
  expect(res.statusCode).toBeLessThan(500);
  expect(res.json()).toMatchObject({
    error: { code: expect.any(String), message: expect.any(String), retryable: expect.any(Boolean) },
  });
}

const routes = [
  { url: '/api/v1/auth/token', schema: TokenExchangeRequestSchema },
  { url: '/api/v1/auth/refresh', schema: RefreshRequestSchema },
  { url: '/api/v1/uploads', schema: CreateUploadRequestSchema },
] as const;

describe.each(routes)('POST $url', ({ url, schema }) => {
  it('refuses any JSON value the contract does not accept, without calling TikTok', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        fc.pre(!schema.safeParse(value).success);
        const res = await app.inject({
          method: 'POST',
          url,
          headers: { ...bearer, 'content-type': 'application/json' },
          payload: JSON.stringify(value),
        });
        expectRefusal(res);
      }),
      { numRuns: 150 },
    );
    expect(canaryHits).toBe(0);
  });

  it('refuses arbitrary bytes as a body', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 512 }),
        fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded'),
        async (bytes, type) => {
          const res = await app.inject({
            method: 'POST',
            url,
            headers: { ...bearer, 'content-type': type },
            payload: Buffer.from(bytes),
          });
          expectRefusal(res);
        },
      ),
      { numRuns: 100 },
    );
    expect(canaryHits).toBe(0);
  });
});

describe('chunk route', () => {
  it('refuses arbitrary sessions, indexes and ids without contacting the upload host', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 80 }),
        fc.string({ maxLength: 300 }),
        fc.integer({ min: -5, max: 2000 }),
        async (publishId, session, index) => {
          const res = await app.inject({
            method: 'PUT',
            url: `/api/v1/uploads/${encodeURIComponent(publishId) || 'x'}/chunks/${index}`,
            headers: {
              ...bearer,
              'content-type': 'application/octet-stream',
              'x-upload-session': session.replace(/[^\x20-\x7e]/g, ''),
            },
            payload: Buffer.alloc(16),
          });
          expectRefusal(res);
        },
      ),
      { numRuns: 150 },
    );
    expect(canaryHits).toBe(0);
  });
});

describe('one-shot route', () => {
  it('refuses broken multipart bodies', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 400 }), async (junk) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/videos',
          headers: { ...bearer, 'content-type': 'multipart/form-data; boundary=XYZ' },
          payload: `--XYZ\r\n${junk}`,
        });
        expectRefusal(res);
      }),
      { numRuns: 100 },
    );
    expect(canaryHits).toBe(0);
  });

  it('refuses the file before the fields and fields with wrong values', async () => {
    const body = (parts: string[]) => `${parts.map((p) => `--XYZ\r\n${p}\r\n`).join('')}--XYZ--\r\n`;
    const file =
      'Content-Disposition: form-data; name="video"; filename="a.mp4"\r\nContent-Type: video/mp4\r\n\r\n\u0000\u0000\u0000\u0020ftypisom';
    for (const parts of [
      [file],
      [
        'Content-Disposition: form-data; name="mode"\r\n\r\ndirect',
        'Content-Disposition: form-data; name="videoSize"\r\n\r\n12',
        file,
      ],
      [
        'Content-Disposition: form-data; name="mode"\r\n\r\ndraft',
        'Content-Disposition: form-data; name="videoSize"\r\n\r\n-1',
        file,
      ],
      [
        'Content-Disposition: form-data; name="mode"\r\n\r\ndraft',
        'Content-Disposition: form-data; name="videoSize"\r\n\r\n1e3',
        file,
      ],
      [
        'Content-Disposition: form-data; name="mode"\r\n\r\npublish',
        'Content-Disposition: form-data; name="videoSize"\r\n\r\n12',
        file,
      ],
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/videos',
        headers: { ...bearer, 'content-type': 'multipart/form-data; boundary=XYZ' },
        payload: body(parts),
      });
      expectRefusal(res);
    }
    expect(canaryHits).toBe(0);
  });
});

describe('transport-level abuse', () => {
  it('refuses huge headers and unknown methods with the error body', async () => {
    const big = await app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${'a'.repeat(5000)}` },
    });
    expectRefusal(big);
    const unknown = await app.inject({ method: 'DELETE', url: '/api/v1/uploads', headers: bearer });
    expectRefusal(unknown);
    expect(canaryHits).toBe(0);
  });
});
