import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * Parses untrusted input with a contract schema. The message names the offending fields and zod's
 * fixed description, never the submitted values (they may carry a token or a code).
 */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const details = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : what}: ${issue.message}`)
    .join('; ');
  throw new AppError('VALIDATION_FAILED', 400, `Invalid ${what}. ${details}`);
}
