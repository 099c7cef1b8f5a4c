import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
export const readRepoFile = (path: string) => readFileSync(`${repoRoot}${path}`, 'utf8');

export function repoFacts() {
  const documentedEnv = new Set(
    readRepoFile('.env.example')
      .split('\n')
      .map((line) => /^([A-Z][A-Z0-9_]*)=/.exec(line)?.[1])
      .filter((key): key is string => Boolean(key)),
  );
  return { existingPaths: (path: string) => existsSync(`${repoRoot}${path}`), documentedEnv };
}

/** How the proxy is started everywhere (Dockerfile CMD, bench): its package's `start` script. */
export function proxyStartScript(): string {
  const pkg = JSON.parse(readRepoFile('apps/proxy/package.json')) as { scripts: { start: string } };
  return pkg.scripts.start;
}
