import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './repo';
import { anchorsOf, citationProblems, isCheckedText, type RepoText } from './requirement-citations';

const RULES: RepoText = {
  path: 'docs/requirements/tiktok-rules.md',
  text: '# TikTok\n\n<a id="chunk-sizes"></a>\n### Chunk sizes\n\nSee [the limits](#rate-limits).\n',
};

function problemsOf(path: string, text: string) {
  return citationProblems([RULES, { path, text }]).map((p) => `${p.path}:${p.line} ${p.problem}`);
}

describe('requirement citations', () => {
  it('reads explicit anchors and heading slugs', () => {
    expect([...anchorsOf(RULES.text)]).toEqual(expect.arrayContaining(['chunk-sizes', 'tiktok']));
  });

  it('accepts a cited anchor that exists, in code and as a relative Markdown link', () => {
    expect(problemsOf('apps/proxy/src/a.ts', '// docs/requirements/tiktok-rules.md#chunk-sizes')).toEqual([]);
    expect(
      problemsOf('apps/web/README.md', 'see [the rule](../../docs/requirements/tiktok-rules.md#chunk-sizes)'),
    ).toEqual([]);
  });

  it('refuses an anchor or a requirements file that does not exist', () => {
    expect(problemsOf('a.ts', '// docs/requirements/tiktok-rules.md#chunk-size')).toEqual([
      'a.ts:1 cites docs/requirements/tiktok-rules.md#chunk-size, which has no such anchor',
    ]);
    expect(problemsOf('a.ts', '\n// docs/requirements/promises.md#scopes')).toEqual([
      'a.ts:2 cites docs/requirements/promises.md, which does not exist',
    ]);
  });

  it.each([
    ['// checked against an allowlist (security property S3)', 'cites a security/reliability property by number'],
    ['/** never a second init (R4). */', 'cites a security/reliability property by number'],
    ['// TikTok forbids a default (§4.2b)', 'cites a section by number (§)'],
    ["// exactly as chosen (owner's promise 4)", 'cites a product promise by number'],
    ['// see pitfall 8', 'cites a pitfall by number'],
    ["// TikTok's audit rule 1b", 'cites a rule by number'],
    ['// from the api-spec', 'cites a document outside the repository'],
    ['// see ../shared/product/brief.md', 'cites a document outside the repository'],
  ])('refuses %j', (line, problem) => {
    expect(problemsOf('a.ts', line)).toContain(`a.ts:1 ${problem}`);
  });

  it('refuses a Markdown link that climbs out of the repository', () => {
    expect(problemsOf('README.md', 'the [brief](../shared/product/notes.md)')).toContain(
      'README.md:1 links ../shared/product/notes.md, outside the repository',
    );
  });

  it('leaves public citations and ordinary words alone', () => {
    expect(problemsOf('a.ts', '/** Retry-After as an HTTP date (RFC 9110 §10.2.3). */')).toEqual([]);
    expect(problemsOf('a.ts', 'const S30 = 30; // 30 requests a minute; promises are kept')).toEqual([]);
  });

  it('holds for every file of this repository', () => {
    const tracked = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .filter((path) => path !== '' && isCheckedText(path));
    expect(tracked).toContain('docs/requirements/tiktok-rules.md');
    const files = tracked.flatMap((path) => {
      try {
        return [{ path, text: readFileSync(`${repoRoot}${path}`, 'utf8') }];
      } catch {
        return []; // deleted in the working tree
      }
    });
    expect(citationProblems(files).map((p) => `${p.path}:${p.line} ${p.problem}`)).toEqual([]);
  });
});
