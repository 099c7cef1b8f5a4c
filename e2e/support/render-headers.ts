import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

/** The Render blueprint: the production host's headers for the static site are declared there. */
export const RENDER_YAML = fileURLToPath(new URL('../../render.yaml', import.meta.url));

export type DeclaredHeader = { path: string; name: string; value: string };

/**
 * The `headers:` of the blueprint's static site (`runtime: static`), in file order. The `yaml`
 * package is not a dependency of this workspace, so this is a small reader for exactly the shape
 * Render documents and render.yaml uses:
 *
 * ```yaml
 *     headers:
 *       - path: /*
 *         name: Content-Security-Policy
 *         value: "default-src 'none'; …"
 * ```
 *
 * Values may be plain or double-quoted (no escapes are used in the file; one would be refused).
 * Anything it does not recognise inside the block is an error, so a reformatted file fails loudly
 * instead of silently dropping a header.
 */
export async function readStaticSiteHeaders(file: string = RENDER_YAML): Promise<DeclaredHeader[]> {
  return parseStaticSiteHeaders(await readFile(file, 'utf8'));
}

export function parseStaticSiteHeaders(text: string): DeclaredHeader[] {
  const lines = text.split(/\r?\n/);
  // The service list entries start with "  - type: …"; find the one whose block has runtime: static.
  const starts = lines.flatMap((line, index) => (/^ {2}- type:/.test(line) ? [index] : []));
  for (const [i, start] of starts.entries()) {
    const block = lines.slice(start, starts[i + 1] ?? lines.length);
    if (!block.some((line) => /^ {4}runtime: static\s*$/.test(line))) continue;
    const headersAt = block.findIndex((line) => /^ {4}headers:\s*$/.test(line));
    if (headersAt < 0) throw new Error('render.yaml: the static site declares no headers');
    const headers: DeclaredHeader[] = [];
    let entry: Partial<DeclaredHeader> | undefined;
    for (const line of block.slice(headersAt + 1)) {
      if (line.trim() === '' || line.trim().startsWith('#')) continue;
      if (!line.startsWith('      ')) break; // back at the service's own keys: the list is over
      const match = /^ {6}(- | {2})(path|name|value): (.*)$/.exec(line);
      if (!match) throw new Error(`render.yaml: unexpected line in the static site's headers: ${line}`);
      const [, marker, key, raw] = match as unknown as [string, string, keyof DeclaredHeader, string];
      if (marker === '- ') {
        if (entry) headers.push(complete(entry));
        entry = {};
      }
      if (!entry) throw new Error(`render.yaml: header field outside a list entry: ${line}`);
      entry[key] = unquote(raw.trim());
    }
    if (entry) headers.push(complete(entry));
    return headers;
  }
  throw new Error('render.yaml: no service with runtime: static');
}

function unquote(raw: string): string {
  if (raw.startsWith('"')) {
    if (!raw.endsWith('"') || raw.length < 2 || raw.slice(1, -1).includes('\\')) {
      throw new Error(`render.yaml: unsupported quoted value: ${raw}`);
    }
    return raw.slice(1, -1);
  }
  if (raw.startsWith("'")) {
    if (!raw.endsWith("'") || raw.length < 2) throw new Error(`render.yaml: unsupported quoted value: ${raw}`);
    return raw.slice(1, -1).replaceAll("''", "'");
  }
  return raw;
}

function complete(entry: Partial<DeclaredHeader>): DeclaredHeader {
  if (entry.path === undefined || entry.name === undefined || entry.value === undefined) {
    throw new Error(`render.yaml: a header entry lacks path, name or value: ${JSON.stringify(entry)}`);
  }
  return { path: entry.path, name: entry.name, value: entry.value };
}

/** The headers whose Render path pattern (`/*`, `/assets/*`, an exact path) matches `pathname`. */
export function headersForPath(headers: readonly DeclaredHeader[], pathname: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const header of headers) {
    const matches = header.path.endsWith('*')
      ? pathname.startsWith(header.path.slice(0, -1))
      : pathname === header.path;
    if (matches) out[header.name.toLowerCase()] = header.value;
  }
  return out;
}

/** Adds sources to one directive of a CSP, keeping everything else byte for byte. */
export function addCspSources(csp: string, directive: string, ...sources: string[]): string {
  let found = false;
  const next = csp
    .split(';')
    .map((part) => {
      const trimmed = part.trim();
      if (trimmed.split(/\s+/)[0] !== directive) return part;
      found = true;
      return `${part.replace(/\s+$/, '')} ${sources.join(' ')}`;
    })
    .join(';');
  if (!found) throw new Error(`The CSP has no ${directive} directive`);
  return next;
}
