import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { AppError } from './app-error';

interface Issue {
  /** Where in the input, e.g. `['post', 'title']`; empty for the whole input. */
  path: readonly PropertyKey[];
  message: string;
}

/**
 * The message names the offending fields and zod's fixed description, never the submitted values
 * (they may carry a token or a code).
 */
function invalid(what: string, issues: readonly Issue[]): AppError {
  const details = issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.map(String).join('.') : what}: ${issue.message}`)
    .join('; ');
  return new AppError('VALIDATION_FAILED', 400, `Invalid ${what}. ${details}`);
}

/**
 * Parses untrusted input with a contract schema, for input a route reads itself (the one-shot
 * upload's multipart fields); everything else is validated by the route's schema from the table.
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalid(what, parsed.error.issues);
}

const PARTS: Record<string, string> = {
  body: 'request body',
  params: 'address',
  querystring: 'query',
  headers: 'headers',
};

/**
 * A route schema's refusal (fastify-type-provider-zod's validator, one entry per zod issue) as the
 * same VALIDATION_FAILED error `parseOrThrow` gives; anything else is not a schema refusal.
 */
export function fromSchemaValidation(error: unknown): AppError | undefined {
  if (!hasZodFastifySchemaValidationErrors(error)) return undefined;
  const { validationContext } = error as { validationContext?: string };
  const what = PARTS[validationContext ?? ''] ?? 'request';
  return invalid(
    what,
    error.validation.map((entry) => ({
      path: entry.instancePath.split('/').filter(Boolean),
      message: entry.message ?? 'invalid',
    })),
  );
}
