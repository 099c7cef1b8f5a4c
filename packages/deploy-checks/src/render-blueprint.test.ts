import { describe, expect, it } from 'vitest';
import { checkBlueprint } from './render-blueprint';
import { readRepoFile, repoFacts } from './repo';

const blueprint = readRepoFile('render.yaml');
const facts = repoFacts();

describe('render.yaml', () => {
  it('passes the schema and every semantic check', () => {
    expect(checkBlueprint(blueprint, facts)).toEqual([]);
  });

  it.each<[string, [string, string], RegExp]>([
    ['the proxy leaves Frankfurt', ['region: frankfurt', 'region: oregon'], /frankfurt/],
    ['a key is misspelt', ['healthCheckPath:', 'healthcheckPath:'], /schema/],
    [
      'a secret gets a value',
      [
        '      - key: TIKTOK_CLIENT_SECRET\n        sync: false',
        '      - key: TIKTOK_CLIENT_SECRET\n        value: abc',
      ],
      /TIKTOK_CLIENT_SECRET/,
    ],
    ['the seal key is not generated', ['        generateValue: true', '        sync: false'], /SESSION_SEAL_KEY/],
    [
      'the shutdown delay is below the grace',
      ['maxShutdownDelaySeconds: 30', 'maxShutdownDelaySeconds: 10'],
      /maxShutdownDelaySeconds/,
    ],
    ['the CSP allows inline scripts', ["script-src 'self'", "script-src 'self' 'unsafe-inline' *"], /CSP|schema/],
    [
      'the API base is plain http',
      ['value: https://api.contentstudiopro.com', 'value: http://api.contentstudiopro.com'],
      /https/,
    ],
    ['the SPA rewrite is gone', ['destination: /index.html', 'destination: /404.html'], /rewrite/],
    ['HSTS is dropped', ['name: Strict-Transport-Security', 'name: X-Strict-Transport'], /HSTS/],
    [
      'the rate-limit store opens to the internet',
      ['    ipAllowList: []', '    ipAllowList:\n      - source: 0.0.0.0/0'],
      /ipAllowList/,
    ],
    [
      'the rate-limit store leaves Frankfurt',
      [
        '    region: frankfurt\n    plan: starter\n    maxmemoryPolicy',
        '    region: oregon\n    plan: starter\n    maxmemoryPolicy',
      ],
      /keyvalue: region/,
    ],
    [
      'the store reference names no service',
      ['name: content-studio-rate-limits\n          property', 'name: content-studio-nowhere\n          property'],
      /RATE_LIMIT_REDIS_URL/,
    ],
    [
      'a Key Value instance gets a web field',
      ['    ipAllowList: []', '    ipAllowList: []\n    healthCheckPath: /healthz'],
      /schema/,
    ],
  ])('reports it when %s', (_name, [from, to], expected) => {
    expect(blueprint).toContain(from);
    const problems = checkBlueprint(blueprint.replace(from, to), facts);
    expect(problems.join('\n')).toMatch(expected);
  });
});
