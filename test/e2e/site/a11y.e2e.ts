/**
 * Accessibility gate: axe-core (node_modules/axe-core) on every page of the built site, in both languages and
 * in Starlight's light and dark themes. Any violation axe rates serious or critical fails the page's test with
 * a readable list (rule, impact, what to fix, the elements); minor and moderate ones are not gated.
 */
import { createRequire } from 'node:module';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../browser.ts';
import { builtPages } from './built-pages.ts';

const AXE_SCRIPT = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const GATED_IMPACTS = new Set(['serious', 'critical']);
const THEMES = ['light', 'dark'] as const;
/**
 * The light theme runs every rule. The dark theme changes colours (and images that have a dark variant) only, so
 * it runs the rules those can break, which halves the time of the gate.
 */
const RULES: Record<(typeof THEMES)[number], string[] | undefined> = {
  light: undefined,
  dark: ['color-contrast', 'link-in-text-block', 'image-alt', 'svg-img-alt', 'role-img-alt', 'object-alt'],
};

interface AxeNode {
  target: unknown[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/** One violation as a few readable lines: rule, impact, what to fix, and up to five of the elements. */
function describeViolation(violation: AxeViolation): string {
  const nodes = violation.nodes.slice(0, 5).map((node) => {
    const html = node.html.replace(/\s+/g, ' ').slice(0, 160);
    const why = (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim().slice(0, 200);
    return `    - ${node.target.join(' ')}: ${html}${why ? `\n      ${why}` : ''}`;
  });
  const more = violation.nodes.length > 5 ? [`    ... and ${violation.nodes.length - 5} more`] : [];
  return [`  ${violation.id} (${violation.impact}): ${violation.help}`, ...nodes, ...more].join('\n');
}

describe('accessibility (axe-core): no serious or critical violations', () => {
  const siteUrl = inject('siteUrl');
  const pages = builtPages(inject('siteDir'));
  let browser: Browser;
  const contexts = new Map<string, BrowserContext>();

  beforeAll(async () => {
    browser = await launchChromium();
    for (const theme of THEMES) {
      // Starlight reads the chosen theme from localStorage before the page paints; the media query matches it.
      const context = await browser.newContext({ colorScheme: theme, serviceWorkers: 'block' });
      await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
      contexts.set(theme, context);
    }
  });
  afterAll(() => browser?.close());

  describe.each(THEMES)('%s theme', (theme) => {
    it.each(pages.map((p) => [`/${p.path} (${p.lang})`, p.path] as const))('%s', async (_, path) => {
      const page = await contexts.get(theme)!.newPage();
      try {
        await page.goto(`${siteUrl}${path}`, { waitUntil: 'networkidle' });
        // Let the page's scripts finish what they defer (Expressive Code marks scrollable code blocks focusable
        // after a 250 ms debounce and an idle callback) before judging it.
        await page.evaluate(
          () => new Promise((settled) => setTimeout(() => requestIdleCallback(settled, { timeout: 2000 }), 500)),
        );
        expect(await page.getAttribute('html', 'data-theme')).toBe(theme);
        await page.addScriptTag({ path: AXE_SCRIPT });
        const violations = await page.evaluate(async (rules) => {
          // biome-ignore lint/suspicious/noExplicitAny: axe is a global injected by the script tag above.
          const axe = (window as any).axe;
          const only = rules ? { runOnly: { type: 'rule', values: rules } } : {};
          const results = await axe.run(document, { resultTypes: ['violations'], ...only });
          return results.violations as AxeViolation[];
        }, RULES[theme]);
        const gated = violations.filter((v) => v.impact !== null && GATED_IMPACTS.has(v.impact));
        const report = gated.map(describeViolation).join('\n');
        expect(gated.length, `${path} in the ${theme} theme:\n${report}`).toBe(0);
      } finally {
        await page.close();
      }
    });
  });
});
