/// <reference lib="dom" />
// page.evaluate callbacks run in the browser, hence the DOM types.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphQLClient } from '@evikomp/api/testing';
import { expectAccessible, expectReflowAt320 } from './support/browser.js';
import { signIn } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const MANAGER = { email: 'amira.henriksson@motala.se', password: 'evikomp-demo', name: 'Amira Henriksson' };
const ERRORS = 'errors { field message code }';
/** The machine running the journeys may be busy: a change and the refetch after it can take a few seconds. */
const SLOW = { timeout: 15_000, interval: 250 };

/** What the administrator does through the API while the manager's page stays open. */
async function administrator(client: GraphQLClient) {
  const call = async (query: string, variables: Record<string, unknown>) => {
    const response = await client(query, variables);
    expect(response.errors).toBeUndefined();
    const payload = Object.values(response.data!)[0] as { errors?: unknown[] } & Record<string, any>;
    if (payload && 'errors' in payload) expect(payload.errors).toEqual([]);
    return payload;
  };
  const programme = await call(
    `mutation($input: ProgrammeCreateInput!) { programmeCreate(input: $input) { programme { id } ${ERRORS} } }`,
    {
      input: { name: 'Ledarskap i vardagen' },
    },
  );
  return {
    /** An open cohort with one session in the autumn; its id. */
    async cohort(name: string, input: Record<string, unknown>) {
      const created = await call(`mutation($input: CohortCreateInput!) { cohortCreate(input: $input) { cohort { id } ${ERRORS} } }`, {
        input: { programmeId: programme.programme.id, name, status: 'OPEN', ...input },
      });
      await call(`mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { id } ${ERRORS} } }`, {
        input: { cohortId: created.cohort.id, startsAt: '2027-09-01T07:00:00Z', endsAt: '2027-09-01T15:00:00Z', venue: 'Motala' },
      });
      return created.cohort.id as string;
    },
    /** Registers someone (by e-mail) for a cohort; the registration. */
    async register(cohortId: string, email: string) {
      const found = await call(`query($search: String) { people(first: 1, filter: { search: $search }) { edges { node { id } } } }`, {
        search: email,
      });
      const personId = found.edges[0].node.id as string;
      const payload = await call(
        `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id status } ${ERRORS} } }`,
        { input: { cohortId, personId } },
      );
      return payload.registration as { id: string; status: string };
    },
    async cancel(registrationId: string) {
      await call(`mutation($input: RegistrationCancelInput!) { registrationCancel(input: $input) { registration { id } ${ERRORS} } }`, {
        input: { id: registrationId },
      });
    },
  };
}

/** The manager's own registration card for a cohort. */
const registration = (page: Page, cohort: string) => page.locator('[data-test="registration"]', { hasText: cohort });
const stateOf = (page: Page, cohort: string) => registration(page, cohort).locator('[data-test="registration-state"]').textContent();

/** Registers for a cohort from the page's list of open cohorts: two clicks (axe on the dialog in between when asked). */
async function registerFor(page: Page, cohort: string, checkDialog = false) {
  await page.getByRole('button', { name: `Anmäl mig: Ledarskap i vardagen: ${cohort}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Anmäl', exact: true }).waitFor();
  if (checkDialog) await expectAccessible(page, 'me, the registration dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Anmäl', exact: true }).click();
  await registration(page, cohort).waitFor();
}

/** As when the person comes back to the tab: the browser fires visibilitychange (headless tabs stay visible). */
const returnToTab = (page: Page) => page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

describe('the me page in headless Chromium', () => {
  const portal = usePortal({ smtp: true });
  const { errors } = portal;

  it('a manager registers for a full cohort, waits in line, and sees the freed place as confirmed without reloading', async () => {
    const admin = await administrator(await portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password));
    // Full: its one place is taken by the administrator (registered as a late replacement).
    const full = await admin.cohort('Omgång Motala', { capacity: 1, audienceRoles: ['MANAGER'] });
    const taken = await admin.register(full, DEMO_ADMINISTRATOR.email);
    expect(taken.status).toBe('CONFIRMED');

    const page = await portal.newPage();
    await page.goto('/me');
    await signIn(page, MANAGER.email, MANAGER.password);
    await page.getByRole('heading', { name: 'Mina sidor', level: 1 }).waitFor();
    expect(await page.title()).toBe('Mina sidor – Evikomp');
    await page.getByRole('heading', { name: 'Mina anmälningar' }).waitFor();
    await expectAccessible(page, 'me');
    await expectReflowAt320(page, 'me');
    await page.setViewportSize({ width: 1280, height: 720 });

    await registerFor(page, 'Omgång Motala', true);
    await expect.poll(() => stateOf(page, 'Omgång Motala'), SLOW).toBe('på väntelistan, plats 1');
    await expect.poll(() => page.locator('.ek-toasts [role="status"]').textContent(), SLOW).toContain('på väntelistan, plats 1');
    await expectAccessible(page, 'me, waitlisted');

    // The cohort promotes automatically: cancelling the one confirmed place confirms the first in line.
    await admin.cancel(taken.id);
    await expect
      .poll(
        async () => {
          await returnToTab(page);
          return stateOf(page, 'Omgång Motala');
        },
        { timeout: 10_000, interval: 500 },
      )
      .toBe('bekräftad');
    await page.reload();
    await expect.poll(() => stateOf(page, 'Omgång Motala'), SLOW).toBe('bekräftad');

    // Cancelling asks first.
    await registration(page, 'Omgång Motala')
      .getByRole('button', { name: /^Avboka/ })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Vill du avboka anmälan till Ledarskap i vardagen: Omgång Motala?', { exact: false }).waitFor();
    await expectAccessible(page, 'me, cancel dialog');
    await dialog.getByRole('button', { name: 'Avboka' }).click();
    await expect.poll(() => registration(page, 'Omgång Motala').count(), SLOW).toBe(0);
    expect(errors).toEqual([]);
  }, 120_000);

  it('an offered place shows its expiry when the page is opened again, and the manager accepts it', async () => {
    const admin = await administrator(await portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password));
    const cohort = await admin.cohort('Omgång med erbjudande', {
      capacity: 1,
      audienceRoles: ['MANAGER'],
      promotionPolicy: 'OFFER',
      offerHoldHours: 48,
    });
    const taken = await admin.register(cohort, DEMO_ADMINISTRATOR.email);

    const page = await portal.newPage();
    await page.goto('/me');
    await signIn(page, MANAGER.email, MANAGER.password);
    await registerFor(page, 'Omgång med erbjudande');
    await expect.poll(() => stateOf(page, 'Omgång med erbjudande'), SLOW).toBe('på väntelistan, plats 1');

    // With the OFFER policy the freed place is offered, not confirmed: the page says until when, in Swedish time.
    const before = portal.smtp.messages.length;
    await admin.cancel(taken.id);
    await page.locator('[data-test="nav-training"]').click();
    await page.getByRole('heading', { name: 'Utbildning', level: 1 }).waitFor();
    await expectAccessible(page, 'training start (manager)');
    await page.locator('[data-test="nav-me"]').click();
    await page.getByRole('heading', { name: 'Mina sidor', level: 1 }).waitFor();
    const offered = await portal.api.orm.em
      .getConnection()
      .execute(`select offer_expires_at from registration where status = 'OFFERED' order by registered_at desc limit 1`);
    const until = new Intl.DateTimeFormat('sv-SE', {
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Stockholm',
    }).format(new Date(offered[0]!.offer_expires_at));
    await expect.poll(() => stateOf(page, 'Omgång med erbjudande'), SLOW).toBe(`erbjuden plats till ${until}`);
    await expectAccessible(page, 'me, offered');

    // The offer e-mail links to the registration's own page, where the manager accepts it.
    const linkPattern = new RegExp(`(${portal.api.url}/me/registrations/[A-Za-z0-9_-]+)`);
    const offerLink = () =>
      portal.smtp.messages
        .slice(before)
        .filter((mail) => JSON.stringify(mail.to ?? '').includes(MANAGER.email))
        .map((mail) => linkPattern.exec(mail.text ?? '')?.[1])
        .find(Boolean);
    await expect.poll(offerLink, SLOW).toBeDefined();
    await page.goto(offerLink()!);
    await page.getByRole('heading', { name: 'Ledarskap i vardagen: Omgång med erbjudande', level: 1 }).waitFor();
    expect(await page.title()).toBe('Ledarskap i vardagen: Omgång med erbjudande – Evikomp');
    await expect.poll(() => page.locator('[data-test="registration-state"]').textContent(), SLOW).toBe(`erbjuden plats till ${until}`);
    expect(await page.locator('[data-test="registration-session"]').textContent()).toContain('Motala');
    await expectAccessible(page, 'a registration from the offer e-mail');
    await expectReflowAt320(page, 'a registration from the offer e-mail');
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Tacka ja' }).click();
    await expect.poll(() => page.locator('[data-test="registration-state"]').textContent(), SLOW).toBe('bekräftad');
    expect(await page.getByRole('button', { name: 'Tacka ja' }).count()).toBe(0);
    await expectAccessible(page, 'a registration, accepted');

    await page.locator('[data-test="nav-me"]').click();
    await page.getByRole('heading', { name: 'Mina sidor', level: 1 }).waitFor();
    await expect.poll(() => stateOf(page, 'Omgång med erbjudande'), SLOW).toBe('bekräftad');
    await expectAccessible(page, 'me, after accepting an offer');
    await page.reload();
    await expect.poll(() => stateOf(page, 'Omgång med erbjudande'), SLOW).toBe('bekräftad');

    // A path under /me that is no page: not found, inside the portal (not "could not be loaded").
    await page.goto('/me/no-such-page');
    await page.getByRole('heading', { name: 'Hittades inte', level: 1 }).waitFor();
    expect(await page.locator('[data-test="remote-failed"]').count()).toBe(0);
    await expectAccessible(page, 'me, an unknown path');
    // Someone else's registration (the administrator's, now cancelled): not found either, nothing of it shown.
    await page.goto(`/me/registrations/${taken.id}`);
    await page.getByRole('heading', { name: 'Hittades inte', level: 1 }).waitFor();
    expect(await page.locator('main').textContent()).not.toContain('Omgång med erbjudande');
    await expectAccessible(page, "me, someone else's registration");
    expect(errors).toEqual([]);
  }, 120_000);

  it('a manager registers their workplace coordinator, creates and copies a calendar-feed link, and changes nothing with a wrong password', async () => {
    const admin = await administrator(await portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password));
    await admin.cohort('Koordinatorsträff', { audienceRoles: ['WORKPLACE_COORDINATOR'] });

    const page = await portal.newPage();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.api.url });
    await page.goto('/me');
    await signIn(page, MANAGER.email, MANAGER.password);
    const coordinator = page.locator('section', { has: page.getByRole('heading', { name: 'Din arbetsplatskoordinator' }) });
    const register = coordinator.getByRole('button', { name: /^Anmäl Agneta Nyberg: Ledarskap i vardagen: Koordinatorsträff$/ });
    await register.waitFor();
    await register.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Anmäl', exact: true }).waitFor();
    await expectAccessible(page, 'me, registering the coordinator');
    await page.getByRole('dialog').getByRole('button', { name: 'Anmäl', exact: true }).click();
    await expect.poll(() => coordinator.locator('[data-test="registration"]', { hasText: 'Koordinatorsträff' }).count(), SLOW).toBe(1);
    expect(await coordinator.locator('[data-test="registration"]', { hasText: 'Koordinatorsträff' }).textContent()).toContain('bekräftad');
    // Not offered to the manager themselves: it is for coordinators.
    expect(await page.getByRole('button', { name: 'Anmäl mig: Ledarskap i vardagen: Koordinatorsträff' }).count()).toBe(0);

    await page.locator('[data-test="create-feed"]').click();
    const url = await page.locator('[data-test="feed-url"]').inputValue();
    expect(url).toMatch(/\/calendar\/.+\.ics$/);
    await page.locator('[data-test="copy-feed"]').click();
    await expect.poll(() => page.locator('[data-test="feed-status"]').textContent(), SLOW).toBe('Länken är kopierad.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect((await fetch(new URL(new URL(url).pathname, portal.api.url))).status).toBe(200);

    await page.getByLabel('Nuvarande lösenord').fill('fel-lösenord-här');
    await page.getByLabel(/^Nytt lösenord/).fill('ett-nytt-lösenord');
    await page.getByLabel('Upprepa det nya lösenordet').fill('ett-nytt-lösenord');
    await page.locator('[data-test="password-submit"]').click();
    await page.locator('#password-current-error').getByText('Det nuvarande lösenordet är fel.').waitFor();
    await expectAccessible(page, 'me, coordinator and password error');
    expect(errors).toEqual([]);
  }, 120_000);
});
