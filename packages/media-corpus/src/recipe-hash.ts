import { createHash } from 'node:crypto';
import type { Recipe } from './recipes.ts';

/**
 * The hash of what makes a file: its name and how it is made. The manifest records it, so a recipe
 * edited without running `pnpm corpus` fails the drift test instead of leaving stale files behind.
 */
export function recipeSha256(recipe: Pick<Recipe, 'name' | 'make'>): string {
  return createHash('sha256')
    .update(JSON.stringify({ name: recipe.name, make: recipe.make }))
    .digest('hex');
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
