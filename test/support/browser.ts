import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { DATA_DIR } from '../../scripts/stack/paths';

/**
 * Browser tests drive the system's Chromium (Debian's `chromium` package, which `.ci/run`
 * installs when missing) through playwright-core, which downloads no browser of its own.
 */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots of each page type, kept by CI as artefacts (the folder is git-ignored). */
export const ARTIFACTS_DIR = path.join(DATA_DIR, 'test-artifacts');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`No Chromium at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    // No sandbox: CI runs as root, where Chromium's sandbox cannot start. Nothing else to reach
    // either: no GPU, no update or background traffic.
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}

/** Writes a full-page screenshot to `.data/test-artifacts/<name>.png` and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const file = path.join(ARTIFACTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page against WCAG 2.0/2.1 A and AA rules and returns the serious and
 * critical violations. The script is evaluated over the DevTools protocol, so the site's
 * Content-Security-Policy (no scripts at all) stays as it is.
 */
export async function seriousAccessibilityViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const page = globalThis as any;
    const result: { violations: AxeViolation[]; passes: unknown[] } = await page.axe.run(page.document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    // A run that checked nothing would pass any page.
    if (result.passes.length === 0) throw new Error('axe-core checked no rule on this page');
    return result.violations.map(({ id, impact, help, nodes }) => ({
      id,
      impact: impact ?? null,
      help,
      nodes: nodes.map((node) => ({ target: node.target })),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}
