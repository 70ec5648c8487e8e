import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import {
  assignRole,
  createOrganisation,
  createPerson,
  createWorkplace,
  signedInPerson,
  snapshot,
  USER_ERRORS,
} from '../support/factories.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const ACCOUNT = 'account { state invitedAt invitationExpiresAt activatedAt lastSignInAt deactivatedAt }';
const INVITE = `mutation($input: AccountPersonInput!) { accountInvite(input: $input) { person { id ${ACCOUNT} } ${USER_ERRORS} } }`;
const INVITE_MANY = `mutation($input: AccountInviteManyInput!) {
  accountInviteMany(input: $input) { invitedCount results { personId person { id } outcome expiresAt } ${USER_ERRORS} }
}`;
const PREVIEW = `query($token: String!) { accountInvitation(token: $token) { firstName email expiresAt } }`;
const ACCEPT = `mutation($input: AccountInvitationAcceptInput!) { accountInvitationAccept(input: $input) { ok ${USER_ERRORS} } }`;
const PERSON_ACCOUNT = `query($id: ID!) { person(id: $id) { ${ACCOUNT} } }`;
const PERSON_CREATE = `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id ${ACCOUNT} } ${USER_ERRORS} } }`;
const DAY_MS = 24 * 3_600_000;

let api: TestApi;
let smtp: TestSmtpServer;
let organisationId: string;
let otherOrganisationId: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  api = await startTestApi({ smtpUrl: smtp.url });
  organisationId = (await createOrganisation(api)).id;
  otherOrganisationId = (await createOrganisation(api)).id;
});
afterAll(async () => {
  await api?.stop();
  await smtp?.close();
});
beforeEach(async () => {
  await api.notifications.deliverDue();
  smtp.messages.length = 0;
});

/** Delivers the outbox and answers the invitation link in the newest e-mail to `address`. */
async function invitationLink(address: string): Promise<{ url: string; token: string; subject: string; text: string }> {
  await api.notifications.deliverDue();
  const mail = smtp.messages.filter((message) => message.to && JSON.stringify(message.to).includes(address)).at(-1);
  if (!mail) throw new Error(`no e-mail to ${address}`);
  const match = new RegExp(`^(${api.url}/invitation/([A-Za-z0-9_-]{43}))$`, 'm').exec(mail.text ?? '');
  if (!match) throw new Error(`no invitation link in: ${mail.text}`);
  return { url: match[1]!, token: match[2]!, subject: mail.subject ?? '', text: mail.text ?? '' };
}

async function auditCount(personId: string, operation: string): Promise<number> {
  const response = await api.graphql(
    `query($id: ID!, $op: String!) { auditEntries(filter: { subjectId: $id, operation: $op }) { totalCount } }`,
    {
      id: personId,
      op: operation,
    },
  );
  return response.data!.auditEntries.totalCount;
}

describe('inviting a person to sign in', () => {
  it('creates and invites in one step; the e-mail in their language links to the portal page where they choose a password', async () => {
    const created = await api.graphql(PERSON_CREATE, {
      input: {
        firstName: 'Eve',
        lastName: 'Invited',
        email: 'eve.invited@example.se',
        homeOrganisationId: organisationId,
        language: 'EN',
        invite: true,
      },
    });
    expect(created.data!.personCreate.errors).toEqual([]);
    const person = created.data!.personCreate.person;
    const link = await invitationLink('eve.invited@example.se');
    expect(link.subject).toBe('You are invited to Evikomp');
    expect(link.text).toContain('Test Administratör has invited you to sign in to Evikomp.');
    expect(link.text).toMatch(/It works once|The link works once/);

    const account = (await api.graphql(PERSON_ACCOUNT, { id: person.id })).data!.person.account;
    expect(account).toMatchObject({ state: 'INVITED', activatedAt: null, lastSignInAt: null });
    // Valid for days, not hours.
    expect(new Date(account.invitationExpiresAt).getTime() - Date.now()).toBeGreaterThan(6.9 * DAY_MS);

    // The page shows whose link it is, without signing in.
    expect((await api.anonymous(PREVIEW, { token: link.token })).data!.accountInvitation).toMatchObject({
      firstName: 'Eve',
      email: 'eve.invited@example.se',
    });
    const short = await api.anonymous(ACCEPT, { input: { token: link.token, password: 'kort' } });
    expect(short.data!.accountInvitationAccept.errors).toEqual([expect.objectContaining({ field: 'password', code: 'INVALID' })]);
    const accepted = await api.anonymous(ACCEPT, { input: { token: link.token, password: 'ett-eget-lösenord' } });
    expect(accepted.data!.accountInvitationAccept).toEqual({ ok: true, errors: [] });

    const own = await api.signIn('eve.invited@example.se', 'ett-eget-lösenord');
    expect((await own(`{ me { id } }`)).data!.me.id).toBe(person.id);
    const active = (await api.graphql(PERSON_ACCOUNT, { id: person.id })).data!.person.account;
    expect(active).toMatchObject({ state: 'ACTIVE', invitationExpiresAt: null, deactivatedAt: null });
    expect(active.activatedAt).not.toBeNull();
    expect(active.lastSignInAt).not.toBeNull();

    // Single use: the link is refused the second time, and shows nothing any more.
    const again = await api.anonymous(ACCEPT, { input: { token: link.token, password: 'ett-annat-lösenord' } });
    expect(again.data!.accountInvitationAccept.errors).toEqual([expect.objectContaining({ field: 'token', code: 'INVALID_TOKEN' })]);
    expect((await api.anonymous(PREVIEW, { token: link.token })).data!.accountInvitation).toBeNull();
    expect(await auditCount(person.id, 'accountInvite')).toBe(1);
    expect(await auditCount(person.id, 'accountActivate')).toBe(1);
    // The token is a credential: it is not in the trail.
    const trail = await api.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from audit_entry where changes::text like ?`, [`%${link.token}%`]);
    expect(trail[0]!.n).toBe(0);
  });

  it('writes in Swedish by default, and a second invitation replaces the first link', async () => {
    const person = await createPerson(api, organisationId);
    expect((await api.graphql(INVITE, { input: { personId: person.id } })).data!.accountInvite.errors).toEqual([]);
    const first = await invitationLink(person.email);
    expect(first.subject).toBe('Du är inbjuden till Evikomp');
    expect(first.text).toContain('Test Administratör har bjudit in dig att logga in i Evikomp.');
    expect((await api.graphql(INVITE, { input: { personId: person.id } })).data!.accountInvite.errors).toEqual([]);
    const second = await invitationLink(person.email);
    expect(second.token).not.toBe(first.token);
    const old = await api.anonymous(ACCEPT, { input: { token: first.token, password: 'ett-eget-lösenord' } });
    expect(old.data!.accountInvitationAccept.errors).toEqual([expect.objectContaining({ code: 'INVALID_TOKEN' })]);
    const accepted = await api.anonymous(ACCEPT, { input: { token: second.token, password: 'ett-eget-lösenord' } });
    expect(accepted.data!.accountInvitationAccept.ok).toBe(true);
    // Now they have an account: no more invitations.
    expect((await api.graphql(INVITE, { input: { personId: person.id } })).data!.accountInvite.errors).toEqual([
      expect.objectContaining({ field: 'personId', code: 'CONFLICT' }),
    ]);
  });

  it('refuses an expired link', async () => {
    const person = await createPerson(api, organisationId);
    await api.graphql(INVITE, { input: { personId: person.id } });
    const link = await invitationLink(person.email);
    await api.orm.em
      .getConnection()
      .execute(
        `update account_invitation set created_at = now() - interval '8 days', expires_at = now() - interval '1 day' where person_id = ?`,
        [rowId(person.id)],
      );
    expect((await api.anonymous(PREVIEW, { token: link.token })).data!.accountInvitation).toBeNull();
    const late = await api.anonymous(ACCEPT, { input: { token: link.token, password: 'ett-eget-lösenord' } });
    expect(late.data!.accountInvitationAccept.errors).toEqual([expect.objectContaining({ field: 'token', code: 'INVALID_TOKEN' })]);
    expect((await api.graphql(PERSON_ACCOUNT, { id: person.id })).data!.person.account.state).toBe('NONE');
  });

  it('invites with a role in the same step', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const person = await createPerson(api, organisationId);
    await assignRole(api, { personId: person.id, role: 'MANAGER', workplaceId: workplace.id, invite: true });
    await invitationLink(person.email);
    expect((await api.graphql(PERSON_ACCOUNT, { id: person.id })).data!.person.account.state).toBe('INVITED');
    expect(await auditCount(person.id, 'accountInvite')).toBe(1);
  });
});

describe('who may invite', () => {
  let admin: GraphQLClient;
  beforeAll(async () => {
    admin = (await signedInPerson(api, organisationId, { role: 'ORGANISATION_ADMIN', organisationId })).client;
  });

  it("lets an organisation admin invite their organisation's people, also with personCreate", async () => {
    const person = await createPerson(api, organisationId);
    expect((await admin(INVITE, { input: { personId: person.id } })).data!.accountInvite.errors).toEqual([]);
    const created = await admin(PERSON_CREATE, {
      input: { firstName: 'Ny', lastName: 'Person', email: 'ny.person.admin@example.se', homeOrganisationId: organisationId, invite: true },
    });
    expect(created.data!.personCreate.person.account.state).toBe('INVITED');
  });

  it('refuses an organisation admin anyone outside their organisation, or holding (now or later) a role they could not give; nothing is written', async () => {
    const outside = await createPerson(api, otherOrganisationId);
    // Visible to the admin (a role in their organisation), but works for another one.
    const visitor = await createPerson(api, otherOrganisationId);
    await assignRole(api, { personId: visitor.id, role: 'MANAGER', workplaceId: (await createWorkplace(api, organisationId)).id });
    const futureAdministrator = await createPerson(api, organisationId);
    await assignRole(api, { personId: futureAdministrator.id, role: 'ADMINISTRATOR', startsOn: '2099-01-01' });
    const elsewhere = await createPerson(api, organisationId);
    await assignRole(api, {
      personId: elsewhere.id,
      role: 'ORGANISATION_ADMIN',
      organisationId: otherOrganisationId,
      startsOn: '2099-01-01',
    });

    const before = await snapshot(api);
    expect((await admin(INVITE, { input: { personId: outside.id } })).data!.accountInvite.errors).toEqual([
      expect.objectContaining({ field: 'personId', code: 'NOT_FOUND' }),
    ]);
    for (const person of [visitor, futureAdministrator, elsewhere]) {
      expect((await admin(INVITE, { input: { personId: person.id } })).data!.accountInvite.errors).toEqual([
        expect.objectContaining({ field: 'personId', code: 'FORBIDDEN' }),
      ]);
    }
    const created = await admin(PERSON_CREATE, {
      input: {
        firstName: 'Annan',
        lastName: 'Kommun',
        email: 'annan.kommun@example.se',
        homeOrganisationId: otherOrganisationId,
        invite: true,
      },
    });
    expect(created.data!.personCreate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    // Re-addressing someone outside the organisation is refused as well.
    const readdress = await admin(`mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: visitor.id, email: 'kapad@example.se' },
    });
    expect(readdress.data!.personUpdate.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
    expect(await snapshot(api)).toBe(before);
  });

  it('refuses people without an administrator role', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const manager = await signedInPerson(api, organisationId, { role: 'MANAGER', workplaceId: workplace.id });
    const colleague = await createPerson(api, organisationId);
    await assignRole(api, { personId: colleague.id, role: 'WORKPLACE_COORDINATOR', workplaceId: workplace.id });
    expect((await manager.client(INVITE, { input: { personId: colleague.id } })).data!.accountInvite.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
  });
});

describe('inviting many at once', () => {
  it('reports for each person: invited, already had an account, no e-mail address, not allowed', async () => {
    const fresh = await createPerson(api, organisationId);
    const withAccount = await createPerson(api, organisationId);
    await api.createAccount(withAccount.id);
    const erased = await createPerson(api, organisationId);
    await api.graphql(`mutation($input: PersonEraseInput!) { personErase(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: erased.id, confirm: true },
    });
    const outside = await createPerson(api, otherOrganisationId);
    const admin = (await signedInPerson(api, organisationId, { role: 'ORGANISATION_ADMIN', organisationId })).client;

    const response = await admin(INVITE_MANY, { input: { personIds: [fresh.id, withAccount.id, erased.id, outside.id] } });
    const payload = response.data!.accountInviteMany;
    expect(payload.errors).toEqual([]);
    expect(payload.invitedCount).toBe(1);
    expect(payload.results).toEqual([
      { personId: fresh.id, person: { id: fresh.id }, outcome: 'INVITED', expiresAt: expect.any(String) },
      { personId: withAccount.id, person: { id: withAccount.id }, outcome: 'ALREADY_HAS_ACCOUNT', expiresAt: null },
      { personId: erased.id, person: { id: erased.id }, outcome: 'NO_EMAIL_ADDRESS', expiresAt: null },
      { personId: outside.id, person: null, outcome: 'NOT_ALLOWED', expiresAt: null },
    ]);
    await invitationLink(fresh.email);
    expect(smtp.messages).toHaveLength(1);
    expect(await auditCount(fresh.id, 'accountInvite')).toBe(1);
  });

  it("invites a workplace's people, or an organisation's managers", async () => {
    const organisation = (await createOrganisation(api)).id;
    const [first, second] = [await createWorkplace(api, organisation), await createWorkplace(api, organisation)];
    const managers = [await createPerson(api, organisation), await createPerson(api, organisation)];
    await assignRole(api, { personId: managers[0]!.id, role: 'MANAGER', workplaceId: first.id });
    await assignRole(api, { personId: managers[1]!.id, role: 'MANAGER', workplaceId: second.id });
    const coordinator = await createPerson(api, organisation);
    await assignRole(api, { personId: coordinator.id, role: 'WORKPLACE_COORDINATOR', workplaceId: first.id });

    const atWorkplace = await api.graphql(INVITE_MANY, { input: { workplaceId: first.id } });
    expect(atWorkplace.data!.accountInviteMany.results.map((result: { personId: string }) => result.personId).sort()).toEqual(
      [managers[0]!.id, coordinator.id].sort(),
    );
    const allManagers = await api.graphql(INVITE_MANY, { input: { organisationId: organisation, role: 'MANAGER' } });
    expect(allManagers.data!.accountInviteMany.results.map((result: { personId: string }) => result.personId).sort()).toEqual(
      managers.map((manager) => manager.id).sort(),
    );
    expect(allManagers.data!.accountInviteMany.invitedCount).toBe(2);
  });

  it('reports without inviting anyone on a dry run, so the portal can say how many before asking', async () => {
    const organisation = (await createOrganisation(api)).id;
    const fresh = [await createPerson(api, organisation), await createPerson(api, organisation)];
    const withAccount = await createPerson(api, organisation);
    await api.createAccount(withAccount.id);
    smtp.messages.length = 0;
    const before = await snapshot(api);

    const dry = await api.graphql(INVITE_MANY, { input: { organisationId: organisation, dryRun: true } });
    expect(dry.data!.accountInviteMany.errors).toEqual([]);
    expect(dry.data!.accountInviteMany.invitedCount).toBe(2);
    expect(
      dry.data!.accountInviteMany.results.map((result: { outcome: string; expiresAt: string | null }) => [
        result.outcome,
        result.expiresAt,
      ]),
    ).toEqual(
      expect.arrayContaining([
        ['INVITED', null],
        ['INVITED', null],
        ['ALREADY_HAS_ACCOUNT', null],
      ]),
    );
    expect(await snapshot(api)).toBe(before);
    await api.notifications.deliverDue();
    expect(smtp.messages).toHaveLength(0);
    expect(await auditCount(fresh[0]!.id, 'accountInvite')).toBe(0);

    const real = await api.graphql(INVITE_MANY, { input: { organisationId: organisation } });
    expect(real.data!.accountInviteMany.invitedCount).toBe(2);
  });

  it('asks for exactly one selection', async () => {
    const both = await api.graphql(INVITE_MANY, { input: { personIds: [], workplaceId: (await createWorkplace(api, organisationId)).id } });
    expect(both.data!.accountInviteMany.errors).toEqual([expect.objectContaining({ code: 'INVALID' })]);
    expect((await api.graphql(INVITE_MANY, { input: {} })).data!.accountInviteMany.errors).toEqual([
      expect.objectContaining({ code: 'INVALID' }),
    ]);
  });
});

describe("who sees a person's account", () => {
  it('is who sees their contact details', async () => {
    const workplace = await createWorkplace(api, organisationId);
    const manager = await signedInPerson(api, organisationId, { role: 'MANAGER', workplaceId: workplace.id });
    const coordinator = await signedInPerson(api, organisationId, { role: 'WORKPLACE_COORDINATOR', workplaceId: workplace.id });
    const read = `query($id: ID!) { person(id: $id) { email account { state } } }`;
    expect((await manager.client(read, { id: coordinator.id })).data!.person).toEqual({
      email: coordinator.email,
      account: { state: 'ACTIVE' },
    });
    expect((await coordinator.client(read, { id: manager.id })).data!.person).toEqual({ email: null, account: null });
    expect((await coordinator.client(read, { id: coordinator.id })).data!.person.account).toEqual({ state: 'ACTIVE' });
  });

  it('is read in one statement per level for a list of people', async () => {
    const list = `{ people(first: 50) { edges { node { account { state manageable lockedUntil } } } } }`;
    const few = await api.graphql(list);
    for (let n = 0; n < 5; n += 1) await createPerson(api, organisationId);
    const more = await api.graphql(list);
    expect(more.sqlStatements).toBe(few.sqlStatements);
  });
});
