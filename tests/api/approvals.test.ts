import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, signedInPerson, USER_ERRORS } from '../support/factories.js';
import { createCohort as createCohortOf, createProgramme } from '../support/training-factories.js';

const REGISTER = `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id status waitlistPosition } ${USER_ERRORS} } }`;
const APPROVE = `mutation($id: ID!) { registrationApprove(input: { id: $id }) { registration { id status waitlistPosition } ${USER_ERRORS} } }`;
const REJECT = `mutation($id: ID!, $reason: String!) { registrationReject(input: { id: $id, reason: $reason }) { registration { id status rejectionReason } ${USER_ERRORS} } }`;
const AWAITING = `query($first: Int, $after: String) { registrationsAwaitingApproval(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id status person { id } } } } }`;

type Registered = { id: string; status: string; waitlistPosition: number | null };

let api: TestApi;
let programmeId: string;
const ids = {} as Record<string, string>;
const as = {} as Record<'linkopingAdmin' | 'linkopingAdmin2' | 'motalaAdmin' | 'motalaManager', GraphQLClient>;

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => api.orm.em.getConnection().execute<T[]>(query, params);

/** A person of the organisation with an account, signed in. */
const signedIn = (organisationId: string, role?: Record<string, unknown>) => signedInPerson(api, organisationId, role);

beforeAll(async () => {
  api = await startTestApi();
  ids.linkoping = (await createOrganisation(api, { name: 'Linköpings kommun' })).id;
  ids.motala = (await createOrganisation(api, { name: 'Motala kommun' })).id;
  const admin1 = await signedIn(ids.linkoping, { role: 'ORGANISATION_ADMIN', organisationId: ids.linkoping });
  const admin2 = await signedIn(ids.linkoping, { role: 'ORGANISATION_ADMIN', organisationId: ids.linkoping });
  const motalaAdmin = await signedIn(ids.motala, { role: 'ORGANISATION_ADMIN', organisationId: ids.motala });
  const motalaWorkplace = await createWorkplace(api, ids.motala, { joinedOn: '2020-01-01' });
  const motalaManager = await signedIn(ids.motala, { role: 'MANAGER', workplaceId: motalaWorkplace.id });
  // A former organisation admin of Linköping: no longer an approver.
  const former = await createPerson(api, ids.linkoping);
  const formerRole = await assignRole(api, {
    personId: former.id,
    role: 'ORGANISATION_ADMIN',
    organisationId: ids.linkoping,
    startsOn: '2020-01-01',
  });
  await api.graphql(`mutation($id: ID!) { roleAssignmentEnd(input: { id: $id, endsOn: "2021-01-01" }) { ${USER_ERRORS} } }`, {
    id: formerRole.id,
  });
  Object.assign(ids, { admin1: admin1.id, admin2: admin2.id, motalaAdmin: motalaAdmin.id, former: former.id });
  Object.assign(as, {
    linkopingAdmin: admin1.client,
    linkopingAdmin2: admin2.client,
    motalaAdmin: motalaAdmin.client,
    motalaManager: motalaManager.client,
  });
  programmeId = await createProgramme(api);
});
afterAll(() => api?.stop());

/** An open cohort that needs approval, one place unless given. */
const createCohort = (input: Record<string, unknown> = {}) =>
  createCohortOf(api, programmeId, { capacity: 1, requiresApproval: true, ...input });

/** A Linköping person registering themselves: their registration waits for approval. */
async function pendingRegistration(
  cohortId: string,
  organisationId = ids.linkoping!,
): Promise<{ personId: string; client: GraphQLClient; registration: Registered }> {
  const { id, client } = await signedIn(organisationId);
  const response = await client(REGISTER, { input: { cohortId } });
  expect(response.data!.cohortRegister.errors).toEqual([]);
  return { personId: id, client, registration: response.data!.cohortRegister.registration };
}

async function counts(cohortId: string) {
  return (await api.graphql(`query($id: ID!) { cohort(id: $id) { confirmedCount offeredCount waitlistCount } }`, { id: cohortId })).data!
    .cohort;
}

const outboxOf = (personId: string) =>
  sql<{ kind: string; body: string }>(`select kind, body from notification where person_id = ? order by created_at, id`, [rowId(personId)]);

describe('registrations that need approval', () => {
  it('waits without a place, then takes a place when approved, or the end of the queue when the cohort is full', async () => {
    const cohortId = await createCohort({ capacity: 1 });
    const first = await pendingRegistration(cohortId);
    const second = await pendingRegistration(cohortId);
    expect(first.registration).toMatchObject({ status: 'PENDING_APPROVAL', waitlistPosition: null });
    expect(await counts(cohortId)).toEqual({ confirmedCount: 0, offeredCount: 0, waitlistCount: 0 });

    const approved = await as.linkopingAdmin(APPROVE, { id: first.registration.id });
    expect(approved.data!.registrationApprove).toEqual({
      registration: { id: first.registration.id, status: 'CONFIRMED', waitlistPosition: null },
      errors: [],
    });
    const queued = await as.linkopingAdmin2(APPROVE, { id: second.registration.id });
    expect(queued.data!.registrationApprove.registration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1 });
    expect(await counts(cohortId)).toEqual({ confirmedCount: 1, offeredCount: 0, waitlistCount: 1 });

    // The person is told it was received, then hears the outcome through the queue's usual messages.
    expect((await outboxOf(first.personId)).map((row) => row.kind)).toEqual(['REGISTRATION_AWAITING_APPROVAL', 'REGISTRATION_CONFIRMED']);
    expect((await outboxOf(second.personId)).map((row) => row.kind)).toEqual(['REGISTRATION_AWAITING_APPROVAL', 'REGISTRATION_WAITLISTED']);
    // Only a pending registration can be approved; each decision is one audit entry.
    expect((await as.linkopingAdmin(APPROVE, { id: first.registration.id })).data!.registrationApprove.errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'CONFLICT' }),
    ]);
    const audited = await sql<{ operation: string; count: number }>(
      `select operation, count(*)::int as count from audit_entry where entity_id in (?, ?) and operation like 'registration%' group by operation`,
      [rowId(first.registration.id), rowId(second.registration.id)],
    );
    expect(audited).toEqual([{ operation: 'registrationApprove', count: 2 }]);
  });

  it('goes straight through when an administrator or an organisation admin of the person registers them', async () => {
    const cohortId = await createCohort({ capacity: 5 });
    const byAdministrator = await api.graphql(REGISTER, { input: { cohortId, personId: (await createPerson(api, ids.linkoping!)).id } });
    expect(byAdministrator.data!.cohortRegister.registration.status).toBe('CONFIRMED');
    const byOrganisationAdmin = await as.linkopingAdmin(REGISTER, {
      input: { cohortId, personId: (await createPerson(api, ids.linkoping!)).id },
    });
    expect(byOrganisationAdmin.data!.cohortRegister.registration.status).toBe('CONFIRMED');
    // An organisation admin registering themselves is their own organisation's admin too.
    expect((await as.linkopingAdmin(REGISTER, { input: { cohortId } })).data!.cohortRegister.registration.status).toBe('CONFIRMED');
  });

  it('tells each current organisation admin of the person once, acknowledges it to the person, and tells nobody else', async () => {
    const cohortId = await createCohort();
    const before = await sql<{ count: number }>(`select count(*)::int as count from notification`);
    const { personId, registration } = await pendingRegistration(cohortId);
    const rows = await sql<{ kind: string; person_id: string; subject: string }>(
      `select kind, person_id, subject from notification order by created_at, id offset ?`,
      [before[0]!.count],
    );
    expect(rows.map((row) => [row.kind, row.person_id]).sort()).toEqual(
      [
        ['APPROVAL_REQUESTED', rowId(ids.admin1!)],
        ['APPROVAL_REQUESTED', rowId(ids.admin2!)],
        ['REGISTRATION_AWAITING_APPROVAL', rowId(personId)],
      ].sort(),
    );
    expect(rows.filter((row) => row.kind === 'APPROVAL_REQUESTED').every((row) => row.subject.includes('väntar på ditt godkännande'))).toBe(
      true,
    );
    expect((await outboxOf(personId)).map((row) => row.kind)).toEqual(['REGISTRATION_AWAITING_APPROVAL']);
    expect(await outboxOf(ids.former!)).toEqual([]);
    expect(await outboxOf(ids.motalaAdmin!)).toEqual([]);
    expect(registration.status).toBe('PENDING_APPROVAL');
  });

  it("tells the administrators when the person's organisation has no admin", async () => {
    const cohortId = await createCohort();
    const lonely = (await createOrganisation(api, { name: 'Ydre kommun' })).id;
    const before = await sql<{ count: number }>(`select count(*)::int as count from notification`);
    const { registration } = await pendingRegistration(cohortId, lonely);
    const rows = await sql<{ kind: string; person_id: string }>(
      `select kind, person_id from notification order by created_at, id offset ?`,
      [before[0]!.count],
    );
    const administrator = rowId(api.administrator!.personId);
    expect(rows.filter((row) => row.kind === 'APPROVAL_REQUESTED').map((row) => row.person_id)).toEqual([administrator]);
    // Decided, so later cases count only their own pending registrations.
    expect(
      (await api.graphql(REJECT, { id: registration.id, reason: 'Omgången är för chefer i länet.' })).data!.registrationReject.errors,
    ).toEqual([]);
  });

  it('refuses a second registration while one is pending', async () => {
    const cohortId = await createCohort();
    const { client } = await pendingRegistration(cohortId);
    const again = await client(REGISTER, { input: { cohortId } });
    expect(again.data!.cohortRegister.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'personId' })]);
  });

  it('rejects with a reason the person is told; they may register again', async () => {
    const cohortId = await createCohort();
    const { personId, client, registration } = await pendingRegistration(cohortId);
    const blank = await as.linkopingAdmin(REJECT, { id: registration.id, reason: '   ' });
    expect(blank.data!.registrationReject.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'INVALID' })]);
    const long = await as.linkopingAdmin(REJECT, { id: registration.id, reason: 'x'.repeat(501) });
    expect(long.data!.registrationReject.errors).toEqual([expect.objectContaining({ field: 'reason', code: 'INVALID' })]);

    const reason = 'Omgången är avsedd för chefer; anmäl dig till nästa omgång för samordnare.';
    const rejected = await as.linkopingAdmin(REJECT, { id: registration.id, reason });
    expect(rejected.data!.registrationReject).toEqual({
      registration: { id: registration.id, status: 'REJECTED', rejectionReason: reason },
      errors: [],
    });
    const messages = await outboxOf(personId);
    expect(messages.map((row) => row.kind)).toEqual(['REGISTRATION_AWAITING_APPROVAL', 'REGISTRATION_REJECTED']);
    expect(messages[1]!.body).toContain(`Orsak: ${reason}`);
    // Rejected is decided: neither approved nor rejected again.
    expect((await as.linkopingAdmin(APPROVE, { id: registration.id })).data!.registrationApprove.errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT' }),
    ]);

    const again = await client(REGISTER, { input: { cohortId } });
    expect(again.data!.cohortRegister).toMatchObject({ registration: { status: 'PENDING_APPROVAL' }, errors: [] });
  });

  it('lets the registrant cancel while pending, which frees nothing', async () => {
    const cohortId = await createCohort();
    const { client, registration } = await pendingRegistration(cohortId);
    const cancelled = await client(
      `mutation($id: ID!) { registrationCancel(input: { id: $id }) { registration { status } ${USER_ERRORS} } }`,
      { id: registration.id },
    );
    expect(cancelled.data!.registrationCancel).toEqual({ registration: { status: 'CANCELLED' }, errors: [] });
    expect(await counts(cohortId)).toEqual({ confirmedCount: 0, offeredCount: 0, waitlistCount: 0 });
  });

  it('refuses approvers of other organisations, managers and the registrant, and a refused decision changes nothing', async () => {
    const cohortId = await createCohort();
    const { client, registration } = await pendingRegistration(cohortId);
    const state = () =>
      sql(
        `select (select json_agg(r order by r.id) from registration r) as registrations,
                (select count(*) from notification) as notifications,
                (select count(*) from audit_entry) as audit,
                (select json_agg(o order by o.id) from offering o) as offerings`,
      );
    const before = JSON.stringify(await state());
    // Another organisation's admin and manager do not see the person: as if it did not exist.
    expect((await as.motalaAdmin(APPROVE, { id: registration.id })).data!.registrationApprove.errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'NOT_FOUND' }),
    ]);
    expect((await as.motalaManager(APPROVE, { id: registration.id })).data!.registrationApprove.errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'NOT_FOUND' }),
    ]);
    expect((await as.motalaAdmin(REJECT, { id: registration.id, reason: 'Nej' })).data!.registrationReject.errors).toEqual([
      expect.objectContaining({ code: 'NOT_FOUND' }),
    ]);
    // The registrant sees their registration but may not decide on it.
    expect((await client(APPROVE, { id: registration.id })).data!.registrationApprove.errors).toEqual([
      expect.objectContaining({ field: 'id', code: 'FORBIDDEN' }),
    ]);
    expect((await client(REJECT, { id: registration.id, reason: 'Nej' })).data!.registrationReject.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
    expect(JSON.stringify(await state())).toBe(before);
  });

  it('lists the registrations awaiting the caller, oldest first, page by page', async () => {
    const cohortId = await createCohort({ capacity: 10 });
    const linkoping = [await pendingRegistration(cohortId), await pendingRegistration(cohortId), await pendingRegistration(cohortId)];
    const motala = await pendingRegistration(cohortId, ids.motala);
    // Decided ones leave the list.
    await as.linkopingAdmin(APPROVE, { id: linkoping[0]!.registration.id });

    const all = async (client: GraphQLClient) => (await client(AWAITING, { first: 100 })).data!.registrationsAwaitingApproval;
    const ownIds = (await all(as.linkopingAdmin)).edges.map((edge: { node: { id: string } }) => edge.node.id);
    const pendingOfThisCohort = [linkoping[1]!.registration.id, linkoping[2]!.registration.id];
    expect(ownIds.filter((id: string) => pendingOfThisCohort.includes(id))).toEqual(pendingOfThisCohort);
    expect(ownIds).not.toContain(motala.registration.id);
    expect((await all(as.motalaAdmin)).edges.map((edge: { node: { id: string } }) => edge.node.id)).toContain(motala.registration.id);
    expect((await all(as.motalaManager)).totalCount).toBe(0);
    expect((await all(linkoping[1]!.client)).totalCount).toBe(0);
    const everything = await all(api.graphql);
    expect(everything.totalCount).toBe((await all(as.linkopingAdmin)).totalCount + (await all(as.motalaAdmin)).totalCount);

    // Paging: one at a time, in order, with no repeats.
    const paged: string[] = [];
    let after: string | null = null;
    do {
      const page: { edges: { node: { id: string } }[]; pageInfo: { hasNextPage: boolean; endCursor: string } } = (
        await as.linkopingAdmin(AWAITING, { first: 1, after })
      ).data!.registrationsAwaitingApproval;
      paged.push(...page.edges.map((edge) => edge.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(paged).toEqual(ownIds);
  });
});
