/// <reference lib="dom" />
// page.evaluate callbacks run in the browser, hence the DOM types.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GraphQLClient } from '@evikomp/api/testing';
import { expectAccessible } from './support/browser.js';
import { signIn, signOut } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const ORGANISATION_ADMIN = { email: 'susanne.mattsson@boxholm.se', password: 'evikomp-demo' };
const PERSON_CREATE = `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id name email } errors { field message code } } }`;

/** A valid Swedish organisation number (the last digit is the Luhn check digit of the nine before it). */
function organisationNumber(): string {
  const nine = `212${String(Math.floor(Math.random() * 1_000_000)).padStart(6, '0')}`;
  let sum = 0;
  for (let index = 0; index < 9; index += 1) {
    let figure = Number(nine[index]) * (index % 2 === 0 ? 2 : 1);
    if (figure > 9) figure -= 9;
    sum += figure;
  }
  const digits = `${nine}${(10 - (sum % 10)) % 10}`;
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

describe('account administration journeys in headless Chromium', () => {
  const portal = usePortal({ smtp: true });
  const { errors } = portal;

  const administrator = (): Promise<GraphQLClient> => portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);

  async function organisationId(admin: GraphQLClient, name: string): Promise<{ id: string; organisationNumber: string }> {
    const found = await admin(
      `query($q: String!) { organisations(first: 1, filter: { search: $q }) { edges { node { id organisationNumber } } } }`,
      {
        q: name,
      },
    );
    return found.data!.organisations.edges[0].node;
  }

  /** A new person without an account (and without roles) in the organisation. */
  async function newPerson(
    admin: GraphQLClient,
    homeOrganisationId: string,
    firstName = 'Bodil',
  ): Promise<{ id: string; name: string; email: string }> {
    const email = `${firstName.toLowerCase()}.${randomUUID().slice(0, 8)}@boxholm.se`;
    const created = await admin(PERSON_CREATE, { input: { firstName, lastName: 'Bergkvist', email, homeOrganisationId } });
    expect(created.data!.personCreate.errors).toEqual([]);
    return created.data!.personCreate.person;
  }

  /** The invitation link of the newest e-mail to `email`, as it arrived at the SMTP server. */
  async function invitationLink(email: string, after = 0): Promise<string> {
    const pattern = new RegExp(`^(${portal.api.url}/invitation/[A-Za-z0-9_-]{43})$`, 'm');
    const find = () =>
      portal.smtp.messages
        .slice(after)
        .filter((mail) => JSON.stringify(mail.to ?? '').includes(email))
        .map((mail) => pattern.exec(mail.text ?? '')?.[1])
        .find(Boolean);
    await expect.poll(find, { timeout: 10_000 }).toBeDefined();
    return find()!;
  }

  const focusedTest = (page: Page) =>
    page.evaluate(() => document.activeElement?.getAttribute('data-test') ?? document.activeElement?.id ?? '');
  /** Presses Tab until the element with this data-test (or id) has the focus, then Enter: the keyboard, not the mouse. */
  async function pressOn(page: Page, target: string, limit = 60) {
    for (let i = 0; i < limit && (await focusedTest(page)) !== target; i++) await page.keyboard.press('Tab');
    expect(await focusedTest(page)).toBe(target);
    await page.keyboard.press('Enter');
  }
  const accountState = (page: Page) => page.locator('[data-test="account-state"]').textContent();

  it('an organisation admin invites a person from the person page; the person chooses a password from the e-mail and signs in; deactivated after a confirmation (cancelling changes nothing), they are signed out; reactivated, they sign in again', async () => {
    const admin = await administrator();
    const boxholm = await organisationId(admin, 'Boxholm');
    const person = await newPerson(admin, boxholm.id);

    const page = await portal.newPage();
    await page.goto(`/directory/people/${person.id}`);
    await signIn(page, ORGANISATION_ADMIN.email, ORGANISATION_ADMIN.password);
    await page.getByRole('heading', { name: person.name, level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Konto', level: 2 }).waitFor();
    expect(await accountState(page)).toBe('Inget konto: personen kan inte logga in.');
    await expectAccessible(page, 'person without an account');

    const before = portal.smtp.messages.length;
    await pressOn(page, 'account-invite');
    await expect
      .poll(() => accountState(page))
      .toMatch(/^Inbjuden \d{4}-\d\d-\d\d \d\d:\d\d\. Länken i e-postmeddelandet gäller till \d{4}-\d\d-\d\d \d\d:\d\d\.$/);
    await page.getByRole('status').getByText(`En inbjudan har skickats till ${person.name}.`, { exact: false }).waitFor();
    expect(await page.locator('[data-test="account-invite"]').textContent()).toContain('Skicka inbjudan igen');
    await expectAccessible(page, 'person invited');

    // The e-mail carries the link to the portal's page where the person chooses a password.
    const link = await invitationLink(person.email, before);
    const theirs = await portal.newPage();
    await theirs.goto(link);
    await theirs.getByRole('heading', { name: 'Välj ditt lösenord' }).waitFor();
    await expectAccessible(theirs, 'invitation from the organisation admin');
    await theirs.getByLabel(/^Nytt lösenord/).fill('bodils eget långa lösenord');
    await theirs.getByLabel(/^Upprepa lösenordet/).fill('bodils eget långa lösenord');
    await theirs.keyboard.press('Enter');
    await theirs.getByRole('heading', { name: 'Ditt konto är klart' }).waitFor();
    await theirs.locator('[data-test="to-sign-in"]').click();
    await signIn(theirs, person.email, 'bodils eget långa lösenord');
    await theirs.getByRole('heading', { name: 'Mina sidor', level: 1 }).waitFor();
    await expectAccessible(theirs, 'the invited person signed in');

    await page.reload();
    await expect.poll(() => accountState(page)).toMatch(/^Aktivt sedan \d{4}-\d\d-\d\d \d\d:\d\d\.$/);
    expect(await page.locator('[data-test="account-last-sign-in"]').textContent()).toMatch(
      /^\s*Senast inloggad \d{4}-\d\d-\d\d \d\d:\d\d\.\s*$/,
    );
    await expectAccessible(page, 'person with an active account');

    // Cancelling the confirmation changes nothing.
    await pressOn(page, 'account-deactivate');
    const dialog = page.getByRole('dialog', { name: 'Stänga av kontot?' });
    await dialog.waitFor();
    expect(await dialog.locator('[data-test="account-deactivate-text"]').textContent()).toContain(person.name);
    expect(await dialog.locator('[data-test="account-deactivate-confirm"]').textContent()).toContain(
      `Ja, stäng av kontot för ${person.name}`,
    );
    await expectAccessible(page, 'deactivate dialog');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await focusedTest(page)).toBe('account-deactivate');
    const stillActive = await admin(`query($id: ID!) { person(id: $id) { account { state } } }`, { id: person.id });
    expect(stillActive.data!.person.account.state).toBe('ACTIVE');
    await theirs.getByRole('link', { name: 'Mina sidor' }).first().waitFor();

    // Confirmed: the account is deactivated and the person's next request finds their session ended.
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await pressOn(dialog.page(), 'account-deactivate-confirm');
    await expect.poll(() => accountState(page)).toMatch(/^Avstängt sedan \d{4}-\d\d-\d\d \d\d:\d\d: personen kan inte logga in\.$/);
    await page.getByRole('status').getByText(`Kontot för ${person.name} är avstängt.`).waitFor();
    await expectAccessible(page, 'person deactivated');

    await theirs.reload();
    await theirs.locator('[data-test="sign-in-form"]').waitFor();
    await theirs.getByLabel(/E-postadress/).fill(person.email);
    await theirs.getByLabel(/^Lösenord/).fill('bodils eget långa lösenord');
    await theirs.locator('[data-test="sign-in-submit"]').click();
    await theirs.locator('[data-test="form-error"]').waitFor();
    expect(await theirs.locator('[data-test="form-error"]').textContent()).toBe(
      'Kontot är avstängt. Kontakta din organisations administratör.',
    );
    expect(await theirs.locator('[data-test="sign-out"]').count()).toBe(0);
    await expectAccessible(theirs, 'sign-in refused for a deactivated account');

    // Reactivated: they sign in again with the password they chose.
    await pressOn(page, 'account-reactivate');
    await expect.poll(() => accountState(page)).toMatch(/^Aktivt sedan/);
    await page.getByRole('status').getByText(`Kontot för ${person.name} är aktivt igen.`).waitFor();
    await expectAccessible(page, 'person reactivated');
    await signIn(theirs, person.email, 'bodils eget långa lösenord');
    await signOut(theirs);
    await signOut(page);
    expect(errors).toEqual([]);
  });

  it('"Bjud in alla utan konto" on an organisation says how many first, and sends only after the confirmation', async () => {
    const admin = await administrator();
    const created = await admin(
      `mutation($input: OrganisationCreateInput!) { organisationCreate(input: $input) { organisation { id name } errors { field code } } }`,
      { input: { name: `Journeyby kommun ${randomUUID().slice(0, 6)}`, kind: 'MUNICIPALITY', organisationNumber: organisationNumber() } },
    );
    const organisation = created.data!.organisationCreate.organisation;
    const [first, second] = [await newPerson(admin, organisation.id, 'Ebba'), await newPerson(admin, organisation.id, 'Frej')];
    await portal.api.createAccount(second.id);

    const page = await portal.newPage();
    await page.goto(`/directory/organisations/${organisation.id}`);
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: organisation.name, level: 1 }).waitFor();
    const before = portal.smtp.messages.length;
    await pressOn(page, 'invite-all');
    const dialog = page.getByRole('dialog', { name: 'Bjuda in alla utan konto?' });
    await dialog.locator('[data-test="invite-all-text"]').waitFor();
    expect(await dialog.locator('[data-test="invite-all-text"]').textContent()).toContain(
      'Av organisationens 2 personer får 1 en inbjudan med e-post. 1 har redan konto, 0 saknar e-postadress och 0 kan du inte bjuda in.',
    );
    await expectAccessible(page, 'invite everyone dialog');
    await dialog.locator('[data-test="invite-all-cancel"]').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    const untouched = await admin(`query($id: ID!) { person(id: $id) { account { state } } }`, { id: first.id });
    expect(untouched.data!.person.account.state).toBe('NONE');

    await pressOn(page, 'invite-all');
    await pressOn(page, 'invite-all-confirm');
    await page.getByRole('status').getByText('1 inbjudningar har skickats.').waitFor();
    expect(await page.locator('[data-test="invite-all-report"]').textContent()).toContain('1 inbjudna, 1 hade redan konto');
    await invitationLink(first.email, before);
    await expectAccessible(page, 'organisation after inviting everyone');
    expect(errors).toEqual([]);
  });

  it('an administrator registers an organisation: the API refuses a taken organisation number on its field first', async () => {
    const admin = await administrator();
    const taken = (await organisationId(admin, 'Boxholm')).organisationNumber;
    const name = `Journeyköping kommun ${randomUUID().slice(0, 6)}`;
    const page = await portal.newPage();
    await page.goto('/directory/organisations');
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: 'Medlemsorganisationer', level: 1 }).waitFor();
    await pressOn(page, 'organisation-new');
    await page.getByRole('heading', { name: 'Ny medlemsorganisation', level: 1 }).waitFor();
    expect(await page.title()).toBe('Ny medlemsorganisation – Evikomp');
    await expectAccessible(page, 'new organisation');

    await page.locator('#organisation-name').focus();
    await page.keyboard.type(name);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusedTest(page)).toBe('organisation-number');
    await page.keyboard.type(taken);
    await page.keyboard.press('Enter');
    await page.locator('#organisation-number-error').waitFor();
    expect(await page.locator('#organisation-number-error').textContent()).toBe('En annan organisation har redan det organisationsnumret.');
    expect(await page.locator('#organisation-number').getAttribute('aria-invalid')).toBe('true');
    expect(await focusedTest(page)).toBe('organisation-number');
    await expectAccessible(page, 'new organisation with an error');

    await page.keyboard.press('Control+A');
    await page.keyboard.type(organisationNumber());
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name, level: 1 }).waitFor();
    await page.getByRole('status').getByText(`Organisationen ${name} är registrerad.`).waitFor();
    expect(await page.locator('dl.ek-details').textContent()).toContain('Kommun');
    await expectAccessible(page, 'the new organisation');
    expect(errors).toEqual([]);
  });

  it('an administrator moves a workplace coordinator to another workplace from the person page; the history shows both', async () => {
    const admin = await administrator();
    const boxholm = await organisationId(admin, 'Boxholm');
    const person = await newPerson(admin, boxholm.id, 'Greta');
    const workplaces = await admin(
      `query($id: ID!) { workplaces(first: 2, filter: { organisationId: $id, status: ACTIVE }, orderBy: { field: NAME, direction: ASC }) { edges { node { id name } } } }`,
      { id: boxholm.id },
    );
    const [from, to] = workplaces.data!.workplaces.edges.map((edge: { node: { id: string; name: string } }) => edge.node);
    const given = await admin(
      `mutation($input: RoleAssignmentCreateInput!) { roleAssignmentCreate(input: $input) { errors { field code } } }`,
      { input: { personId: person.id, role: 'WORKPLACE_COORDINATOR', workplaceId: from.id, startsOn: '2026-01-01' } },
    );
    expect(given.data!.roleAssignmentCreate.errors).toEqual([]);

    const page = await portal.newPage();
    await page.goto(`/directory/people/${person.id}`);
    await signIn(page, DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
    await page.getByRole('heading', { name: person.name, level: 1 }).waitFor();
    await pressOn(page, 'move-role');
    const dialog = page.getByRole('dialog', { name: 'Flytta rollen till en annan arbetsplats' });
    await dialog.waitFor();
    // Without a workplace the form says so on the field.
    await dialog.locator('[data-test="move-role-confirm"]').press('Enter');
    await dialog.locator('#move-role-workplace-search-error').waitFor();
    expect(await dialog.locator('#move-role-workplace-search-error').textContent()).toBe(
      'Sök och välj den arbetsplats rollen flyttar till.',
    );
    await expectAccessible(page, 'move role dialog with an error');

    await dialog.locator('#move-role-workplace-search').fill(to.name);
    const choice = dialog.getByRole('option', { name: new RegExp(to.name) });
    await choice.waitFor();
    await expectAccessible(page, 'move role dialog, the workplace list open');
    await choice.click();
    await dialog.locator('[data-test="move-role-confirm"]').press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText(`${person.name} är nu arbetsplatskoordinator på ${to.name}.`).waitFor();
    await expect.poll(() => page.locator('[data-test="roles-now"]').textContent()).toContain(to.name);
    expect(await page.locator('[data-test="roles-now"]').textContent()).not.toContain(from.name);
    expect(await page.locator('[data-test="roles-earlier"]').textContent()).toContain(from.name);
    await expectAccessible(page, 'person after moving the role');
    expect(errors).toEqual([]);
  });
});
