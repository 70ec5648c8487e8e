/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const SLOW = { timeout: 15_000 };
// The table writes numbers the Swedish way (1 210, with a no-break space).
const numberOf = (text: string) => Number(text.replace(/[\s\u00a0]/g, ''));

describe('the dashboard in the portal', () => {
  const portal = usePortal();

  it('the administrator sees the county month by month as charts and as a table equal to the API, and downloads it', async () => {
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.locator('[data-test="nav-operations"]').click();
    await page.locator('[data-test="nav-dashboard"]').click();
    await page.getByRole('heading', { name: 'Instrumentpanel', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/operations/dashboard');
    expect(await page.title()).toBe('Instrumentpanel – Evikomp');
    await page.locator('[data-test="dashboard-table"]').waitFor(SLOW);

    // The charts are drawn: a canvas per series, with a size on the page and pixels of its own.
    const charts = page.locator('[data-test="dashboard-chart"]');
    await expect.poll(() => charts.count()).toBe(7);
    for (const chart of await charts.all()) {
      const box = await chart.boundingBox();
      expect(box!.width).toBeGreaterThan(0);
      expect(box!.height).toBeGreaterThan(0);
      expect(await chart.evaluate((canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(0);
    }

    // The table holds the API's figures, months in Swedish.
    const client = await portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const expected = (await client(`{ dashboard { months series { label values } } }`)).data!.dashboard as {
      months: string[];
      series: { label: string; values: number[] }[];
    };
    const header = await page.locator('[data-test="dashboard-table"] thead th').allTextContents();
    expect(header.map((text) => text.trim())).toEqual(['Månad', ...expected.series.map((series) => series.label)]);
    const rows = page.locator('[data-test="dashboard-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(12);
    const monthName = new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (const [index, month] of expected.months.entries()) {
      const row = rows.nth(index);
      expect((await row.locator('th').textContent())!.trim()).toBe(monthName.format(new Date(`${month}-01T12:00:00Z`)));
      const cells = (await row.locator('td').allTextContents()).map(numberOf);
      expect(cells).toEqual(expected.series.map((series) => series.values[index]));
    }
    // The demo data is alive: workplaces joined in most months.
    expect(expected.series[0]!.values.filter((value) => value > 0).length).toBeGreaterThanOrEqual(11);
    await expectAccessible(page, 'dashboard');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="dashboard-export-csv"]').click()]);
    expect(download.suggestedFilename()).toBe(`instrumentpanel-lanet-${expected.months[0]}-${expected.months[11]}.csv`);
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
    expect(csv[0]).toBe(['Område', 'Organisationsnummer', 'Månad', ...expected.series.map((series) => series.label)].join(';'));
    expect(csv[1]).toBe(['Hela länet', '', expected.months[0], ...expected.series.map((series) => series.values[0])].join(';'));

    // One organisation over three months: the choice goes to the URL.
    await page.locator('#dashboard-scope').selectOption({ label: 'Linköpings kommun' });
    await page.locator('#dashboard-from').fill(expected.months[9]!);
    await page.locator('#dashboard-to').fill(expected.months[11]!);
    await page.locator('[data-test="dashboard-show"]').click();
    await expect.poll(() => new URL(page.url()).searchParams.get('from')).toBe(expected.months[9]);
    await expect.poll(() => page.locator('caption').textContent(), SLOW).toContain('Linköpings kommun');
    await expect.poll(() => rows.count()).toBe(3);
    await expectAccessible(page, 'dashboard of an organisation');
    expect(portal.errors).toEqual([]);
  });

  it('an organisation admin opens only their own organisation', async () => {
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, 'susanne.mattsson@boxholm.se', DEMO_ADMINISTRATOR.password);
    await page.goto('/operations/dashboard');
    await page.getByRole('heading', { name: 'Instrumentpanel', level: 1 }).waitFor();
    await page.locator('[data-test="dashboard-table"]').waitFor(SLOW);
    expect(await page.locator('#dashboard-scope option').allTextContents()).toEqual(['Boxholms kommun']);
    expect(await page.locator('caption').textContent()).toContain('Boxholms kommun');
    await expectAccessible(page, 'dashboard as organisation admin');
    expect(portal.errors).toEqual([]);
  });
});
