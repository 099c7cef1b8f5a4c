// Measures what a first visit to the landing page downloads before it can run: the entry script and
// every module it preloads, gzipped as a CDN would serve them. Prints the figure against the budget
// (issue 7: ≤ 100 KB gzip); a measurement, so it never fails the run.
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 100 * 1024;
const dist = new URL('../dist/', import.meta.url);
const html = await readFile(new URL('index.html', dist), 'utf8');
const files = [
  ...html.matchAll(/<script[^>]+type="module"[^>]+src="\/([^"]+)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\/([^"]+)"/g),
].map((m) => m[1]);

let total = 0;
const rows = [];
for (const file of new Set(files)) {
  const gz = gzipSync(await readFile(new URL(file, dist)), { level: 9 }).length;
  total += gz;
  rows.push(`  ${file}: ${(gz / 1024).toFixed(1)} KB gzip`);
}
console.log(`Landing page initial JavaScript (${files.length} file(s)):\n${rows.join('\n')}`);
const verdict = total <= BUDGET_BYTES ? 'pass' : 'MISS';
console.log(`total ${(total / 1024).toFixed(1)} KB gzip, budget ${BUDGET_BYTES / 1024} KB: ${verdict}`);
