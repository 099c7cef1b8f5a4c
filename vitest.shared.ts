/**
 * Reporter settings every workspace's vitest config uses. CI sets VITEST_RESULTS_DIR so each suite also
 * writes a JSON report that scripts/ci-summary.mjs sums into the `N passed, N failed` line.
 */
export function ciReporters(suite: string) {
  const dir = process.env.VITEST_RESULTS_DIR;
  return dir
    ? { reporters: ['default', 'json'], outputFile: { json: `${dir}/${suite}.json` } }
    : { reporters: ['default'] };
}
