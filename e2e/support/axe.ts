import axe from 'axe-core';
import type { AxeResults, ImpactValue } from 'axe-core';
import type { Page } from 'playwright-core';

export type AxeViolation = { id: string; impact: ImpactValue | undefined; help: string; targets: string[] };

/**
 * Runs axe-core inside the page (injected as a script, no network) and returns the violations of
 * the given impacts, with their selectors so a failure says where to look.
 */
export async function axeViolations(
  page: Page,
  impacts: readonly ImpactValue[] = ['serious', 'critical'],
): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: axe.source });
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe.run(document),
  );
  return results.violations
    .filter((violation) => violation.impact != null && impacts.includes(violation.impact))
    .map((violation) => ({
      id: violation.id,
      impact: violation.impact ?? undefined,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
}
