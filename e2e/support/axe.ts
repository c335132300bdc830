import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** axe-core's browser build, injected into the page under test (never fetched from a CDN). */
export const AXE_PATH = fileURLToPath(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url));

/** The WCAG 2.1 A and AA rule tags. */
export const WCAG21_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export interface AxeViolationSummary {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe (WCAG 2.1 AA) over the whole document, open shadow roots included; injects axe once per page. */
export async function axeViolations(page: Page): Promise<AxeViolationSummary[]> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.addScriptTag({ path: AXE_PATH });
  return page.evaluate(async (tags) => {
    type AxeNode = { target: unknown; failureSummary?: string };
    type AxeViolation = { id: string; impact: string | null; help: string; nodes: AxeNode[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ').trim() })),
    }));
  }, WCAG21_AA_TAGS);
}

/** One line per failing node: rule id, where (axe's target, shadow hosts first) and what to fix. */
export function formatViolations(violations: AxeViolationSummary[]): string {
  return violations
    .flatMap((v) => v.nodes.map((n) => `  ${v.id} (${v.impact ?? 'n/a'}: ${v.help}) at ${n.target}: ${n.summary}`))
    .join('\n');
}

/** Asserts zero WCAG 2.1 AA violations in the page as it is now; `label` names the state in the message. */
export async function assertNoAxeViolations(page: Page, label: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.equal(violations.length, 0, `axe found WCAG 2.1 AA violations in ${label}:\n${formatViolations(violations)}`);
}
