// Sums the JSON reports every vitest suite wrote (VITEST_RESULTS_DIR) into the one plain line CI
// reads: `N passed, N failed`. A suite that wrote no report counts as a failure: it did not run.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const dir = process.argv[2];
const expected = ['contract', 'deploy-checks', 'proxy', 'tiktok-sandbox', 'web', 'e2e'];
let passed = 0;
let failed = 0;
const seen = new Set();
for (const file of (await readdir(dir)).filter((f) => f.endsWith('.json'))) {
  const report = JSON.parse(await readFile(join(dir, file), 'utf8'));
  const name = file.replace(/\.json$/, '');
  seen.add(name);
  passed += report.numPassedTests;
  // A file that failed to load has no failed test, only a failed suite: count it once.
  const loadFailures = report.numFailedTests === 0 ? report.numFailedTestSuites : 0;
  failed += report.numFailedTests + loadFailures;
  console.log(`${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`);
}
for (const name of expected.filter((n) => !seen.has(n))) {
  console.log(`${name}: no report (the suite did not run)`);
  failed += 1;
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
