import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';

/**
 * The proxy image's rules (README, "Deployment"), checked without a Docker engine: dockerfile-utils'
 * linter for syntax, then our policy on the parsed instructions.
 */
export function checkDockerfile(text: string, options: { startScript?: string } = {}): string[] {
  const problems = validate(text)
    .filter((d) => d.severity === 1)
    .map((d) => `lint: line ${d.range.start.line + 1}: ${d.message}`);
  const dockerfile = DockerfileParser.parse(text);
  const froms = dockerfile.getFROMs();
  const instructions = dockerfile.getInstructions();
  const final = froms.at(-1);
  if (froms.length < 2) problems.push('policy: use a multi-stage build (build stage + runtime stage)');
  if (!final?.getImage()?.startsWith('node:24') || !final.getImage()?.includes('slim')) {
    problems.push('policy: the runtime stage must be node:24-slim');
  }
  const finalLine = final?.getRange().start.line ?? 0;
  const inFinal = instructions.filter((i) => i.getRange().start.line > finalLine);
  const user = inFinal.findLast((i) => i.getKeyword() === 'USER');
  if (!user || ['root', '0'].includes(user.getArgumentsContent()?.trim() ?? 'root')) {
    problems.push('policy: the runtime stage must switch to a non-root USER');
  }
  const cmd = inFinal.findLast((i) => i.getKeyword() === 'CMD');
  const cmdText = cmd?.getArgumentsContent()?.trim() ?? '';
  if (!cmdText.startsWith('[')) problems.push('policy: CMD must be exec form (JSON array) so SIGTERM reaches node');
  else if (options.startScript !== undefined && execFormArgs(cmdText)?.join(' ') !== options.startScript.trim()) {
    // The proxy's memory target depends on its V8 flags; the image must run what the bench measured.
    problems.push(`policy: CMD must run the proxy's start script exactly ("${options.startScript.trim()}")`);
  }
  if (!inFinal.some((i) => i.getKeyword() === 'HEALTHCHECK')) problems.push('policy: a HEALTHCHECK is required');
  if (
    !instructions.some((i) => i.getKeyword() === 'RUN' && /pnpm .*deploy .*--prod/.test(i.getArgumentsContent() ?? ''))
  ) {
    problems.push('policy: the runtime files must come from `pnpm deploy --prod`');
  }
  if (instructions.some((i) => i.getKeyword() === 'ADD')) problems.push('policy: use COPY, not ADD');
  if (/TIKTOK_CLIENT_SECRET|SESSION_SEAL_KEY/.test(text))
    problems.push('policy: no secret may be baked into the image');
  return problems;
}

function execFormArgs(cmd: string): string[] | undefined {
  try {
    const args: unknown = JSON.parse(cmd);
    return Array.isArray(args) && args.every((a) => typeof a === 'string') ? args : undefined;
  } catch {
    return undefined;
  }
}
