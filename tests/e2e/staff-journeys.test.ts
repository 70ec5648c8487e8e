/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';

const BOXHOLM_ADMIN = { email: 'susanne.mattsson@boxholm.se', password: 'evikomp-demo' };
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

describe('staff imports in headless Chromium', () => {
  const portal = usePortal();

  it('an organisation admin dry-runs a CSV, imports it after confirming, and finds the staff on the workplace page', async () => {
    const [workplace] = await portal.api.orm.em.getConnection().execute<{ id: string; name: string }[]>(
      `select w.id, w.name from workplace w join organisation o on o.id = w.organisation_id
        where o.name like 'Boxholm%' and w.status = 'ACTIVE' order by w.name limit 1`,
    );
    const csv = [
      'Förnamn;Efternamn;E-post;Anställningsnummer;Arbetsplats;Befattning;Från',
      `Åsa;Östlund;asa.ostlund@boxholm.se;BX-901;${workplace!.name};Undersköterska;2025-02-01`,
      `Örjan;Ärlig;orjan.arlig@boxholm.se;BX-902;${workplace!.name};Vårdbiträde;2025-03-01`,
    ].join('\r\n');

    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, BOXHOLM_ADMIN.email, BOXHOLM_ADMIN.password);
    await page.goto('/operations/cost-shares');
    await page.locator('[data-test="nav-staff-import"]').click();
    await page.getByRole('heading', { name: 'Importera personal', level: 1 }).waitFor();
    expect(await page.title()).toBe('Importera personal – Evikomp');
    // The organisation admin has one organisation to choose: it is chosen.
    await expect.poll(() => page.locator('#staff-import-organisation option:checked').textContent()).toContain('Boxholm');
    await expectAccessible(page, 'staff import');

    // Without a file: the field says so.
    await page.locator('[data-test="staff-import-dry-run"]').click();
    await page.locator('#staff-import-file-error').waitFor();

    await page.locator('[data-test="staff-import-file"]').setInputFiles({
      name: 'personal.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`\uFEFF${csv}\r\n`, 'utf8'),
    });
    await page.locator('[data-test="staff-import-dry-run"]').click();
    await expect.poll(() => page.locator('[data-test="staff-import-summary"]').textContent()).toContain('Provkörning: 2 nya');
    expect(await page.locator('[data-test="staff-import-summary"]').textContent()).toContain('Inget har sparats');
    await expect.poll(() => page.locator('tbody tr').count()).toBe(2);
    expect(await page.locator('tbody').textContent()).toContain('Åsa Östlund (BX-901)');
    await expectAccessible(page, 'staff import dry run');

    // Importing asks first.
    await page.locator('[data-test="staff-import-run"]').click();
    await page.getByRole('dialog').waitFor();
    await expectAccessible(page, 'staff import confirmation');
    await page.locator('[data-test="staff-import-confirm"]').click();
    await expect.poll(() => page.locator('[data-test="staff-import-summary"]').textContent()).toContain('Importen är klar: 2 nya');
    expect(await page.locator('[data-test="staff-import-run"]').count()).toBe(0);

    // A second dry run of the same file: nothing left to import.
    await page.locator('[data-test="staff-import-dry-run"]').click();
    await expect.poll(() => page.locator('[data-test="staff-import-summary"]').textContent()).toContain('Det finns inget att importera');

    await page.goto(`/directory/workplaces/${globalId('Workplace', workplace!.id)}`);
    await page.getByRole('heading', { name: workplace!.name, level: 1 }).waitFor();
    const staff = page.locator('[data-test="workplace-staff"]');
    await expect.poll(() => staff.locator('tbody').textContent()).toContain('Åsa Östlund');
    expect(await staff.locator('tbody').textContent()).toContain('Örjan Ärlig');
    // Searching the staff by name, accents aside; the search is in the URL.
    await staff.locator('#staff-search').fill('orjan');
    await staff.getByRole('button', { name: 'Sök' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('sq')).toBe('orjan');
    await expect.poll(() => staff.locator('tbody tr').count()).toBe(1);
    expect(await staff.locator('tbody').textContent()).toContain('Örjan Ärlig');
    await expectAccessible(page, 'workplace staff');
    expect(portal.errors).toEqual([]);
  });

  it("an organisation admin adds an employment, corrects its title and ends it after confirming; it shows in the person's history", async () => {
    const [workplace] = await portal.api.orm.em.getConnection().execute<{ id: string; name: string }[]>(
      `select w.id, w.name from workplace w join organisation o on o.id = w.organisation_id
        where o.name like 'Boxholm%' and w.status = 'ACTIVE' order by w.name desc limit 1`,
    );
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Stockholm' });
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, BOXHOLM_ADMIN.email, BOXHOLM_ADMIN.password);
    await page.goto(`/directory/workplaces/${globalId('Workplace', workplace!.id)}`);
    await page.getByRole('heading', { name: workplace!.name, level: 1 }).waitFor();
    const staff = page.locator('[data-test="workplace-staff"]');

    // Add: a new person, by name and e-mail, registered with the employment.
    await staff.locator('[data-test="employment-add"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.getByLabel('En ny person').check();
    await dialog.getByLabel(/^Förnamn/).fill('Maj');
    await dialog.getByLabel(/^Efternamn/).fill('Östberg');
    await dialog.getByLabel(/^E-post/).fill('maj.ostberg@boxholm.se');
    await dialog.getByLabel('Anställningsnummer').fill('BX-950');
    await dialog.getByLabel('Befattning').fill('Vårdbiträde');
    await expectAccessible(page, 'add an employment');
    await dialog.locator('[data-test="employment-add-submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    const row = staff.locator('tbody tr', { hasText: 'Maj Östberg' });
    await expect.poll(() => row.textContent()).toContain('Vårdbiträde');
    expect(await row.textContent()).toContain('BX-950');

    // Correct the title.
    await row.getByRole('button', { name: 'Ändra anställningen för Maj Östberg' }).click();
    await dialog.waitFor();
    await expectAccessible(page, 'change an employment');
    await dialog.getByLabel('Befattning').fill('Undersköterska');
    await dialog.locator('[data-test="employment-edit-submit"]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain('Undersköterska');

    // End it: the dialog names the person and the day first.
    await row.getByRole('button', { name: 'Avsluta anställningen för Maj Östberg' }).click();
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(
      `Avsluta anställningen för Maj Östberg på ${workplace!.name}? Sista anställningsdag blir ${today}.`,
    );
    await expectAccessible(page, 'end an employment');
    await dialog.locator('[data-test="confirm"]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => row.textContent()).toContain(today);

    // The person's page shows the employment in their history.
    await row.getByRole('link', { name: 'Maj Östberg' }).click();
    await page.getByRole('heading', { name: 'Maj Östberg', level: 1 }).waitFor();
    const history = page.locator('[data-test="person-employments"]');
    await expect.poll(() => history.locator('tbody').textContent()).toContain(workplace!.name);
    const entry = await history.locator('tbody tr').first().textContent();
    expect(entry).toContain('Undersköterska');
    expect(entry).toContain('BX-950');
    expect(entry).toContain(today);
    await expectAccessible(page, 'person with employments');
    expect(portal.errors).toEqual([]);
  });
});
