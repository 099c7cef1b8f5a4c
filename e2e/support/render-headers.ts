import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';

/** The Render blueprint: the production host's headers for the static site are declared there. */
export const RENDER_YAML = fileURLToPath(new URL('../../render.yaml', import.meta.url));

export type DeclaredHeader = { path: string; name: string; value: string };

const HeaderSchema = z.strictObject({ path: z.string(), name: z.string(), value: z.string() });
const BlueprintSchema = z.object({
  services: z.array(z.object({ runtime: z.string().optional(), headers: z.array(HeaderSchema).optional() })),
});

/**
 * The `headers:` of the blueprint's static site (`runtime: static`), in file order, read with the
 * `yaml` package. A header entry with a key other than path, name and value is an error, so a
 * reformatted file fails loudly instead of silently dropping a header.
 */
export async function readStaticSiteHeaders(file: string = RENDER_YAML): Promise<DeclaredHeader[]> {
  return parseStaticSiteHeaders(await readFile(file, 'utf8'));
}

export function parseStaticSiteHeaders(text: string): DeclaredHeader[] {
  const parsed = BlueprintSchema.safeParse(parse(text));
  if (!parsed.success) throw new Error(`render.yaml: unexpected shape: ${z.prettifyError(parsed.error)}`);
  const site = parsed.data.services.find((service) => service.runtime === 'static');
  if (!site) throw new Error('render.yaml: no service with runtime: static');
  if (!site.headers?.length) throw new Error('render.yaml: the static site declares no headers');
  return site.headers;
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
