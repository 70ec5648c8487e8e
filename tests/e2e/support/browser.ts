import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import sparticuz from '@sparticuz/chromium';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';

/** The repository's own folder for the unpacked Chromium: two versions unpacked into one /tmp break each other. */
const CHROMIUM_DIR = fileURLToPath(new URL('../../../.cache/chromium', import.meta.url));

// This network is closed: nothing in the background may try to reach out.
const QUIET = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
// @sparticuz/chromium's flags are made for AWS Lambda; these would weaken the very checks (same origin, CSP) we test.
const UNWANTED = new Set(['--disable-web-security', '--allow-running-insecure-content', '--single-process']);

/** Headless Chromium: CHROMIUM_PATH when given (e.g. /usr/bin/chromium), else the one from the npm registry. */
export async function launchBrowser(): Promise<Browser> {
  const given = process.env.CHROMIUM_PATH;
  if (given) return chromium.launch({ executablePath: given, headless: true, args: ['--no-sandbox', ...QUIET] });
  mkdirSync(CHROMIUM_DIR, { recursive: true });
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = CHROMIUM_DIR; // @sparticuz/chromium unpacks into os.tmpdir()
  let executablePath: string;
  try {
    executablePath = await sparticuz.executablePath();
  } finally {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
  }
  const args = [...sparticuz.args.filter((arg) => !UNWANTED.has(arg)), ...QUIET];
  return chromium.launch({ executablePath, headless: true, args });
}

/** No serious or critical WCAG 2.1 A/AA violation on the page as it is now. */
export async function expectAccessible(page: Page, where: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const grave = results.violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
  expect(
    grave.map(
      (violation) => `${where}: ${violation.id} (${violation.impact}) ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
    ),
  ).toEqual([]);
}

/**
 * Reflow (WCAG 1.4.10) at 320 CSS pixels: the page does not scroll sideways; only a table may, inside its own
 * region (`.ek-table__scroll`), which must then be reachable with the keyboard and labelled. Then axe at that width.
 * The viewport stays at 320 px.
 */
export async function expectReflowAt320(page: Page, where: string): Promise<void> {
  await page.setViewportSize({ width: 320, height: 640 });
  const wide = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > 320.5 && !element.closest('.ek-table__scroll *'))
        .map(
          (element) =>
            `${element.tagName.toLowerCase()}.${String(element.className)} "${(element.textContent ?? '').trim().slice(0, 40)}" ` +
            `right=${Math.round(element.getBoundingClientRect().right)}`,
        ),
    );
  await expect.poll(wide, { timeout: 5_000 }).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${where}: the page scrolls sideways`).toBeLessThanOrEqual(320);
  const scrollers = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ek-table__scroll')]
      .filter((region) => region.scrollWidth > region.clientWidth)
      .map((region) => ({ tabIndex: region.tabIndex, label: region.getAttribute('aria-label') ?? '', role: region.getAttribute('role') })),
  );
  for (const scroller of scrollers) {
    expect(scroller.tabIndex, `${where}: a scrolling table region is not focusable`).toBe(0);
    expect(scroller.label, `${where}: a scrolling table region has no label`).not.toBe('');
    expect(scroller.role).toBe('region');
  }
  await expectAccessible(page, `${where} at 320 px`);
}
