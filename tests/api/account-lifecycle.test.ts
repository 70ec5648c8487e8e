import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, TEST_PASSWORD, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, signedInPerson, snapshot, USER_ERRORS } from '../support/factories.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const DEACTIVATE = `mutation($input: AccountPersonInput!) { accountDeactivate(input: $input) { person { account { state deactivatedAt } } ${USER_ERRORS} } }`;
const REACTIVATE = `mutation($input: AccountPersonInput!) { accountReactivate(input: $input) { person { account { state } } ${USER_ERRORS} } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { me { id } ${USER_ERRORS} } }`;
const REQUEST_RESET = `mutation($email: String!) { passwordResetRequest(input: { email: $email }) { ok ${USER_ERRORS} } }`;

let api: TestApi;
let smtp: TestSmtpServer;
let organisationId: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  // As in production: reset links go through the outbox (no test double), and accounts lock after three failures.
  api = await startTestApi({ smtpUrl: smtp.url, resetsThroughOutbox: true, throttle: { maxFailuresPerAccount: 3, lockSeconds: 60 } });
  organisationId = (await createOrganisation(api)).id;
});
afterAll(async () => {
  await api?.stop();
  await smtp?.close();
});

async function personWithAccount(input: Record<string, unknown> = {}) {
  const person = await createPerson(api, organisationId, input);
  await api.createAccount(person.id);
  return person;
}

async function outbox(personId: string, kind: string): Promise<{ subject: string; body: string }[]> {
  return api.orm.em
    .getConnection()
    .execute(`select subject, body from notification where person_id = ? and kind = ? order by created_at`, [rowId(personId), kind]);
}

describe('deactivating an account', () => {
  it('ends its sessions and refuses sign-in and reset links until it is reactivated', async () => {
    const person = await personWithAccount();
    const session = await api.signIn(person.email);
    expect((await session(`{ me { id } }`)).data!.me).not.toBeNull();

    const deactivated = await api.graphql(DEACTIVATE, { input: { personId: person.id } });
    expect(deactivated.data!.accountDeactivate).toEqual({
      person: { account: { state: 'DEACTIVATED', deactivatedAt: expect.any(String) } },
      errors: [],
    });
    expect((await session(`{ me { id } }`)).data!.me).toBeNull();
    const refused = await api.anonymous(SIGN_IN, { input: { email: person.email, password: TEST_PASSWORD } });
    expect(refused.data!.signIn).toEqual({ me: null, errors: [expect.objectContaining({ code: 'ACCOUNT_DEACTIVATED' })] });
    expect(refused.setCookie).toBeNull();
    expect((await api.anonymous(REQUEST_RESET, { email: person.email })).data!.passwordResetRequest.ok).toBe(true);
    expect(await outbox(person.id, 'PASSWORD_RESET')).toEqual([]);
    const entries = await api.graphql(
      `query($id: ID!) { auditEntries(filter: { subjectId: $id, operation: "accountDeactivate" }) { totalCount } }`,
      {
        id: person.id,
      },
    );
    expect(entries.data!.auditEntries.totalCount).toBe(1);

    expect((await api.graphql(REACTIVATE, { input: { personId: person.id } })).data!.accountReactivate).toEqual({
      person: { account: { state: 'ACTIVE' } },
      errors: [],
    });
    await expect(api.signIn(person.email)).resolves.toBeTypeOf('function');
  });

  it('refuses an organisation admin anyone outside their organisation or holding a role they could not give, and oneself', async () => {
    const otherOrganisationId = (await createOrganisation(api)).id;
    const admin = await signedInPerson(api, organisationId, { role: 'ORGANISATION_ADMIN', organisationId });
    const staff = await personWithAccount();
    const outside = await createPerson(api, otherOrganisationId);
    await api.createAccount(outside.id);
    const futureAdministrator = await personWithAccount();
    await assignRole(api, { personId: futureAdministrator.id, role: 'ADMINISTRATOR', startsOn: '2099-01-01' });

    const manageable = `query($id: ID!) { person(id: $id) { account { manageable } } }`;
    expect((await admin.client(manageable, { id: staff.id })).data!.person.account).toEqual({ manageable: true });
    expect((await admin.client(manageable, { id: futureAdministrator.id })).data!.person.account).toEqual({ manageable: false });
    expect((await api.graphql(manageable, { id: futureAdministrator.id })).data!.person.account).toEqual({ manageable: true });
    expect((await admin.client(manageable, { id: outside.id })).data!.person).toBeNull();

    const before = await snapshot(api);
    expect((await admin.client(DEACTIVATE, { input: { personId: outside.id } })).data!.accountDeactivate.errors).toEqual([
      expect.objectContaining({ field: 'personId', code: 'NOT_FOUND' }),
    ]);
    expect((await admin.client(DEACTIVATE, { input: { personId: futureAdministrator.id } })).data!.accountDeactivate.errors).toEqual([
      expect.objectContaining({ field: 'personId', code: 'FORBIDDEN' }),
    ]);
    expect((await admin.client(DEACTIVATE, { input: { personId: admin.id } })).data!.accountDeactivate.errors).toEqual([
      expect.objectContaining({ field: 'personId', code: 'FORBIDDEN' }),
    ]);
    expect(await snapshot(api)).toBe(before);
    expect((await admin.client(DEACTIVATE, { input: { personId: staff.id } })).data!.accountDeactivate.errors).toEqual([]);
    expect((await admin.client(REACTIVATE, { input: { personId: staff.id } })).data!.accountReactivate.errors).toEqual([]);
  });
});

describe('asking for a password-reset link', () => {
  it('runs the same statements for an account, an unknown address, a person without an account and a deactivated account', async () => {
    const holder = await personWithAccount();
    const withoutAccount = await createPerson(api, organisationId);
    const deactivated = await personWithAccount();
    await api.graphql(DEACTIVATE, { input: { personId: deactivated.id } });

    const answers = [];
    for (const email of [holder.email, 'ingen.sadan@example.se', withoutAccount.email, deactivated.email]) {
      answers.push(await api.anonymous(REQUEST_RESET, { email }));
    }
    for (const answer of answers) expect(answer.data!.passwordResetRequest).toEqual({ ok: true, errors: [] });
    const statements = answers.map((answer) => answer.sqlStatements);
    expect(statements[0]).toBeGreaterThan(0);
    expect(new Set(statements).size).toBe(1);
    // Only the account holder gets a link, to the portal's reset page.
    expect(await outbox(holder.id, 'PASSWORD_RESET')).toEqual([
      {
        subject: 'Välj ett nytt lösenord i Evikomp',
        body: expect.stringMatching(new RegExp(`\n${api.url}/reset-password/[A-Za-z0-9_-]{43}\n`)),
      },
    ]);
    expect(await outbox(withoutAccount.id, 'PASSWORD_RESET')).toEqual([]);
    expect(await outbox(deactivated.id, 'PASSWORD_RESET')).toEqual([]);
  });

  it('builds the link from PUBLIC_URL, never from the Host header a caller sends', async () => {
    const person = await personWithAccount();
    const body = JSON.stringify({ query: REQUEST_RESET, variables: { email: person.email } });
    await new Promise<void>((resolve, reject) => {
      const sent = request(
        `${api.url}/graphql`,
        {
          method: 'POST',
          headers: { host: 'evil.example', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (response) => response.resume().on('end', resolve),
      );
      sent.on('error', reject);
      sent.end(body);
    });
    const [message] = await outbox(person.id, 'PASSWORD_RESET');
    expect(message!.body).toContain(`${api.url}/reset-password/`);
    expect(message!.body).not.toContain('evil.example');
  });

  it('is throttled per client address, for known and unknown addresses alike', async () => {
    const throttled = await startTestApi({ resetsThroughOutbox: true, resetThrottle: { perClientPerHour: 3 } });
    try {
      for (let n = 0; n < 3; n += 1) {
        expect((await throttled.anonymous(REQUEST_RESET, { email: `person${n}@example.se` })).data!.passwordResetRequest.ok).toBe(true);
      }
      const refused = await throttled.anonymous(REQUEST_RESET, { email: 'person4@example.se' });
      expect(refused.data!.passwordResetRequest).toEqual({
        ok: false,
        errors: [expect.objectContaining({ field: 'email', code: 'TOO_MANY_ATTEMPTS' })],
      });
    } finally {
      await throttled.stop();
    }
  });
});

describe('when failed sign-ins lock an account', () => {
  it('e-mails the owner, in their language, until when and what to do', async () => {
    const person = await personWithAccount({ language: 'EN' });
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await api.anonymous(SIGN_IN, { input: { email: person.email, password: 'fel-lösenord' } });
    }
    const locked = await api.anonymous(SIGN_IN, { input: { email: person.email, password: TEST_PASSWORD } });
    expect(locked.data!.signIn.errors).toEqual([expect.objectContaining({ code: 'TOO_MANY_ATTEMPTS' })]);
    smtp.messages.length = 0;
    await api.notifications.deliverDue();
    const mail = smtp.messages.find((message) => message.subject === 'Sign-in to your Evikomp account is locked for a while');
    expect(mail).toBeDefined();
    expect(mail!.text).toMatch(/so sign-in is locked until \w+day, \d+ \w+ \d{4} at \d\d:\d\d\./);
    expect(mail!.text).toContain(`${api.url}/forgot-password`);
    // One message for the lock, not one per refused attempt.
    expect(await outbox(person.id, 'ACCOUNT_LOCKED')).toHaveLength(1);
  });

  it('shows on the person until when the account is locked, and nothing for one that is not', async () => {
    const person = await personWithAccount();
    const other = await personWithAccount();
    const read = `query($id: ID!) { person(id: $id) { account { state lockedUntil } } }`;
    expect((await api.graphql(read, { id: person.id })).data!.person.account).toEqual({ state: 'ACTIVE', lockedUntil: null });
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await api.anonymous(SIGN_IN, { input: { email: person.email, password: 'fel-lösenord' } });
    }
    const lockedUntil = (await api.graphql(read, { id: person.id })).data!.person.account.lockedUntil as string;
    expect(new Date(lockedUntil).getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(new Date(lockedUntil).getTime()).toBeLessThanOrEqual(Date.now() + 61_000);
    expect((await api.graphql(read, { id: other.id })).data!.person.account.lockedUntil).toBeNull();
  });
});
