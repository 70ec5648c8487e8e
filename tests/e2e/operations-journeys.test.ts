/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const DEMO_PASSWORD = DEMO_ADMINISTRATOR.password;
// Demo inputs (packages/api/src/seed/demo-agreements.ts): 2022's cost indexed by the demo KPI values.
const TOTAL_2023 = Math.round((7_106_957 * 403.5) / 379.3);
const kronor = (amount: number) =>
  new Intl.NumberFormat('sv-SE', { style: 'currency', currency: 'SEK', maximumFractionDigits: 0 }).format(amount);

describe('agreements and cost shares in the portal', () => {
  const portal = usePortal();

  it('the administrator sees 2023 shared to the krona, freezes it after confirming, and downloads it as Excel', async () => {
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.locator('[data-test="nav-operations"]').click();
    await page.getByRole('heading', { name: 'Kostnadsfördelning', level: 1 }).waitFor();
    expect(await page.title()).toBe('Kostnadsfördelning – Evikomp');

    await page.locator('#cost-share-year').selectOption('2023');
    await page.getByRole('button', { name: 'Visa' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe('2023');
    await expect.poll(() => page.locator('[data-test="total-cost"]').textContent()).toBe(kronor(TOTAL_2023));
    await expect.poll(() => page.locator('tbody tr').count()).toBe(14);
    expect(await page.locator('tbody tr').first().textContent()).toContain('Region Östergötland');
    expect(await page.locator('[data-test="share-sum"]').textContent()).toContain(kronor(TOTAL_2023));
    await expectAccessible(page, 'cost shares 2023');

    // Freezing asks first; cancelling changes nothing.
    await page.locator('[data-test="freeze"]').click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'freeze dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await page.locator('[data-test="frozen"]').count()).toBe(0);
    await page.locator('[data-test="freeze"]').click();
    await page.locator('[data-test="freeze-confirm"]').click();
    await page.locator('[data-test="frozen"]').waitFor();
    expect(await page.locator('[data-test="freeze"]').count()).toBe(0);
    expect(await page.locator('[data-test="cost-inputs"]').count()).toBe(0);
    await expectAccessible(page, 'cost shares 2023, frozen');

    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-test="export-xlsx"]').click()]);
    expect(download.suggestedFilename()).toBe('kostnadsfordelning-2023.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(16).getCell(8).value).toBe(TOTAL_2023);

    await page.locator('[data-test="nav-agreements"]').click();
    await page.getByRole('heading', { name: 'Samverkansavtal', level: 1 }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(14);
    expect(await page.locator('tbody').textContent()).toContain('2023-01-01 – 2025-12-31');
    await expectAccessible(page, 'agreements');
    expect(portal.errors).toEqual([]);
  });

  it('an organisation admin reads the table but gets no inputs or freezing; a manager sees no costs in operations', async () => {
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, 'susanne.mattsson@boxholm.se', DEMO_PASSWORD);
    await page.goto('/operations/cost-shares?year=2024');
    await page.getByRole('heading', { name: 'Kostnadsfördelning', level: 1 }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(14);
    expect(await page.locator('[data-test="freeze"]').count()).toBe(0);
    expect(await page.locator('[data-test="cost-inputs"]').count()).toBe(0);
    await expectAccessible(page, 'cost shares as organisation admin');

    const manager = await portal.newPage();
    await manager.goto('/sign-in');
    await signIn(manager, 'amira.henriksson@motala.se', DEMO_PASSWORD);
    await manager.locator('[data-test="nav-operations"]').click();
    await manager.getByRole('heading', { name: 'Handlingsplaner', level: 1 }).waitFor();
    expect(await manager.locator('[data-test="nav-cost-shares"]').count()).toBe(0);
    await expectAccessible(manager, 'the page a manager lands on');
    expect(portal.errors).toEqual([]);
  });

  it('the administrator gives notice on an agreement after confirming, withdraws it, corrects the terms, and is refused an overlap', async () => {
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.goto('/operations/agreements');
    await page.getByRole('heading', { name: 'Samverkansavtal', level: 1 }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(14);
    const ydre = page.locator('tbody tr', { hasText: 'Ydre kommun' });

    await page.getByRole('button', { name: 'Säg upp avtalet med Ydre kommun' }).click();
    await page.getByRole('dialog').waitFor();
    await page.getByLabel('Uppsagt den').fill('2026-03-15');
    await expectAccessible(page, 'notice dialog');
    await page.locator('[data-test="agreement-notice-confirm"]').click();
    await expect.poll(() => ydre.textContent()).toContain('2027-03-14');
    expect(await ydre.textContent()).toContain('Uppsagt');
    expect(await page.locator('[role="status"], [aria-live]').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Avtalet med Ydre kommun är uppsagt och upphör')]),
    );

    await page.getByRole('button', { name: 'Återta uppsägningen av avtalet med Ydre kommun' }).click();
    await page.getByRole('dialog').waitFor();
    await page.locator('[data-test="agreement-notice-confirm"]').click();
    await expect.poll(() => ydre.textContent()).toContain('Gäller');
    expect(await ydre.textContent()).not.toContain('2027-03-14');

    await page.getByRole('link', { name: 'Ändra avtalet med Ydre kommun' }).click();
    await page.getByRole('heading', { name: 'Ändra avtalet med Ydre kommun', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Uppsägningstid i månader').inputValue()).toBe('12');
    await expectAccessible(page, 'agreement form');
    await page.getByLabel('Uppsägningstid i månader').fill('6');
    await page.locator('[data-test="agreement-save"]').click();
    await page.getByRole('heading', { name: 'Samverkansavtal', level: 1 }).waitFor();
    await expect.poll(() => ydre.textContent()).toContain('6 månader');

    await page.locator('[data-test="agreement-new"]').click();
    await page.getByRole('heading', { name: 'Nytt samverkansavtal', level: 1 }).waitFor();
    await page.getByLabel('Sök organisation på namn eller organisationsnummer').fill('ydre');
    await page.getByLabel('Sök organisation på namn eller organisationsnummer').press('Enter');
    await page.getByLabel(/Ydre kommun/).check();
    await page.getByLabel('Tecknat').fill('2026-01-10');
    await page.getByLabel('Gäller från').fill('2026-02-01');
    await page.getByLabel('Första periodens sista dag').fill('2028-12-31');
    await page.locator('[data-test="agreement-save"]').click();
    await expect
      .poll(() => page.locator('#agreement-starts-on-error').textContent())
      .toBe('Organisationen har redan ett avtal som gäller under perioden.');
    await expectAccessible(page, 'a new agreement refused');
    expect(portal.errors).toEqual([]);
  });

  it("the administrator reads a year's populations from a CSV file, sees what it could not use, and saves them all", async () => {
    const administrator = await portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const population2026 = async (name: string) => {
      const answer = await administrator(
        `query($q: String!) { organisations(filter: { search: $q }) { edges { node { id populations { year population } } } } }`,
        {
          q: name,
        },
      );
      const node = answer.data!.organisations.edges[0].node as { id: string; populations: { year: number; population: number }[] };
      return { id: node.id, population: node.populations.find((figure) => figure.year === 2026)?.population ?? null };
    };
    const finspang = (await population2026('Finspångs kommun')).id;
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.goto('/operations/cost-shares?year=2026');
    await page.locator('[data-test="key-link"]').click();
    await page.getByRole('heading', { name: 'Fördelningsnyckel 2026', level: 1 }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBe(14);
    await expectAccessible(page, 'distribution key');

    const csv = 'organisationsnummer;invånare\n212000-0407;5 600\n212000-0423;22 100\n999999-9999;100\n212000-0399;många\n';
    await page.locator('[data-test="key-file"]').setInputFiles({ name: 'invanare.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const report = page.locator('[data-test="key-import-report"]');
    await expect.poll(() => report.textContent()).toContain('2 värden lästes in');
    expect(await report.textContent()).toContain('Rad 4: ingen medlem har organisationsnumret 999999-9999.');
    expect(await report.textContent()).toContain('Rad 5: "många" är inget giltigt värde.');
    expect(await page.getByLabel('Invånare i Boxholms kommun 2026').inputValue()).toBe('5600');

    await page.getByLabel('Invånare i Finspångs kommun 2026').fill('22,5');
    await page.locator('[data-test="key-save"]').click();
    await expect.poll(() => page.locator(`[id="key-figure-${finspang}-error"]`).textContent()).toBe('Skriv ett heltal, 0 eller mer.');
    await expectAccessible(page, 'distribution key with an error');
    await page.getByLabel('Invånare i Finspångs kommun 2026').fill('22100');
    await page.locator('[data-test="key-save"]').click();
    await expect
      .poll(() => page.locator('.ek-toast').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Fördelningsnyckeln för 2026 är sparad.')]));

    expect([(await population2026('Boxholms kommun')).population, (await population2026('Finspångs kommun')).population]).toEqual([
      5600, 22100,
    ]);
    expect(portal.errors).toEqual([]);
  });
});
