import { describe, expect, it } from 'vitest';
import { endpointPath, endpoints, type EndpointSpec } from './routes';

describe('endpointPath', () => {
  it('fills and encodes each path parameter', () => {
    expect(endpointPath(endpoints.uploadChunk, { publishId: 'v_pub_file~v2-1.7', index: 3 })).toBe(
      '/api/v1/uploads/v_pub_file~v2-1.7/chunks/3',
    );
    expect(endpointPath(endpoints.postStatus, { publishId: 'a/b?c' })).toBe('/api/v1/posts/a%2Fb%3Fc/status');
    expect(endpointPath(endpoints.me)).toBe('/api/v1/me');
  });

  it('refuses to build a path with a parameter missing', () => {
    expect(() => endpointPath(endpoints.postStatus, {} as never)).toThrow(/:publishId/);
  });
});

describe('the endpoint table', () => {
  const table = Object.values(endpoints) as EndpointSpec[];

  it('names each method and path once', () => {
    const keys = table.map((spec) => `${spec.method} ${spec.path}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('describes every path parameter, and only those', () => {
    expect(table.map((spec) => Object.keys(spec.params?.shape ?? {}))).toEqual(
      table.map((spec) => [...spec.path.matchAll(/:(\w+)/g)].map((match) => match[1])),
    );
  });

  it('gives a body either a schema or a stream, never both', () => {
    expect(table.filter((spec) => spec.body !== undefined && spec.stream !== undefined)).toEqual([]);
  });
});
