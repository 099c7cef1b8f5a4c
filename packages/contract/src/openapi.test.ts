import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from './openapi';
import { apiRoutes, routePatterns } from './routes';

describe('buildOpenApiDocument', () => {
  const doc = buildOpenApiDocument();

  it('documents every route of the API', () => {
    const documented = Object.keys(doc.paths);
    const expected = [
      ...Object.values(apiRoutes).flatMap((r) => (typeof r === 'string' && r !== apiRoutes.openApi ? [r] : [])),
      ...Object.values(routePatterns).map((p) => p.replace(/:(\w+)/g, '{$1}')),
    ];
    expect(documented.sort()).toEqual([...new Set(expected)].sort());
  });

  it('derives request and error schemas from the contract', () => {
    const create = doc.paths['/api/v1/uploads']?.post;
    const schema = create?.requestBody.content['application/json'].schema as { oneOf?: unknown[]; anyOf?: unknown[] };
    expect(schema.oneOf ?? schema.anyOf).toHaveLength(2);
    expect(JSON.stringify(create?.responses.default)).toContain('VIDEO_SIZE_MISMATCH');
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });
});
