/// <reference lib="dom" />
// page.evaluate callbacks run in the browser, hence the DOM types.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphQLClient } from '@evikomp/api/testing';
import { expectAccessible, expectReflowAt320 } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const DEMO_PASSWORD = 'evikomp-demo';
const BOXHOLM_ADMIN = 'susanne.mattsson@boxholm.se';
const ERRORS = 'errors { field message code }';

/** Runs a mutation and returns its payload, failing on any payload error. */
async function mutate(client: GraphQLClient, name: string, query: string, input: Record<string, unknown>) {
  const response = await client(query, { input });
  expect(response.errors).toBeUndefined();
  expect(response.data![name].errors).toEqual([]);
  return response.data![name];
}

async function newProgrammeAndCohort(admin: GraphQLClient, cohort: Record<string, unknown>) {
  const programme = await mutate(
    admin,
    'programmeCreate',
    `mutation($input: ProgrammeCreateInput!) { programmeCreate(input: $input) { programme { id } ${ERRORS} } }`,
    {
      name: `Ledarutbildning ${Date.now()}`,
    },
  );
  const created = await mutate(
    admin,
    'cohortCreate',
    `mutation($input: CohortCreateInput!) { cohortCreate(input: $input) { cohort { id name } ${ERRORS} } }`,
    {
      programmeId: programme.programme.id,
      status: 'OPEN',
      ...cohort,
    },
  );
  return created.cohort as { id: string; name: string };
}

/** Presses Tab until the focused element matches, as a keyboard user moves through the page. */
async function tabTo(page: Page, matches: (element: Element) => boolean | string, limit = 60): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab did not reach the element within ${limit} presses`);
}

describe('training journeys in headless Chromium', () => {
  const portal = usePortal();
  const { errors } = portal;

  it('an organisation admin rejects a registration with a reason, and the manager sees it rejected with that reason', async () => {
    const { api } = portal;
    const connection = api.orm.em.getConnection();
    // A Boxholm manager with a demo sign-in: the registration that waits for Boxholm's organisation admin.
    const [manager] = await connection.execute<{ id: string; email: string; name: string }[]>(
      `select p.id, p.email, p.first_name || ' ' || p.last_name as name from person p
       join account a on a.person_id = p.id
       join role_assignment r on r.person_id = p.id and r.role = 'MANAGER' and r.ends_on is null
       join workplace w on w.id = r.workplace_id join organisation o on o.id = w.organisation_id
       where o.name like 'Boxholm%' order by p.email limit 1`,
    );
    expect(manager).toBeDefined();
    const admin = await api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const cohort = await newProgrammeAndCohort(admin, {
      name: 'Omgång med godkännande',
      capacity: 10,
      requiresApproval: true,
      audienceRoles: ['MANAGER'],
    });
    const managerClient = await api.signIn(manager!.email, DEMO_PASSWORD);
    const registered = await mutate(
      managerClient,
      'cohortRegister',
      `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id status } ${ERRORS} } }`,
      { cohortId: cohort.id },
    );
    expect(registered.registration.status).toBe('PENDING_APPROVAL');

    const page = await portal.newPage();
    await page.goto('/training');
    await signIn(page, BOXHOLM_ADMIN, DEMO_PASSWORD);
    await page.getByRole('heading', { name: 'Utbildning' }).waitFor();
    expect(await page.title()).toBe('Utbildning – Evikomp');
    await expectAccessible(page, 'training start (organisation admin)');
    await page.locator('[data-test="training-approvals"]').click();
    await page.getByRole('heading', { name: 'Att godkänna' }).waitFor();
    const row = page.locator('tbody tr', { hasText: manager!.name });
    await row.waitFor();
    expect(await row.textContent()).toContain(`Ledarutbildning`);
    await expectAccessible(page, 'approvals');

    await row.getByRole('button', { name: `Avslå ${manager!.name}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await dialog.locator('[data-test="reject-submit"]').click();
    await dialog.getByText('Skriv ett skäl, högst 500 tecken.').waitFor();
    await expectAccessible(page, 'approvals, reject dialog with an error');
    const reason = 'Platserna i den här omgången är vikta för Linköpings chefer i höst.';
    await dialog.getByLabel('Skäl').fill(reason);
    await dialog.locator('[data-test="reject-submit"]').click();
    await expect
      .poll(() => page.locator('[data-test="approvals-status"]').textContent())
      .toBe(`Anmälan från ${manager!.name} avslogs med skälet: ${reason}`);
    await page.getByText('Inga anmälningar väntar på godkännande.').waitFor();
    await expectAccessible(page, 'approvals, empty');

    // The manager concerned: through the API, and on their own page, under the ended registrations, with the reason.
    const seen = await managerClient(`query($id: ID!) { node(id: $id) { ... on Registration { status rejectionReason } } }`, {
      id: registered.registration.id,
    });
    expect(seen.data!.node).toEqual({ status: 'REJECTED', rejectionReason: reason });
    const managerPage = await portal.newPage();
    await managerPage.goto('/me');
    await signIn(managerPage, manager!.email, DEMO_PASSWORD);
    await managerPage.getByRole('heading', { name: 'Mina sidor', level: 1 }).waitFor();
    const ended = managerPage.locator('section[aria-labelledby="me-ended"]');
    await ended.getByRole('heading', { name: 'Avslutade anmälningar' }).waitFor();
    const rejected = ended.locator('tbody tr', { hasText: cohort.name });
    await rejected.waitFor();
    expect(await rejected.locator('[data-test="registration-state"]').textContent()).toBe(`inte godkänd: ${reason}`);
    // Not among the registrations that still hold.
    expect(await managerPage.locator('[data-test="registration"]', { hasText: cohort.name }).count()).toBe(0);
    await expectAccessible(managerPage, 'me, a rejected registration (manager)');
    // Its own page says the same.
    await rejected.getByRole('link', { name: new RegExp(cohort.name) }).click();
    await managerPage.getByRole('heading', { name: new RegExp(`${cohort.name}$`), level: 1 }).waitFor();
    expect(await managerPage.locator('[data-test="registration-state"]').textContent()).toBe(`inte godkänd: ${reason}`);
    expect(await managerPage.locator('[data-test="cancel-registration"]').count()).toBe(0);
    await expectAccessible(managerPage, 'a rejected registration (manager)');
    expect(errors).toEqual([]);
  }, 120_000);

  it("an administrator marks a session's attendance with the keyboard alone, and the API has it", async () => {
    const { api } = portal;
    const admin = await api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const cohort = await newProgrammeAndCohort(admin, { name: 'Omgång för närvaro', capacity: 5 });
    const started = new Date(Date.now() - 3_600_000);
    const session = await mutate(
      admin,
      'sessionCreate',
      `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { id } ${ERRORS} } }`,
      {
        cohortId: cohort.id,
        title: 'Träff 1',
        startsAt: started.toISOString(),
        endsAt: new Date(started.getTime() + 6 * 3_600_000).toISOString(),
      },
    );
    const sessionId = session.session.id as string;
    const people = await api.orm.em
      .getConnection()
      .execute<{ id: string; name: string }[]>(
        `select id, first_name || ' ' || last_name as name from person where erased_at is null order by last_name, first_name, id limit 3`,
      );
    const registrations: string[] = [];
    for (const person of people) {
      const registered = await mutate(
        admin,
        'cohortRegister',
        `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id status } ${ERRORS} } }`,
        { cohortId: cohort.id, personId: Buffer.from(`Person:${person.id}`).toString('base64url') },
      );
      expect(registered.registration.status).toBe('CONFIRMED');
      registrations.push(registered.registration.id);
    }

    const page = await portal.newPage();
    await page.goto(`/training/sessions/${sessionId}/attendance`);
    await page.locator('[data-test="sign-in-form"]').waitFor();
    await expectAccessible(page, 'sign-in before attendance');
    // Signing in with the keyboard too.
    await tabTo(page, (element) => element.id === 'sign-in-email');
    await page.keyboard.type(DEMO_ADMINISTRATOR.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_ADMINISTRATOR.password);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Närvaro: Träff 1' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/training/sessions/${sessionId}/attendance`);
    await expect.poll(() => page.locator('tbody tr').count()).toBe(3);
    await expectAccessible(page, 'attendance');
    await expectReflowAt320(page, 'attendance');
    await page.setViewportSize({ width: 1280, height: 720 });

    // First participant: Tab into the row, Space marks "present" (the first choice).
    await tabTo(page, (element) => element instanceof HTMLInputElement && element.type === 'radio');
    await page.keyboard.press('Space');
    // Second: Tab to the next row, the arrow key moves to "absent" and marks it.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowRight');
    // Third: "excused", two choices along.
    await page.keyboard.press('Tab');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.getByText('3 ändrade, 0 omarkerade.').isVisible()).toBe(true);
    await tabTo(page, (element) => element.getAttribute('data-test') === 'attendance-save');
    await page.keyboard.press('Enter');
    const status = page.locator('[data-test="attendance-status"]');
    await expect.poll(() => status.textContent()).toBe('Närvaron sparades: 1 närvarande, 1 frånvarande, 1 med anmält förhinder.');
    expect(await status.getAttribute('role')).toBe('status');
    await expectAccessible(page, 'attendance, saved');

    const recorded = await admin(`query($id: ID!) { node(id: $id) { ... on Session { attendance { status registration { id } } } } }`, {
      id: sessionId,
    });
    const byRegistration = Object.fromEntries(
      (recorded.data!.node.attendance as { status: string; registration: { id: string } }[]).map((entry) => [
        entry.registration.id,
        entry.status,
      ]),
    );
    // The rows are in the order the places were taken.
    expect(registrations.map((id) => byRegistration[id])).toEqual(['PRESENT', 'ABSENT', 'EXCUSED']);

    // The cohort's page: its registrations with their completion, and it reflows at 320 px.
    await page.goto(`/training/cohorts/${cohort.id}`);
    await page.getByRole('heading', { name: cohort.name, level: 1 }).waitFor();
    const table = page.locator('section[aria-labelledby="cohort-registrations"]');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(3);
    expect(await table.locator('thead th').allTextContents()).toContain('Avslutad');
    await expectAccessible(page, 'cohort');
    await expectReflowAt320(page, 'cohort');
    expect(errors).toEqual([]);
  });
});
