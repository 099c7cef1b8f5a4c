import { checkDockerfile } from './dockerfile-policy';
import { checkBlueprint } from './render-blueprint';
import { proxyStartScript, readRepoFile, repoFacts } from './repo';

/** `pnpm check:deploy`: fails (exit 1) with one line per problem in render.yaml or the Dockerfile. */
const problems = [
  ...checkBlueprint(readRepoFile('render.yaml'), repoFacts()).map((p) => `render.yaml: ${p}`),
  ...checkDockerfile(readRepoFile('apps/proxy/Dockerfile'), { startScript: proxyStartScript() }).map(
    (p) => `apps/proxy/Dockerfile: ${p}`,
  ),
];
for (const problem of problems) console.error(problem);
console.log(
  problems.length ? `deploy checks: ${problems.length} problem(s)` : 'deploy checks: render.yaml and Dockerfile OK',
);
process.exit(problems.length ? 1 : 0);
