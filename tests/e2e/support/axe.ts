import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/**
 * axe-core on the current screen: WCAG 2.x A/AA (incl. 2.2) with zero
 * violations, plus the AAA contrast rule since the kiosk promises 7:1.
 */
export async function expectNoAxeViolations(page: Page, screen: string): Promise<void> {
  // One pass: a rule enabled in `rules` runs beside the tags (axe's ruleShouldRun), so the page is analysed once, not twice.
  // `options` first: it replaces what withTags sets.
  const results = await new AxeBuilder({ page })
    // 7:1 (AAA) implies 4.5:1 (AA): the enhanced contrast rule replaces the AA one, whose pass would find nothing more.
    .options({ rules: { 'color-contrast-enhanced': { enabled: true }, 'color-contrast': { enabled: false } } })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const violations = results.violations.map((v) => ({
    rule: v.id,
    targets: v.nodes.slice(0, 3).map((node) => node.target.join(' ')),
    summary: v.nodes[0]?.failureSummary,
  }));
  expect(violations, `axe violations on ${screen}`).toEqual([]);
}
