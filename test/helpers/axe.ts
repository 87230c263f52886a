/**
 * axe-core in the browser with the rules this project holds itself to:
 * WCAG 2.0–2.2 A/AA plus best practices, and `target-size` (off by default
 * in axe, but Lighthouse and WCAG 2.5.8 check it).
 */
import 'axe-core';
import type { AxeResults, Result } from 'axe-core';

declare global {
  interface Window {
    axe: { run(context: Element | Document, options: object): Promise<AxeResults> };
  }
}

function describeViolation(violation: Result): string {
  const targets = violation.nodes.map((node) => node.target.join(' ')).join(', ');
  return `${violation.id}: ${violation.help} (${targets})`;
}

/** Resolves with a readable list of violations: the test asserts it is empty. */
export async function axeViolations(context: Element | Document = document): Promise<string[]> {
  const results = await window.axe.run(context, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    rules: { 'target-size': { enabled: true } },
  });
  return results.violations.map(describeViolation);
}
