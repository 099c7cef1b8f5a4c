import {
  buildOpenApiDocument,
  CLIENT_HEADER,
  endpointPath,
  endpoints,
  ErrorBodySchema,
  openApiPath,
  type EndpointSpec,
} from '@content-studio/contract';
import type { RouteOptions } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp } from '../../test/test-config';
import { endpointRoute } from '../plugins/app/endpoint';

const table = Object.values(endpoints) as EndpointSpec[];
const key = (method: string, path: string) => `${method} ${path}`;

let built: Awaited<ReturnType<typeof buildTestApp>>;
const registered: RouteOptions[] = [];
beforeAll(async () => {
  built = await buildTestApp(undefined, { onRoute: (route) => registered.push(route) });
  await built.app.ready();
});
afterAll(() => built.app.close());

/** Fastify's own additions: HEAD beside every GET, and the CORS plugin's preflight catch-all. */
const ours = (route: RouteOptions) =>
  [route.method]
    .flat()
    .filter((method) => method !== 'HEAD' && method !== 'OPTIONS')
    .map((method) => key(method, route.url));

describe('the endpoint table, the registered routes and the OpenAPI document', () => {
  it('agree: no route without an entry, no entry without a route, each documented', () => {
    const served = registered.flatMap(ours).sort();
    const inTable = table.map((spec) => key(spec.method, spec.path)).sort();
    const documented = Object.entries(buildOpenApiDocument().paths)
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => key(method.toUpperCase(), path)))
      .sort();
    expect(served).toEqual(inTable);
    expect(documented).toEqual(table.map((spec) => key(spec.method, openApiPath(spec.path))).sort());
  });

  it('serves the document it describes', async () => {
    const res = await built.app.inject({ method: 'GET', url: endpoints.openApi.path });
    expect(res.json()).toEqual(JSON.parse(JSON.stringify(buildOpenApiDocument())));
  });

  it('registers each route with its entry’s auth flag and the schemas of its entry', () => {
    const asRegistered = table.map((spec) => {
      const route = registered.find((candidate) => ours(candidate).includes(key(spec.method, spec.path)));
      const response = route?.schema?.response as Record<number, unknown> | undefined;
      return {
        path: spec.path,
        auth: route?.config?.auth,
        params: route?.schema?.params,
        headers: route?.schema?.headers,
        body: route?.schema?.body,
        response: response?.[spec.response.status],
      };
    });
    const fromTable = table.map((spec) => ({
      path: spec.path,
      auth: spec.auth,
      params: spec.params,
      headers: spec.headers,
      body: spec.body,
      response: spec.response.schema,
    }));
    // toBe per schema: the registered schema is the table's very object, not a copy that could drift.
    asRegistered.forEach((route, i) => {
      const entry = fromTable[i];
      expect([route.path, route.auth]).toEqual([entry?.path, entry?.auth]);
      for (const part of ['params', 'headers', 'body', 'response'] as const) expect(route[part]).toBe(entry?.[part]);
    });
  });
});

describe("auth: 'bearer'", () => {
  const someParams = { publishId: 'v_pub_file~v2-1.123', index: 0 };
  const call = (spec: EndpointSpec, headers: { authorization?: string } = {}) =>
    built.app.inject({
      method: spec.method,
      url: endpointPath(spec, someParams as never),
      headers: { [CLIENT_HEADER]: '1', 'content-type': 'application/octet-stream', ...headers },
      payload: Buffer.from('not read: refused before the body'),
    });

  it.each(table.filter((spec) => spec.auth === 'bearer').map((spec) => [key(spec.method, spec.path), spec] as const))(
    '%s answers 401 UNAUTHENTICATED without a token, with the contract’s error body',
    async (_name, spec) => {
      for (const headers of [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer two words' }]) {
        const res = await call(spec, headers);
        expect(res.statusCode).toBe(401);
        expect(res.headers['www-authenticate']).toBe('Bearer');
        expect(ErrorBodySchema.parse(res.json()).error).toMatchObject({ code: 'UNAUTHENTICATED', retryable: false });
      }
    },
  );

  it.each(table.filter((spec) => spec.auth === 'none').map((spec) => [key(spec.method, spec.path), spec] as const))(
    '%s needs no token',
    async (_name, spec) => {
      expect((await call(spec)).statusCode).not.toBe(401);
    },
  );
});

describe('answers are encoded with the schema of their entry', () => {
  const profile = { openId: 'o', unionId: 'u', displayName: 'Ava', avatarUrl: 'https://a.example/a.png' };

  async function appAnswering(answer: unknown) {
    const test = await buildTestApp();
    const spec = { ...endpoints.me, path: '/test/profile', auth: 'none' } as const;
    test.app
      .withTypeProvider<ZodTypeProvider>()
      .route({ ...endpointRoute(spec), handler: async () => answer as never });
    return test;
  }

  it('refuses to send an answer that does not match (500, logged, nothing of it in the body)', async () => {
    const test = await appAnswering({ ...profile, displayName: 'leaked-canary', openId: 42 });
    try {
      const res = await test.app.inject({ method: 'GET', url: '/test/profile' });
      expect(res.statusCode).toBe(500);
      expect(ErrorBodySchema.parse(res.json()).error.code).toBe('INTERNAL');
      expect(res.body).not.toContain('leaked-canary');
      const logged = test.logLines.find((line) => line.includes('answer does not match the contract'));
      expect(logged).toContain('openId');
      expect(logged).not.toContain('leaked-canary');
    } finally {
      await test.app.close();
    }
  });

  it('drops fields the contract does not name', async () => {
    const test = await appAnswering({ ...profile, accessToken: 'act.canary' });
    try {
      const res = await test.app.inject({ method: 'GET', url: '/test/profile' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual(profile);
    } finally {
      await test.app.close();
    }
  });
});

describe('a request the entry’s schema refuses', () => {
  it('is answered VALIDATION_FAILED naming the field, not the value', async () => {
    const res = await built.app.inject({
      method: 'POST',
      url: endpoints.authToken.path,
      headers: { [CLIENT_HEADER]: '1' },
      payload: { code: 7, extra: 'canary-value' },
    });
    expect(res.statusCode).toBe(400);
    const { error } = ErrorBodySchema.parse(res.json());
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.message).toMatch(/^Invalid request body\. code: /);
    expect(error.message).not.toContain('canary-value');
  });

  it('is refused by its address before TikTok is asked', async () => {
    const res = await built.app.inject({
      method: 'GET',
      url: '/api/v1/posts/not%20an%20id/status',
      headers: { authorization: 'Bearer act.some-token' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(/publishId/) });
  });
});
