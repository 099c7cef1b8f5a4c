// Sums the JSON reports every vitest suite wrote (VITEST_RESULTS_DIR) into the one plain line CI
// reads: `N passed, N failed`. A suite that wrote no report counts as a failure: it did not run.
// Usage: ci-summary.mjs <node20-dir> [<node24-dir>]  (the second holds the unit suites only)
// `proxy-redis` is `pnpm test:redis`, which .ci/run runs on both Nodes after installing redis-server.
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

const UNIT = ['contract', 'deploy-checks', 'proxy', 'proxy-redis', 'tiktok-sandbox', 'web'];
const [mainDir, ...extraDirs] = process.argv.slice(2);
let passed = 0;
let failed = 0;

async function sum(dir, expected) {
  const label = basename(dir);
  const seen = new Set();
  for (const file of (await readdir(dir).catch(() => [])).filter((f) => f.endsWith('.json'))) {
    const report = JSON.parse(await readFile(join(dir, file), 'utf8'));
    const name = file.replace(/\.json$/, '');
    seen.add(name);
    // A file that failed to load has no failed test, only a failed suite: count it once.
    const loadFailures = report.numFailedTests === 0 ? report.numFailedTestSuites : 0;
    passed += report.numPassedTests;
    failed += report.numFailedTests + loadFailures;
    console.log(`${label}/${name}: ${report.numPassedTests} passed, ${report.numFailedTests + loadFailures} failed`);
  }
  for (const name of expected.filter((n) => !seen.has(n))) {
    console.log(`${label}/${name}: no report (the suite did not run)`);
    failed += 1;
  }
}

await sum(mainDir, [...UNIT, 'e2e']);
for (const dir of extraDirs) await sum(dir, UNIT);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
