import { describe, expect, it } from 'vitest';
import { addCspSources, headersForPath, parseStaticSiteHeaders, readStaticSiteHeaders } from './render-headers.ts';

const SAMPLE = `services:
  - type: web
    name: api
    runtime: docker
    headers:
      - path: /*
        name: X-Not-Static
        value: nope
  - type: web
    name: site
    runtime: static
    routes:
      - type: rewrite
        source: /*
        destination: /index.html
    headers:
      - path: /*
        name: Content-Security-Policy
        value: "default-src 'none'; img-src 'self' data:"
      # a comment
      - path: /*
        name: X-Frame-Options
        value: DENY
      - path: /assets/*
        name: Cache-Control
        value: 'public, max-age=1'
    envVars: []
`;

describe('parseStaticSiteHeaders', () => {
  it('reads the static site’s headers only, quoted or not', () => {
    expect(parseStaticSiteHeaders(SAMPLE)).toEqual([
      { path: '/*', name: 'Content-Security-Policy', value: "default-src 'none'; img-src 'self' data:" },
      { path: '/*', name: 'X-Frame-Options', value: 'DENY' },
      { path: '/assets/*', name: 'Cache-Control', value: 'public, max-age=1' },
    ]);
  });

  it('refuses a block it does not understand instead of dropping a header', () => {
    expect(() =>
      parseStaticSiteHeaders(SAMPLE.replace('        name: X-Frame-Options', '        nme: X-Frame-Options')),
    ).toThrow(/unexpected shape/);
  });

  it('reads the repository’s render.yaml: a CSP and the usual security headers for every path', async () => {
    const headers = headersForPath(await readStaticSiteHeaders(), '/studio');
    expect(Object.keys(headers)).toEqual(
      expect.arrayContaining([
        'content-security-policy',
        'strict-transport-security',
        'x-content-type-options',
        'referrer-policy',
        'x-frame-options',
      ]),
    );
  });
});

describe('headersForPath', () => {
  it('applies /* everywhere and /assets/* under /assets/ only', () => {
    const headers = parseStaticSiteHeaders(SAMPLE);
    expect(Object.keys(headersForPath(headers, '/'))).toEqual(['content-security-policy', 'x-frame-options']);
    expect(headersForPath(headers, '/assets/app.js')['cache-control']).toBe('public, max-age=1');
  });
});

describe('addCspSources', () => {
  it('adds to one directive and leaves the rest alone', () => {
    expect(
      addCspSources("default-src 'none'; img-src 'self' data:; base-uri 'none'", 'img-src', 'http://127.0.0.1:1'),
    ).toBe("default-src 'none'; img-src 'self' data: http://127.0.0.1:1; base-uri 'none'");
    expect(() => addCspSources("default-src 'none'", 'img-src', 'x')).toThrow(/no img-src/);
  });
});
