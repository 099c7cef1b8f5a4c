import { posix } from 'node:path';

/**
 * The repository cites its requirements by anchor in docs/requirements/ (docs/requirements/README.md):
 * every cited anchor must exist, and nothing may cite a requirement by an internal number or by a
 * path outside the repository (the patterns below), since neither resolves for a reader of it.
 */

export interface RepoText {
  /** Repository-relative, with `/`. */
  path: string;
  text: string;
}

export interface CitationProblem {
  path: string;
  line: number;
  problem: string;
}

const REQUIREMENTS_DIR = 'docs/requirements/';

/** `<a id="…">` anchors and heading slugs (GitHub's rule, simplified) of a Markdown file. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  for (const match of markdown.matchAll(/<a\s+id="([^"]+)"/g)) anchors.add(match[1] ?? '');
  for (const match of markdown.matchAll(/^#{1,6}\s+(.+)$/gm)) {
    const slug = (match[1] ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/\s/g, '-');
    anchors.add(slug);
  }
  return anchors;
}

/**
 * Bare internal numbers and outside paths. Each pattern names what it catches; an RFC's own section
 * sign (`RFC 9110 §10.2.3`) is a public citation and stays allowed.
 */
const FORBIDDEN: readonly { pattern: RegExp; problem: string }[] = [
  { pattern: /\b[SR](?:10|[1-9])\b/, problem: 'cites a security/reliability property by number' },
  { pattern: /(?<!RFC \d{1,5} )§/, problem: 'cites a section by number (§)' },
  {
    pattern: /\b(?:(?:owner(?:'s|’s)?|privacy) promises? \d{1,2}|promise \d{1,2})\b/i,
    problem: 'cites a product promise by number',
  },
  { pattern: /\bproperty [SR]?\d{1,2}\b/i, problem: 'cites a property by number' },
  { pattern: /\bpitfall \d{1,2}\b/i, problem: 'cites a pitfall by number' },
  { pattern: /\brules? \d{1,2}[a-z]?\b/i, problem: 'cites a rule by number' },
  { pattern: /\bthe spec\b/i, problem: 'cites a document outside the repository' },
  { pattern: /\bapi-spec(?:\.md)?\b|\bbrief\.md\b/, problem: 'cites a document outside the repository' },
  { pattern: /(?:\.\.\/)+shared\/|\/work\/shared\b/, problem: 'names a path outside the repository' },
];

interface Link {
  line: number;
  /** Repository-relative path the link resolves to. */
  target: string;
  anchor: string | undefined;
}

/**
 * Where a file points: a requirements file written out anywhere (`docs/requirements/x.md#a`), and, in
 * Markdown, every relative link `[text](path#anchor)` resolved against the file's folder.
 */
function linksOf(file: RepoText): Link[] {
  const links: Link[] = [];
  file.text.split('\n').forEach((text, index) => {
    const line = index + 1;
    for (const match of text.matchAll(/(?<![\w/.-])(docs\/requirements\/[\w.-]+\.md)(?:#([\w-]+))?/g)) {
      links.push({ line, target: match[1] ?? '', anchor: match[2] });
    }
    if (!file.path.endsWith('.md')) return;
    for (const match of text.matchAll(/\]\(([^)\s#]*)(?:#([\w-]+))?\)/g)) {
      const raw = match[1] ?? '';
      if (raw === '' || /^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('/')) continue;
      links.push({ line, target: posix.normalize(posix.join(posix.dirname(file.path), raw)), anchor: match[2] });
    }
  });
  return links;
}

export function citationProblems(files: readonly RepoText[]): CitationProblem[] {
  const requirementFiles = new Map(
    files.filter((f) => f.path.startsWith(REQUIREMENTS_DIR)).map((f) => [f.path, anchorsOf(f.text)]),
  );
  const problems: CitationProblem[] = [];
  for (const file of files) {
    for (const { line, target, anchor } of linksOf(file)) {
      if (target.startsWith('..')) {
        problems.push({ path: file.path, line, problem: `links ${target}, outside the repository` });
        continue;
      }
      if (!target.startsWith(REQUIREMENTS_DIR)) continue;
      const anchors = requirementFiles.get(target);
      if (!anchors) problems.push({ path: file.path, line, problem: `cites ${target}, which does not exist` });
      else if (anchor !== undefined && !anchors.has(anchor)) {
        problems.push({ path: file.path, line, problem: `cites ${target}#${anchor}, which has no such anchor` });
      }
    }
    file.text.split('\n').forEach((text, index) => {
      for (const { pattern, problem } of FORBIDDEN) {
        if (pattern.test(text)) problems.push({ path: file.path, line: index + 1, problem });
      }
    });
  }
  return problems;
}

/** Files whose words are read by people: source, docs, configuration; not data, media or lock files. */
export function isCheckedText(path: string): boolean {
  // This checker and its test quote what they refuse.
  if (path.startsWith('packages/deploy-checks/src/requirement-citations')) return false;
  return /\.(?:[cm]?[jt]sx?|md|ya?ml|css|html|sh)$/.test(path) || /(^|\/)(Dockerfile|run)$/.test(path);
}
