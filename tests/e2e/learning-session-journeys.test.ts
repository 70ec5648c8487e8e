/// <reference lib="dom" />
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectAccessible } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const PASSWORD = DEMO_ADMINISTRATOR.password;
const todayInSweden = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
const monthInSwedish = (day: string) =>
  new Intl.DateTimeFormat('sv-SE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day.slice(0, 7)}-01T12:00:00Z`));

type Client = Awaited<ReturnType<ReturnType<typeof usePortal>['api']['signIn']>>;

describe('learning sessions and attested hours in the portal', () => {
  const portal = usePortal();

  /** A workplace of a demo member with a manager, a workplace coordinator and two staff, each with a sign-in. */
  async function workplaceWithPeople(admin: Client) {
    const one = async (query: string, variables: Record<string, unknown>, field: string) => {
      const response = await admin(query, variables);
      expect(response.errors).toBeUndefined();
      expect(response.data![field].errors ?? []).toEqual([]);
      return response.data![field];
    };
    const organisations = await admin(`query { organisations(first: 1, filter: { search: "Motala" }) { edges { node { id } } } }`);
    const organisationId = organisations.data!.organisations.edges[0].node.id as string;
    const suffix = Date.now().toString(36);
    const workplace = (
      await one(
        `mutation($input: WorkplaceCreateInput!) { workplaceCreate(input: $input) { workplace { id name } errors { field message code } } }`,
        { input: { organisationId, name: `Lärgården ${suffix}`, type: 'HOME_CARE', employeeCount: 12, joinedOn: '2023-01-01' } },
        'workplaceCreate',
      )
    ).workplace as { id: string; name: string };
    const person = async (firstName: string, lastName: string) =>
      (
        await one(
          `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id name email } errors { field message code } } }`,
          {
            input: {
              firstName,
              lastName,
              email: `${firstName}.${lastName}.${suffix}@motala.example.se`.toLowerCase(),
              homeOrganisationId: organisationId,
            },
          },
          'personCreate',
        )
      ).person as { id: string; name: string; email: string };
    const role = (personId: string, role: string) =>
      one(
        `mutation($input: RoleAssignmentCreateInput!) { roleAssignmentCreate(input: $input) { roleAssignment { id } errors { field message code } } }`,
        { input: { personId, role, workplaceId: workplace.id, startsOn: '2024-01-01' } },
        'roleAssignmentCreate',
      );
    const employ = (personId: string) =>
      one(
        `mutation($input: EmploymentCreateInput!) { employmentCreate(input: $input) { employment { id } errors { field message code } } }`,
        { input: { personId, workplaceId: workplace.id, startsOn: '2024-01-01', title: 'Undersköterska' } },
        'employmentCreate',
      );
    const manager = await person('Maja', `Chefsson${suffix}`);
    const coordinator = await person('Kim', `Samordnare${suffix}`);
    const saga = await person('Saga', `Lärling${suffix}`);
    const omar = await person('Omar', `Lärling${suffix}`);
    await role(manager.id, 'MANAGER');
    await role(coordinator.id, 'WORKPLACE_COORDINATOR');
    await employ(saga.id);
    await employ(omar.id);
    for (const someone of [manager, coordinator, saga, omar]) await portal.api.createAccount(someone.id, PASSWORD);
    return { workplace, manager, coordinator, saga, omar };
  }

  async function signedIn(email: string): Promise<Page> {
    const page = await portal.newPage();
    await page.goto('/sign-in');
    await signIn(page, email, PASSWORD);
    return page;
  }

  async function pick(page: Page, input: string, text: string, option: RegExp | string) {
    await page.locator(input).fill(text);
    await page.getByRole('option', { name: option }).first().click();
  }

  it('a workplace coordinator registers a session with two participants; one confirms, the manager attests; the session shows both steps', async () => {
    const admin = await portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const { workplace, manager, coordinator, saga, omar } = await workplaceWithPeople(admin);
    const today = todayInSweden();
    const month = monthInSwedish(today);

    // The coordinator opens the learning sessions of their workplace: none yet this month.
    const page = await signedIn(coordinator.email);
    await page.locator('[data-test="nav-operations"]').click();
    await page.locator('[data-test="nav-learning-sessions"]').click();
    await page.getByRole('heading', { name: 'Lärtillfällen', level: 1 }).waitFor();
    expect(await page.title()).toBe('Lärtillfällen – Evikomp');
    await page.getByRole('link', { name: workplace.name }).click();
    await page.getByText(`Inga lärtillfällen på ${workplace.name} i ${month}.`).waitFor();
    expect(new URL(page.url()).searchParams.get('month')).toBe(today.slice(0, 7));
    await expectAccessible(page, 'learning sessions of a workplace, none yet');

    await page.locator('[data-test="learning-session-new"]').click();
    await page.getByRole('heading', { name: `Registrera lärtillfälle på ${workplace.name}`, level: 1 }).waitFor();
    await page.locator('[data-test="learning-session-form"]').waitFor();
    await expectAccessible(page, 'registering a learning session');

    // Nothing chosen: the form says what is missing before sending.
    await page.getByLabel('Datum').fill('');
    await page.locator('[data-test="learning-session-save"]').click();
    await expect.poll(() => page.locator('#learning-held-on-error').textContent()).toBe('Fyll i fältet.');
    expect(await page.locator('#learning-participant-search-error').textContent()).toBe('Lägg till minst en deltagare.');

    await page.getByLabel('Datum').fill(today);
    await page.getByLabel('Starttid').fill('11:30');
    await page.getByLabel('Sluttid').fill('09:00');
    await page.getByLabel('Typ av lärtillfälle').selectOption({ label: 'Reflektion' });
    await pick(page, '#learning-module-search', 'Demens', /Demens/);
    await expect.poll(() => page.locator('[data-test="chosen-modules"] li').count()).toBe(1);
    await pick(page, '#learning-participant-search', 'Saga', saga.name);
    await pick(page, '#learning-participant-search', 'Omar', omar.name);
    await expect.poll(() => page.locator('[data-test="chosen-participants"] li').count()).toBe(2);
    // The API refuses an end before the start: its error shows on the end time.
    await page.locator('[data-test="learning-session-save"]').click();
    await expect
      .poll(() => page.locator('#learning-ends-at-error').textContent())
      .toBe('Lärtillfället ska sluta efter att det börjat, samma dag.');
    await expectAccessible(page, 'a learning session form with an error');

    await page.getByLabel('Starttid').fill('09:00');
    await page.getByLabel('Sluttid').fill('11:30');
    await page.locator('[data-test="learning-session-save"]').click();
    await page.getByRole('heading', { name: `Lärtillfälle ${today}`, level: 1 }).waitFor();
    const participants = page.getByRole('region', { name: 'Deltagarnas timmar, bekräftelse och attest' });
    await participants.locator('tbody tr').nth(1).waitFor();
    expect(await participants.textContent()).toContain('Inte ännu');
    await expectAccessible(page, 'a registered learning session');
    const sessionUrl = new URL(page.url()).pathname;

    // Cancelling asks first, naming the session; keeping it changes nothing.
    await page.locator('[data-test="learning-session-cancel"]').click();
    await page.getByRole('dialog').waitFor();
    expect(await page.getByRole('dialog').textContent()).toContain(`Lärtillfället ${today} 09:00–11:30 (Reflektion) ställs in`);
    await expectAccessible(page, 'cancel confirmation');
    await page.locator('[data-test="confirm-cancel"]').click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('link', { name: 'Till lärtillfällena' }).click();
    const sessions = page.getByRole('region', { name: `Lärtillfällen på ${workplace.name}, ${month}` });
    await sessions.locator('tbody tr').first().waitFor();
    expect(await sessions.locator('tbody tr').count()).toBe(1);
    const cells = (await sessions.locator('tbody tr td').allTextContents()).map((cell) => cell.trim());
    expect(cells).toEqual([today, '09:00–11:30', 'Reflektion', expect.stringMatching(/.+/), '2', '5', 'Nej', 'Nej']);
    await expectAccessible(page, 'learning sessions of a workplace');

    // Saga confirms her hours of the month on her own page (step 1).
    const participant = await signedIn(saga.email);
    await participant.goto('/me');
    const hours = participant.getByRole('region', { name: 'Mina lärtimmar per månad' });
    await hours.locator('tbody tr').first().waitFor();
    expect(await hours.locator('tbody tr').count()).toBe(1);
    expect(await hours.textContent()).toContain('Väntar på att du bekräftar');
    await expectAccessible(participant, 'my learning hours, unconfirmed');
    await participant.getByRole('button', { name: `Bekräfta timmarna för ${month} på ${workplace.name}` }).click();
    await expect
      .poll(() => participant.locator('[data-test="learning-hours-status"]').textContent())
      .toBe(`Du har bekräftat 2,5 timmar för ${month} på ${workplace.name}.`);
    await expect.poll(() => hours.textContent()).toContain('Bekräftad, väntar på chefens attest');
    await expectAccessible(participant, 'my learning hours, confirmed');

    // The manager attests with the keyboard only (step 2); Omar has not confirmed, so only Saga can be attested.
    const boss = await signedIn(manager.email);
    await boss.goto(`/operations/learning-sessions?workplace=${encodeURIComponent(workplace.id)}&month=${today.slice(0, 7)}`);
    await boss.locator('[data-test="learning-attest-link"]').click();
    await boss.getByRole('heading', { name: `Attestera lärtimmar: ${workplace.name}, ${month}`, level: 1 }).waitFor();
    const attest = boss.getByRole('region', { name: `Deltagarnas timmar i ${month}` });
    await attest.locator('tbody tr').nth(1).waitFor();
    expect(await boss.locator('[data-test="attest-one"]').count()).toBe(1);
    await expectAccessible(boss, 'attesting a month');
    await boss.getByRole('heading', { level: 1 }).click();
    const focused = () => boss.evaluate(() => document.activeElement?.getAttribute('data-test') ?? document.activeElement?.tagName ?? '');
    for (let tab = 0; tab < 30 && (await focused()) !== 'attest-all'; tab += 1) await boss.keyboard.press('Tab');
    expect(await focused()).toBe('attest-all');
    await boss.keyboard.press('Enter');
    const dialog = boss.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(`Du attesterar de bekräftade timmarna i ${month} för ${saga.name}.`);
    await expectAccessible(boss, 'attest confirmation');
    for (let tab = 0; tab < 5 && (await focused()) !== 'confirm'; tab += 1) await boss.keyboard.press('Tab');
    expect(await focused()).toBe('confirm');
    await boss.keyboard.press('Enter');
    await expect.poll(() => boss.locator('[data-test="attest-status"]').textContent()).toBe('1 deltagares timmar är attesterade.');
    await expect.poll(() => boss.locator('[data-test="attest-one"]').count()).toBe(0);
    const states = (await attest.locator('tbody tr').allTextContents()).join(' | ');
    expect(states).toContain('Attesterad');
    expect(states).toContain('Väntar på deltagarens bekräftelse');
    await expectAccessible(boss, 'an attested month');

    // The session shows both of Saga's steps with who and when; Omar's are still open.
    await boss.goto(sessionUrl);
    const steps = boss.getByRole('region', { name: 'Deltagarnas timmar, bekräftelse och attest' });
    await steps.locator('tbody tr').nth(1).waitFor();
    const rows = await steps.locator('tbody tr').allTextContents();
    const sagaRow = rows.find((row) => row.includes(saga.name))!;
    const when = new RegExp(`${today} \\d\\d:\\d\\d`);
    expect(sagaRow).toMatch(new RegExp(`${saga.name}, ${when.source} \\(lösenord\\)`));
    expect(sagaRow).toMatch(new RegExp(`${manager.name}, ${when.source} \\(lösenord\\)`));
    expect(sagaRow).toContain('Attesterad');
    expect(rows.find((row) => row.includes(omar.name))).toContain('Inte ännu');
    // Signed hours: the session can no longer be cancelled.
    expect(await boss.locator('[data-test="learning-session-cancel"]').count()).toBe(0);
    await expectAccessible(boss, 'a learning session with both steps');

    // Saga sees her month attested.
    await participant.reload();
    await hours.getByRole('cell', { name: 'Attesterad', exact: true }).waitFor();
    expect(portal.errors).toEqual([]);
  }, 240_000);

  it('an administrator closes a month after confirming, and its attest screen then offers nothing', async () => {
    const admin = await portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    const { workplace } = await workplaceWithPeople(admin);
    const page = await signedIn(DEMO_ADMINISTRATOR.email);
    await page.goto('/operations/learning-sessions/closed-months');
    await page.getByRole('heading', { name: 'Stängda månader', level: 1 }).waitFor();
    await expectAccessible(page, 'closed months');

    await page.getByRole('textbox', { name: 'Månad' }).fill('2019-13');
    await page.locator('[data-test="month-close"]').click();
    await expect.poll(() => page.locator('#learning-close-month-error').textContent()).toBe('Skriv en månad som ÅÅÅÅ-MM.');
    await page.getByRole('textbox', { name: 'Månad' }).fill('2019-03');
    await page.locator('[data-test="month-close"]').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('När mars 2019 är stängd kan inget i månaden ändras i hela länet.');
    await expectAccessible(page, 'close month confirmation');
    await page.getByRole('button', { name: 'Stäng mars 2019' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    const closed = page.getByRole('region', { name: 'Stängda månader' });
    await expect.poll(() => closed.textContent()).toContain('mars 2019');
    expect(await closed.textContent()).toContain('Hela länet');
    await expectAccessible(page, 'a closed month in the list');

    // Closing it again is refused, in the dialog.
    await page.getByRole('textbox', { name: 'Månad' }).fill('2019-03');
    await page.locator('[data-test="month-close"]').click();
    await page.getByRole('button', { name: 'Stäng mars 2019' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('Månaden är redan stängd.');
    await page.locator('[data-test="confirm-cancel"]').click();

    await page.goto(`/operations/learning-sessions/attest?workplace=${encodeURIComponent(workplace.id)}&month=2019-03`);
    await page.locator('[data-test="month-closed"]').waitFor();
    expect(await page.locator('[data-test="month-closed"]').textContent()).toBe(
      'Månaden mars 2019 är stängd: inget i den kan ändras eller attesteras.',
    );
    expect(await page.locator('[data-test="attest-all"]').count()).toBe(0);
    await expectAccessible(page, 'a closed month to attest');
    expect(portal.errors).toEqual([]);
  }, 120_000);
});
