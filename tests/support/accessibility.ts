import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export interface Violation {
  rule: string;
  impact: string;
  targets: string[];
}

/**
 * Tabster (Fluent UI v9's focus management) puts `<i aria-hidden tabindex="0" data-tabster-dummy>`
 * around tab lists, dialogs and menus, whose only job is to pass focus on at once: Microsoft lists
 * the resulting `aria-hidden-focus` finding as a known false positive (fluentui#25133) and its own
 * Accessibility Insights suppresses exactly these nodes. Nothing else is left out.
 */
const isTabsterDummy = (rule: string, html: string): boolean => rule === 'aria-hidden-focus' && html.includes('data-tabster-dummy');

/** What axe-core finds on the page at `serious` or `critical` impact: rule, impact and where, for a readable failure. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      rule: v.id,
      impact: v.impact ?? '',
      targets: v.nodes.filter((node) => !isTabsterDummy(v.id, node.html)).map((node) => node.target.join(' ')),
    }))
    .filter((v) => v.targets.length > 0);
}
