import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { rowId, type GraphQLClient } from '@evikomp/api/testing';
import { expectAccessible } from './support/browser.js';
import { signIn, signOut } from './support/pages.js';
import { usePortal } from './support/portal-harness.js';
import { DEMO_ADMINISTRATOR } from './support/portal-server.js';

const PERSON_CREATE = `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id email } errors { field message code } } }`;

describe('account journeys in headless Chromium', () => {
  const portal = usePortal({ smtp: true });
  const { errors } = portal;

  /** The administrator, signed in through the API. */
  async function administrator(): Promise<GraphQLClient> {
    return portal.api.signIn(DEMO_ADMINISTRATOR.email, DEMO_ADMINISTRATOR.password);
  }

  /** A new person of Linköping, invited to sign in in the same step. */
  async function invitedPerson(admin: GraphQLClient): Promise<{ id: string; email: string }> {
    const organisations = await admin(`{ organisations(first: 1, filter: { search: "Linköping" }) { edges { node { id } } } }`);
    const email = `ny.medarbetare.${randomUUID().slice(0, 8)}@linkoping.se`;
    const created = await admin(PERSON_CREATE, {
      input: {
        firstName: 'Nora',
        lastName: 'Nyström',
        email,
        homeOrganisationId: organisations.data!.organisations.edges[0].node.id,
        invite: true,
      },
    });
    expect(created.data!.personCreate.errors).toEqual([]);
    return created.data!.personCreate.person;
  }

  /** The link of the newest e-mail to `email` that carries one under `path`, as it arrived at the SMTP server. */
  async function linkIn(email: string, path: string, after = 0): Promise<string> {
    const pattern = new RegExp(`^(${portal.api.url}${path}[A-Za-z0-9_-]{43})$`, 'm');
    const find = () =>
      portal.smtp.messages
        .slice(after)
        .filter((mail) => JSON.stringify(mail.to ?? '').includes(email))
        .map((mail) => pattern.exec(mail.text ?? '')?.[1])
        .find(Boolean);
    await expect.poll(find, { timeout: 10_000 }).toBeDefined();
    return find()!;
  }

  async function choosePassword(page: Page, password: string, confirm = password): Promise<void> {
    await page.getByLabel(/^(Nytt lösenord|New password)/).fill(password);
    await page.getByLabel(/^(Upprepa lösenordet|Repeat the password)/).fill(confirm);
    await page.locator('[data-test="invitation-submit"], [data-test="reset-submit"]').click();
  }

  it('the administrator invites a new person, who chooses a password from the e-mailed link and signs in; a used or expired link is refused', async () => {
    const admin = await administrator();
    const person = await invitedPerson(admin);
    const link = await linkIn(person.email, '/invitation/');

    const page = await portal.newPage();
    await page.goto(link);
    await page.getByRole('heading', { name: 'Välj ditt lösenord' }).waitFor();
    expect(await page.getByLabel('Ditt konto').inputValue()).toBe(person.email);
    await expectAccessible(page, 'invitation');

    // A password that is too short is refused on its own field, before anything is sent.
    await choosePassword(page, 'kort');
    await page.locator('#new-password-error').waitFor();
    expect(await page.locator('#new-password-error').textContent()).toBe('Lösenordet behöver vara minst 10 tecken.');
    expect(await page.getByLabel(/^Nytt lösenord/).getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'invitation with an error');

    await choosePassword(page, 'mitt eget långa lösenord');
    await page.getByRole('heading', { name: 'Ditt konto är klart' }).waitFor();
    await expectAccessible(page, 'invitation accepted');
    await page.locator('[data-test="to-sign-in"]').click();
    await page.locator('[data-test="sign-in-form"]').waitFor();
    await signIn(page, person.email, 'mitt eget långa lösenord');
    // A person without roles lands on their own page.
    await page.getByRole('heading', { name: 'Mina sidor', level: 1 }).waitFor();
    await page.getByRole('heading', { name: 'Mina anmälningar' }).waitFor();
    await expectAccessible(page, 'me, after accepting the invitation');
    const account = await admin(`query($id: ID!) { person(id: $id) { account { state lastSignInAt } } }`, { id: person.id });
    expect(account.data!.person.account).toEqual({ state: 'ACTIVE', lastSignInAt: expect.any(String) });
    await signOut(page);

    // The link was single-use.
    await page.goto(link);
    await page.getByRole('heading', { name: 'Länken fungerar inte' }).waitFor();
    await expectAccessible(page, 'invitation used');

    // An expired link is refused too.
    const late = await invitedPerson(admin);
    const lateLink = await linkIn(late.email, '/invitation/');
    await portal.api.orm.em
      .getConnection()
      .execute(
        `update account_invitation set created_at = now() - interval '8 days', expires_at = now() - interval '1 day' where person_id = ?`,
        [rowId(late.id)],
      );
    await page.goto(lateLink);
    await page.getByRole('heading', { name: 'Länken fungerar inte' }).waitFor();
    await expectAccessible(page, 'invitation expired');
    expect(errors).toEqual([]);
  });

  it('forgot password: the sign-in page links to a form that e-mails a reset link; the link sets a new password once', async () => {
    const admin = await administrator();
    const person = await invitedPerson(admin);
    const token = (await linkIn(person.email, '/invitation/')).split('/').at(-1)!;
    const accepted = await portal.api.anonymous(
      `mutation($input: AccountInvitationAcceptInput!) { accountInvitationAccept(input: $input) { ok } }`,
      { input: { token, password: 'det första lösenordet' } },
    );
    expect(accepted.data!.accountInvitationAccept.ok).toBe(true);

    const page = await portal.newPage();
    await page.goto('/sign-in');
    await page.locator('[data-test="forgot-password-link"]').click();
    await page.getByRole('heading', { name: 'Glömt lösenordet?' }).waitFor();
    await expectAccessible(page, 'forgot password');
    await page.locator('[data-test="forgot-submit"]').click();
    await page.locator('#forgot-email-error').waitFor();
    expect(await page.locator('#forgot-email-error').textContent()).toBe('Skriv din e-postadress.');
    const before = portal.smtp.messages.length;
    await page.getByLabel('E-postadress').fill(person.email);
    await page.locator('[data-test="forgot-submit"]').click();
    await expect
      .poll(() => page.locator('[data-test="forgot-sent"]').textContent())
      .toContain(`Om det finns ett konto för ${person.email}`);
    await expectAccessible(page, 'forgot password, sent');

    const link = await linkIn(person.email, '/reset-password/', before);
    await page.goto(link);
    await page.getByRole('heading', { name: 'Välj ett nytt lösenord' }).waitFor();
    await expectAccessible(page, 'reset password');
    await choosePassword(page, 'det nya lösenordet', 'ett annat lösenord');
    await page.locator('#new-password-confirm-error').waitFor();
    await choosePassword(page, 'det nya lösenordet');
    await page.getByRole('heading', { name: 'Ditt lösenord är bytt' }).waitFor();
    await expectAccessible(page, 'password reset');
    await page.locator('[data-test="to-sign-in"]').click();
    await signIn(page, person.email, 'det nya lösenordet');
    await signOut(page);

    // Used once: the same link is refused, with a way to ask for a new one.
    await page.goto(link);
    await choosePassword(page, 'ett tredje lösenord');
    await page.locator('[data-test="form-error"]').waitFor();
    expect(await page.locator('[data-test="form-error"]').textContent()).toContain('Länken är redan använd');
    await expectAccessible(page, 'reset link used');
    expect(errors).toEqual([]);
  });
});
