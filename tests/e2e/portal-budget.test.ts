import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page, Response } from 'playwright-core';
import type { TestApi } from '@evikomp/api/testing';
import { launchBrowser } from './support/browser.js';
import { signIn } from './support/pages.js';
import { DEMO_ADMINISTRATOR, startPortalServer } from './support/portal-server.js';

/** The shell's initial JavaScript and CSS, gzip, until the sign-in form can be used. */
const BUDGET_BYTES = 200_000;

interface Fetched {
  path: string;
  gzip: number;
  /** A script holding PrimeVue's AutoComplete or the shared SearchPicker (they are for the remotes' pages only; the
   * stylesheet, shared by all, has the picker's few rules). */
  picker: boolean;
}

/** Every JS and CSS response of the page, with its gzip size (computed here: the API sends them uncompressed). */
function recordAssets(page: Page): Fetched[] {
  const fetched: Fetched[] = [];
  const pending: Promise<void>[] = [];
  page.on('response', (response: Response) => {
    const type = response.request().resourceType();
    const path = new URL(response.url()).pathname;
    if (type !== 'script' && type !== 'stylesheet' && !/\.(m?js|css)$/.test(path)) return;
    pending.push(
      response
        .body()
        .then(
          (body) =>
            void fetched.push({
              path,
              gzip: gzipSync(body, { level: 9 }).length,
              picker: type === 'script' && /p-autocomplete|ek-picker/.test(body.toString('utf8')),
            }),
        )
        .catch(() => undefined),
    );
  });
  Object.defineProperty(fetched, 'settled', { value: () => Promise.all(pending) });
  return fetched;
}
const settled = (fetched: Fetched[]) => (fetched as unknown as { settled: () => Promise<void> }).settled();
const total = (fetched: Fetched[]) => fetched.reduce((sum, file) => sum + file.gzip, 0);

describe('what the portal makes a browser download', () => {
  let api: TestApi;
  let browser: Browser;
  beforeAll(async () => {
    [api, browser] = await Promise.all([startPortalServer(), launchBrowser()]);
  });
  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  it('keeps the shell within 200 kB gzip until the sign-in form is interactive, and fetches a microfrontend only on its first visit', async () => {
    const context = await browser.newContext({ baseURL: api.url });
    const page = await context.newPage();
    const fetched = recordAssets(page);
    await page.goto('/sign-in');
    await page.locator('[data-test="sign-in-submit"]:enabled').waitFor();
    await page.waitForLoadState('networkidle');
    await settled(fetched);
    const initial = [...fetched];
    const initialBytes = total(initial);

    expect(initial.filter((file) => file.path.startsWith('/mf/'))).toEqual([]);
    // The shared package's pieces that only the microfrontends use (the search picker) stay out of the first page.
    expect(initial.filter((file) => file.picker)).toEqual([]);
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Medlemsorganisationer' }).waitFor();
    await page.waitForLoadState('networkidle');
    await settled(fetched);
    const directory = fetched.slice(initial.length);
    expect(directory.some((file) => file.path.startsWith('/mf/directory/'))).toBe(true);
    expect(fetched.some((file) => file.path.startsWith('/mf/training/'))).toBe(false);

    await page.locator('[data-test="nav-training"]').click();
    await page.locator('[data-test="training-home"]').waitFor();
    await page.waitForLoadState('networkidle');
    await settled(fetched);
    const training = fetched.slice(initial.length + directory.length);
    expect(training.some((file) => file.path.startsWith('/mf/training/'))).toBe(true);
    expect(training.some((file) => file.path.startsWith('/mf/directory/'))).toBe(false);
    expect(fetched.some((file) => file.path.startsWith('/mf/networks/') || file.path.startsWith('/mf/admin/'))).toBe(false);

    // Each microfrontend's entry (what registering and first loading it costs before its pages' own chunks).
    const manifest = (await (await page.request.get('/portal-manifest.json')).json()) as { remotes: Record<string, string> };
    const entries: Record<string, number> = {};
    for (const [name, url] of Object.entries(manifest.remotes)) {
      entries[name] = gzipSync(await (await page.request.get(url)).body(), { level: 9 }).length;
    }

    // Written down for docs/portal.md; the test fails above the budget.
    const report = {
      entryGzipBytes: entries,
      measuredAt: new Date().toISOString(),
      shellInitialGzipBytes: initialBytes,
      shellInitialFiles: initial.sort((a, b) => b.gzip - a.gzip),
      directoryFirstVisitGzipBytes: total(directory),
      directoryFiles: directory,
      trainingFirstVisitGzipBytes: total(training),
      trainingFiles: training,
    };
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/portal-bundle.json', JSON.stringify(report, null, 2));
    console.log(
      `portal bundle: shell ${initialBytes} B gzip, directory +${report.directoryFirstVisitGzipBytes} B, training +${report.trainingFirstVisitGzipBytes} B; entries ${Object.entries(
        entries,
      )
        .map(([name, bytes]) => `${name} ${bytes} B`)
        .join(', ')}`,
    );
    expect(initialBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    await context.close();
  });
});
