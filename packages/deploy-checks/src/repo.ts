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
