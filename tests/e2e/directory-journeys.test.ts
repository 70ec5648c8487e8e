/// <reference lib="dom" />
// page.evaluate callbacks run in the browser, hence the DOM types.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const MOTALA_MANAGER = { email: 'amira.henriksson@motala.se', password: 'evikomp-demo' };
const globalId = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString('base64url');

interface Someone {
  id: string;
  name: string;
  email: string;
}

describe('directory journeys in headless Chromium', () => {
  const portal = usePortal();
  const { errors } = portal;

  /** People of an organisation from the test's own database (the demo data). */
  async function peopleOf(organisation: string, count: number): Promise<Someone[]> {
    const rows = await portal.api.orm.em.getConnection().execute(
      `select p.id, p.first_name || ' ' || p.last_name as name, p.email
         from person p join organisation o on o.id = p.home_organisation_id
        where o.name like ?
        order by p.last_name, p.first_name limit ?`,
      [`${organisation}%`, count],
    );
    return rows.map((row) => ({ id: String(row.id), name: String(row.name), email: String(row.email) }));
  }

  const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
  /** Presses Tab until the element with this id has the focus (at most `limit` times). */
  async function tabTo(page: Page, id: string, limit = 40) {
    for (let i = 0; i < limit && (await focused(page)) !== id; i++) await page.keyboard.press('Tab');
    expect(await focused(page)).toBe(id);
  }

  async function giveManagerRole(page: Page, person: Someone) {
    const form = page.locator('[data-test="give-role-form"]');
    await form.locator('#give-role-role').selectOption('MANAGER');
    await form.locator('#give-role-person-search').fill(person.email);
    await form.getByRole('option', { name: new RegExp(person.name) }).click();
    await form.locator('[data-test="give-role-submit"]').click();
    await page.locator('[data-test="current-manager"]').getByText(person.name).waitFor();
  }

  it('the administrator creates a workplace, makes a person its manager, then another: the first assignment ends and shows in the history', async () => {
    const [first, second] = await peopleOf('Linköping', 2);
    const workplaceName = `Hemtjänst Journey ${randomUUID().slice(0, 8)}`;
    const page = await portal.newPage();
    await page.goto('/directory/workplaces');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Arbetsplatser', level: 1 }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.title()).toBe('Arbetsplatser – Evikomp');
    await expectAccessible(page, 'workplaces');

    // The filter by organisation lives in the URL.
    // The organisation is searched on the server as it is typed, and chosen in the list.
    await page.locator('#workplace-organisation').fill('linkö');
    await page.getByRole('option', { name: /^Linköpings kommun/ }).click();
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('organisation')).not.toBeNull();
    await expect
      .poll(async () => (await page.locator('tbody tr td:nth-child(2)').allTextContents()).every((text) => text === 'Linköpings kommun'))
      .toBe(true);

    await page.locator('[data-test="workplace-new"]').click();
    await page.getByRole('heading', { name: 'Ny arbetsplats' }).waitFor();
    // Sent empty: the form says what is missing, on each field, before asking the API.
    await page.locator('[data-test="workplace-submit"]').click();
    await page.locator('#workplace-name-error').waitFor();
    expect(await page.locator('#workplace-name-error').textContent()).toBe('Fyll i fältet.');
    expect(await focused(page)).toBe('workplace-name');
    await expectAccessible(page, 'new workplace with errors');

    // The organisation chosen in the list's filter is already chosen.
    await expect.poll(() => page.locator('#workplace-organisation').inputValue()).toBe('Linköpings kommun');
    await page.getByLabel(/^Namn/).fill(workplaceName);
    await page.getByLabel(/^Typ av verksamhet/).selectOption('HOME_CARE');
    await page.getByLabel('Ort').fill('Linköping');
    await page.getByLabel(/^Antal anställda/).fill('24');
    await page.locator('[data-test="workplace-submit"]').click();
    await page.getByRole('heading', { name: workplaceName, level: 1 }).waitFor();
    expect(await page.title()).toBe(`${workplaceName} – Evikomp`);
    expect(await page.locator('[data-test="current-manager"]').textContent()).toContain('Ingen');
    await page.getByText('Ingen har haft någon roll här än.').waitFor();
    await expectAccessible(page, 'workplace, new');

    await giveManagerRole(page, first!);
    await expectAccessible(page, 'workplace with a manager');
    await giveManagerRole(page, second!);
    expect(await page.locator('[data-test="current-manager"]').textContent()).not.toContain(first!.name);

    const history = page.locator('[data-test="role-history"] tbody tr');
    await expect.poll(() => history.count()).toBe(2);
    const rows = await history.allTextContents();
    const ended = rows.find((row) => row.includes(first!.name));
    expect(ended).toContain('Chef');
    expect(ended).toContain('Avslutad');
    expect(rows.find((row) => row.includes(second!.name))).toContain('Pågår');
    await expectAccessible(page, 'workplace after the second manager');

    // The first manager's own page shows the ended role among the earlier ones.
    await page.locator('[data-test="role-history"]').getByRole('link', { name: first!.name }).click();
    await page.getByRole('heading', { name: first!.name, level: 1 }).waitFor();
    await expect.poll(() => page.locator('[data-test="roles-earlier"]').textContent()).toContain(workplaceName);
    expect(await page.locator('[data-test="roles-now"]').textContent()).not.toContain(workplaceName);
    await expectAccessible(page, 'person');
    expect(errors).toEqual([]);
  }, 120_000);

  it("shows the manager of Motala 'not found' for a Norrköping person's page, and nothing of that person", async () => {
    const [stranger] = await peopleOf('Norrköping', 1);
    const page = await portal.newPage();
    await page.goto(`/directory/people/${globalId('Person', stranger!.id)}`);
    await signIn(page, MOTALA_MANAGER.email, MOTALA_MANAGER.password);
    await page.locator('[data-test="not-found"]').waitFor();
    await page.getByRole('heading', { name: 'Hittades inte', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/directory/people/${globalId('Person', stranger!.id)}`);
    const lastName = stranger!.name.split(' ').at(-1)!;
    expect(await page.locator('body').innerText()).not.toContain(lastName);
    expect(await page.content()).not.toContain(lastName);
    expect(await page.content()).not.toContain(stranger!.email);
    expect(await page.title()).toBe('Hittades inte – Evikomp');
    await expectAccessible(page, 'person not found');

    // Her own workplace's people are there: the directory works for her, the API only keeps the others out.
    await page.locator('[data-test="directory-nav-people"]').click();
    await page.getByRole('heading', { name: 'Personer', level: 1 }).waitFor();
    await expect.poll(() => page.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.locator('tbody').innerText()).not.toContain(lastName);
    await expectAccessible(page, 'people (manager)');
    expect(errors).toEqual([]);
  });

  it('asks before ending a role, changes nothing when cancelled, and is done with the keyboard alone', async () => {
    const [manager] = await peopleOf('Kinda', 1);
    const workplaceName = `Korttidsboende Tangent ${randomUUID().slice(0, 8)}`;
    const page = await portal.newPage();
    await page.goto('/directory/workplaces/new');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Ny arbetsplats' }).waitFor();
    expect(await page.title()).toBe('Ny arbetsplats – Evikomp');

    // The whole form with the keyboard: Tab between the fields, the organisation searched and chosen with the arrow
    // keys and Enter (which does not send the form), type-ahead in the selects, Enter to send.
    await tabTo(page, 'workplace-organisation');
    await page.keyboard.type('Kinda');
    await page.getByRole('option', { name: /^Kinda kommun/ }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#workplace-organisation').inputValue()).toContain('Kinda kommun');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('workplace-name');
    await page.keyboard.type(workplaceName);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('workplace-type');
    await page.keyboard.type('Korttid');
    await tabTo(page, 'workplace-employees');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('-3');
    await page.keyboard.press('Enter');
    await page.locator('#workplace-employees-error').waitFor();
    expect(await page.locator('#workplace-employees-error').textContent()).toBe('Skriv ett heltal, minst 0.');
    expect(await focused(page)).toBe('workplace-employees');
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type('12');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: workplaceName, level: 1 }).waitFor();
    expect(await page.locator('main dl').first().textContent()).toContain('Kinda kommun');
    expect(await page.locator('main dl').first().textContent()).toContain('Korttidsboende');

    // Give the manager role with the keyboard: type (the picker searches on the server as one types), choose with
    // the arrow and Enter, then Tab to the day and send with Enter.
    await page.locator('#give-role-role').focus();
    await page.keyboard.type('Chef');
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('give-role-person-search');
    await page.keyboard.type(manager!.email);
    await page.getByRole('option', { name: new RegExp(manager!.name) }).waitFor();
    await expectAccessible(page, 'give a role, the person list open');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#give-role-person-search').inputValue()).toContain(manager!.name);
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('give-role-starts-on');
    await page.keyboard.press('Enter');
    await page.locator('[data-test="current-manager"]').getByText(manager!.name).waitFor();
    const history = page.locator('[data-test="role-history"] tbody tr');
    await expect.poll(() => history.count()).toBe(1);

    // Ending asks first; cancelling (Escape, then the Cancel button) changes nothing.
    const endButton = page.locator('[data-test="current-manager"] [data-test="end-role"]');
    await endButton.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Avsluta rollen?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(manager!.name);
    await expect.poll(() => page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(true);
    await expectAccessible(page, 'end role dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-test'))).toBe('end-role');

    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.locator('[data-test="end-role-cancel"]').focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('[data-test="current-manager"]').getByText(manager!.name).waitFor();
    await expect.poll(() => history.count()).toBe(1);
    expect(await history.first().textContent()).toContain('Pågår');
    const open = await portal.api.orm.em
      .getConnection()
      .execute(
        `select count(*)::int as n from role_assignment r join workplace w on w.id = r.workplace_id where w.name = ? and r.ends_on is null`,
        [workplaceName],
      );
    expect(open[0]!.n).toBe(1);

    // Confirmed, the role ends and stays in the history.
    await endButton.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.locator('[data-test="end-role-confirm"]').focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('[data-test="current-manager"]').textContent()).toContain('Ingen');
    await expect.poll(() => history.first().textContent()).toContain('Avslutad');
    await expectAccessible(page, 'workplace after ending the role');
    expect(errors).toEqual([]);
  }, 120_000);
  it("the administrator sets a person's identity number in the form, sees the refusal on its field, then sees it masked until Visa", async () => {
    const [person] = await peopleOf('Kinda', 1);
    const page = await portal.newPage();
    await page.goto(`/directory/people/${globalId('Person', person!.id)}/edit`);
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const field = page.locator('#person-identity-number');
    await field.waitFor();
    // A wrong check digit has the right form: the API refuses it, and the form shows that on the field.
    await field.fill('19811218-9875');
    await page.locator('[data-test="person-submit"]').click();
    await page.locator('#person-identity-number-error').getByText('kontrollera datumet och sista siffran').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'person form with an identity-number error');

    await field.fill('811218-9876');
    await page.locator('[data-test="person-submit"]').click();
    await page.getByRole('heading', { name: person!.name, level: 1 }).waitFor();
    const shown = page.locator('[data-test="identity-number"]');
    await expect.poll(() => shown.textContent()).toContain('19811218-****');
    expect(await shown.textContent()).not.toContain('9876');
    await expectAccessible(page, 'person with a masked identity number');
    await page.getByRole('button', { name: 'Visa personnumret' }).click();
    await expect.poll(() => shown.textContent()).toContain('19811218-9876');
    expect(errors).toEqual([]);
  }, 120_000);
});
