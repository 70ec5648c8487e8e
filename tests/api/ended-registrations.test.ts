import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, signedInManager, USER_ERRORS } from '../support/factories.js';
import { createCohort, createProgramme, registerForCohort } from '../support/training-factories.js';

const CANCEL = `mutation($id: ID!) { registrationCancel(input: { id: $id }) { registration { status } ${USER_ERRORS} } }`;
const REJECT = `mutation($input: RegistrationRejectInput!) { registrationReject(input: $input) { registration { status } ${USER_ERRORS} } }`;
const ENDED = `query($first: Int, $after: String) { me { registrations { id } endedRegistrations(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } edges { node { id status rejectionReason cohort { name } } } } } }`;

let api: TestApi;
let organisationId: string;
let programmeId: string;

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api, { name: 'Ledarskap för nya chefer' });
});
afterAll(async () => {
  await api?.stop();
});

const sql = (query: string, params: unknown[] = []) => api.orm.em.getConnection().execute(query, params);

describe("a person's ended registrations", () => {
  it('lists the cancelled, rejected (with the reason) and lapsed ones, the most recently ended first, paged; the open ones stay in `registrations`', async () => {
    const manager = await signedInManager(api, organisationId);
    const cancelled = await registerForCohort(manager.client, await createCohort(api, programmeId, { name: 'Avbokad omgång' }));
    expect((await manager.client(CANCEL, { id: cancelled.id })).data!.registrationCancel.errors).toEqual([]);

    const approval = await createCohort(api, programmeId, { name: 'Omgång med godkännande', requiresApproval: true });
    const rejected = await registerForCohort(manager.client, approval);
    expect(rejected.status).toBe('PENDING_APPROVAL');
    const reason = 'Platserna är vikta för nya chefer i höst.';
    expect((await api.graphql(REJECT, { input: { id: rejected.id, reason } })).data!.registrationReject.errors).toEqual([]);

    const lapsed = await registerForCohort(manager.client, await createCohort(api, programmeId, { name: 'Förfallen omgång' }));
    await sql(`update registration set status = 'LAPSED' where id = ?`, [rowId(lapsed.id)]);
    const open = await registerForCohort(manager.client, await createCohort(api, programmeId, { name: 'Pågående omgång' }));

    // When each ended: the lapsed one last, then the rejected one, the cancelled one first.
    await sql(`update registration set updated_at = now() - interval '3 days' where id = ?`, [rowId(cancelled.id)]);
    await sql(`update registration set updated_at = now() - interval '2 days' where id = ?`, [rowId(rejected.id)]);
    await sql(`update registration set updated_at = now() - interval '1 day' where id = ?`, [rowId(lapsed.id)]);

    const first = (await manager.client(ENDED, { first: 2 })).data!.me;
    expect(first.registrations.map((registration: { id: string }) => registration.id)).toEqual([open.id]);
    expect(first.endedRegistrations.totalCount).toBe(3);
    expect(first.endedRegistrations.pageInfo.hasNextPage).toBe(true);
    expect(first.endedRegistrations.edges.map((edge: { node: unknown }) => edge.node)).toEqual([
      { id: lapsed.id, status: 'LAPSED', rejectionReason: null, cohort: { name: 'Förfallen omgång' } },
      { id: rejected.id, status: 'REJECTED', rejectionReason: reason, cohort: { name: 'Omgång med godkännande' } },
    ]);
    const second = (await manager.client(ENDED, { first: 2, after: first.endedRegistrations.pageInfo.endCursor })).data!.me;
    expect(
      second.endedRegistrations.edges.map((edge: { node: { id: string; status: string } }) => [edge.node.id, edge.node.status]),
    ).toEqual([[cancelled.id, 'CANCELLED']]);
    expect(second.endedRegistrations.pageInfo.hasNextPage).toBe(false);
  });

  it('shows no one else the ended registrations of a person they may not see, and does not grow in statements with the people listed', async () => {
    const manager = await signedInManager(api, organisationId);
    const cancelled = await registerForCohort(manager.client, await createCohort(api, programmeId));
    await manager.client(CANCEL, { id: cancelled.id });

    const stranger = await signedInManager(api, (await createOrganisation(api)).id);
    const seen = await stranger.client(`query($id: ID!) { node(id: $id) { ... on Registration { id status } } }`, { id: cancelled.id });
    expect(seen.data!.node).toBeNull();
    const own = await stranger.client(ENDED, { first: 10 });
    expect(own.data!.me.endedRegistrations).toMatchObject({ totalCount: 0, edges: [] });

    // The administrator lists people with their ended registrations: the same statements for more people.
    const query = `query($search: String) { people(first: 50, filter: { search: $search }) { edges { node { id
      endedRegistrations(first: 5) { totalCount edges { node { status cohort { name } } } } } } } }`;
    const few = await api.graphql(query, { search: 'Andersson' });
    for (let index = 0; index < 3; index += 1) {
      const person = await createPerson(api, organisationId);
      const registration = await registerForCohort(api.graphql, await createCohort(api, programmeId), person.id);
      await api.graphql(CANCEL, { id: registration.id });
    }
    const more = await api.graphql(query, { search: 'Andersson' });
    expect(more.data!.people.edges.length).toBeGreaterThan(few.data!.people.edges.length);
    expect(more.sqlStatements).toBe(few.sqlStatements);
  });
});
