import { describe, expect, it } from 'vitest';
import { checkDockerfile } from './dockerfile-policy';
import { proxyStartScript, readRepoFile } from './repo';

const dockerfile = readRepoFile('apps/proxy/Dockerfile');
const cmd = /^CMD \[.*\]$/m.exec(dockerfile)?.[0] ?? '';

describe('apps/proxy/Dockerfile', () => {
  it('lints clean and follows the image policy', () => {
    expect(checkDockerfile(dockerfile, { startScript: proxyStartScript() })).toEqual([]);
  });

  it("reports a CMD that drifts from the proxy's start script (its V8 flags)", () => {
    expect(cmd).toContain('--max-semi-space-size');
    const drifted = dockerfile.replace(cmd, 'CMD ["node", "dist/server.js"]');
    expect(checkDockerfile(drifted, { startScript: proxyStartScript() }).join('\n')).toMatch(/start script/);
  });

  it.each<[string, [string, string], RegExp]>([
    ['it runs as root', ['USER node', 'USER root'], /non-root/],
    ['CMD is shell form', [cmd, 'CMD node dist/server.js'], /exec form/],
    ['the HEALTHCHECK is gone', ['HEALTHCHECK', '# HEALTHCHECK'], /HEALTHCHECK|lint/],
    ['the runtime is not Node 24 slim', ['FROM node:24-slim\nENV', 'FROM node:20\nENV'], /node:24-slim/],
    ['a secret is baked in', ['ENV NODE_ENV=production', 'ENV NODE_ENV=production TIKTOK_CLIENT_SECRET=x'], /secret/],
    ['an instruction is unknown', ['WORKDIR /app', 'WORKDIRR /app'], /lint/],
  ])('reports it when %s', (_name, [from, to], expected) => {
    expect(dockerfile).toContain(from);
    expect(checkDockerfile(dockerfile.replace(from, to)).join('\n')).toMatch(expected);
  });
});
