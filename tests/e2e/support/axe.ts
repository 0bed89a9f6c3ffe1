import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core on the current screen: WCAG 2.x A/AA (incl. 2.2) with zero
 * violations, plus the AAA contrast rule since the kiosk promises 7:1.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  const standard = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  const enhanced = await new AxeBuilder({ page }).withRules(['color-contrast-enhanced']).analyze();
  const violations = [...standard.violations, ...enhanced.violations].map((v) => ({
    rule: v.id,
    targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    summary: v.nodes[0]?.failureSummary,
  }));
  expect(violations, `axe violations on ${screen}`).toEqual([]);
}
