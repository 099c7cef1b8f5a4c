import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument, openApiPath } from './openapi';
import { CLIENT_HEADER, endpoints, type EndpointSpec } from './routes';

const table = Object.values(endpoints) as EndpointSpec[];

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument();
  const operationOf = (spec: EndpointSpec) => doc.paths[openApiPath(spec.path)]?.[spec.method.toLowerCase()];

  it('documents exactly the endpoints of the table', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(table.map((spec) => `${spec.method} ${openApiPath(spec.path)}`).sort());
  });

  it('asks for the bearer token exactly where the table does, and the client header on every mutation', () => {
    const facts = (spec: EndpointSpec) => ({
      path: spec.path,
      bearer: operationOf(spec)?.security !== undefined,
      clientHeader: (operationOf(spec)?.parameters ?? []).some((parameter) => parameter.name === CLIENT_HEADER),
    });
    expect(table.map(facts)).toEqual(
      table.map((spec) => ({ path: spec.path, bearer: spec.auth === 'bearer', clientHeader: spec.method !== 'GET' })),
    );
  });

  it('documents every path parameter of the route pattern', () => {
    const documented = table.map((spec) =>
      (operationOf(spec)?.parameters ?? []).filter((p) => p.in === 'path').map((p) => p.name),
    );
    expect(documented).toEqual(table.map((spec) => [...spec.path.matchAll(/:(\w+)/g)].map((match) => match[1])));
  });

  it('derives request and error schemas from the contract', () => {
    const create = operationOf(endpoints.uploads);
    const schema = create?.requestBody?.content['application/json']?.schema as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect(schema.oneOf ?? schema.anyOf).toHaveLength(2);
    expect(Object.keys(create?.responses ?? {})).toEqual(['201', 'default']);
    expect(JSON.stringify(create?.responses.default)).toContain('VIDEO_SIZE_MISMATCH');
    expect(operationOf(endpoints.uploadChunk)?.requestBody?.content).toHaveProperty(['application/octet-stream']);
    expect(operationOf(endpoints.videos)?.requestBody?.content).toHaveProperty(['multipart/form-data']);
  });

  it('documents the optional preferred chunk size of the resumable init, in both modes', () => {
    const body = operationOf(endpoints.uploads)?.requestBody?.content['application/json']?.schema as {
      oneOf: Array<{ properties: Record<string, { type?: string }>; required: string[] }>;
    };
    expect(
      body.oneOf.map((mode) => [
        mode.properties.preferredChunkSize?.type,
        mode.required.includes('preferredChunkSize'),
      ]),
    ).toEqual([
      ['integer', false],
      ['integer', false],
    ]);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
