import { describe, expect, it } from 'vitest';
import type { GraphQLClient } from '@evikomp/api/testing';
import { expectAccessible } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const ERRORS = 'errors { field message code }';
const personGlobalId = (id: string) => Buffer.from(`Person:${id}`).toString('base64url');

/** Runs a mutation through the API and returns its payload, failing on any payload error. */
async function mutate(client: GraphQLClient, name: string, selection: string, inputType: string, input: Record<string, unknown>) {
  const response = await client(`mutation($input: ${inputType}!) { ${name}(input: $input) { ${selection} ${ERRORS} } }`, { input });
  expect(response.errors).toBeUndefined();
  expect(response.data![name].errors).toEqual([]);
  return response.data![name];
}

describe("a cohort's actions in headless Chromium", () => {
  const portal = usePortal();
  const { errors } = portal;

  it('the administrator opens a cohort, moves one in the queue, transfers one to another cohort, cancels one and closes it, each asked first', async () => {
    const { api } = portal;
    const admin = await api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const people = await api.orm.em.getConnection().execute<{ id: string; name: string }[]>(
      `select p.id, p.first_name || ' ' || p.last_name as name from person p
       where p.erased_at is null
         and (select count(*) from person q where q.first_name = p.first_name and q.last_name = p.last_name) = 1
       order by p.last_name, p.first_name limit 4`,
    );
    expect(people).toHaveLength(4);
    const [transferred, cancelled, firstInLine, secondInLine] = people as [
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
      (typeof people)[0],
    ];
    const programme = (
      await mutate(admin, 'programmeCreate', 'programme { id name }', 'ProgrammeCreateInput', { name: `Handledarutbildning ${Date.now()}` })
    ).programme as { id: string; name: string };
    const cohort = async (name: string, capacity: number) =>
      (
        await mutate(admin, 'cohortCreate', 'cohort { id name }', 'CohortCreateInput', {
          programmeId: programme.id,
          name,
          capacity,
          status: 'OPEN',
        })
      ).cohort as { id: string; name: string };
    const autumn = await cohort('Hösten', 2);
    const spring = await cohort('Våren', 10);
    // Two places: two confirmed, two in the queue.
    for (const person of people) {
      await mutate(admin, 'cohortRegister', 'registration { id status }', 'CohortRegisterInput', {
        cohortId: autumn.id,
        personId: personGlobalId(person.id),
      });
    }
    await mutate(admin, 'cohortUpdate', 'cohort { id status }', 'CohortUpdateInput', { id: autumn.id, status: 'CLOSED' });

    const page = await portal.newPage();
    await page.goto(`/training/cohorts/${autumn.id}`);
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Hösten', level: 1 }).waitFor();
    const status = page.locator('[data-test="cohort-status"]');
    await expect.poll(() => status.textContent()).toBe('Stängd för anmälan');
    const registrations = page.locator('section[aria-labelledby="cohort-registrations"]');
    const queue = page.locator('section[aria-labelledby="cohort-queue"]');
    // The row whose name cell is exactly the person's (one name may be contained in another).
    const row = (section: typeof registrations, person: { name: string }) =>
      section.locator('tbody tr').filter({ has: page.getByRole('cell', { name: person.name, exact: true }) });
    await expect.poll(() => registrations.locator('tbody tr').count()).toBe(4);
    await expect
      .poll(() => queue.locator('tbody tr').allTextContents())
      .toEqual([expect.stringContaining(firstInLine.name), expect.stringContaining(secondInLine.name)]);
    await expectAccessible(page, 'a closed cohort with a queue');

    // Opening asks first.
    await page.locator('[data-test="cohort-status-OPEN"]').click();
    let dialog = page.getByRole('dialog', { name: 'Öppna Hösten för anmälan?' });
    await dialog.waitFor();
    await expectAccessible(page, 'open the cohort, asked first');
    await dialog.locator('[data-test="confirm"]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => status.textContent()).toBe('Öppen för anmälan');
    await page.getByText('Omgången har nu status: Öppen för anmälan.').waitFor();
    await expectAccessible(page, 'the cohort opened');

    // The second in the queue goes first.
    await queue.getByRole('button', { name: `Flytta ${secondInLine.name} i kön` }).click();
    dialog = page.getByRole('dialog', { name: `Flytta ${secondInLine.name} i kön` });
    await dialog.waitFor();
    await dialog.getByLabel('Ny plats i kön').fill('1');
    await expectAccessible(page, 'move in the queue');
    await dialog.getByRole('button', { name: 'Flytta i kön' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${secondInLine.name} står nu på plats 1 i kön.`).waitFor();
    await expect
      .poll(() => queue.locator('tbody tr').allTextContents())
      .toEqual([expect.stringContaining(secondInLine.name), expect.stringContaining(firstInLine.name)]);

    // A confirmed place moves to the spring cohort: its place here goes to the (new) first in line.
    await row(registrations, transferred)
      .getByRole('button', { name: `Flytta ${transferred.name} till en annan omgång` })
      .click();
    dialog = page.getByRole('dialog', { name: `Flytta ${transferred.name} till en annan omgång` });
    await dialog.waitFor();
    await dialog.getByLabel('Omgång').selectOption({ label: 'Våren (Öppen för anmälan)' });
    await expectAccessible(page, 'transfer to another cohort');
    await dialog.getByRole('button', { name: 'Flytta till annan omgång' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${transferred.name} är flyttad till Våren.`).waitFor();
    await expect.poll(() => row(registrations, transferred).count()).toBe(0);
    await expect.poll(() => row(registrations, secondInLine).textContent()).toContain('Bekräftad');
    await expect.poll(() => queue.locator('tbody tr').allTextContents()).toEqual([expect.stringContaining(firstInLine.name)]);
    await expectAccessible(page, 'a registration transferred');

    // Cancelling asks first, naming the person; the freed place goes to the one left in the queue.
    await row(registrations, cancelled)
      .getByRole('button', { name: `Avanmäl ${cancelled.name}` })
      .click();
    dialog = page.getByRole('dialog', { name: `Avanmäla ${cancelled.name}?` });
    await dialog.waitFor();
    await expectAccessible(page, 'cancel a registration, asked first');
    await dialog.locator('[data-test="confirm"]').click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByText(`${cancelled.name} är avanmäld.`).waitFor();
    await expect.poll(() => row(registrations, cancelled).count()).toBe(0);
    await expect.poll(() => row(registrations, firstInLine).textContent()).toContain('Bekräftad');
    await queue.getByText('Ingen står i kö.').waitFor();
    await expectAccessible(page, 'a registration cancelled, the queue empty');

    // Closing asks first too, and says what those registered keep.
    await page.locator('[data-test="cohort-status-CLOSED"]').click();
    dialog = page.getByRole('dialog', { name: 'Stänga anmälan till Hösten?' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('De som redan är anmälda behåller sina platser');
    await expectAccessible(page, 'close the cohort, asked first');
    await dialog.locator('[data-test="confirm"]').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => status.textContent()).toBe('Stängd för anmälan');
    await expect.poll(() => registrations.locator('tbody tr').count()).toBe(2);
    await expectAccessible(page, 'the cohort closed');

    // The one transferred has their place in the spring cohort.
    await page.goto(`/training/cohorts/${spring.id}`);
    await page.getByRole('heading', { name: 'Våren', level: 1 }).waitFor();
    await expect
      .poll(() => row(page.locator('section[aria-labelledby="cohort-registrations"]'), transferred).textContent())
      .toContain('Bekräftad');
    await expectAccessible(page, 'the other cohort, with the transferred registration');
    expect(errors).toEqual([]);
  }, 180_000);
});
