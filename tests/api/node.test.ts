import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace } from '../support/factories.js';

const NODE = `query($id: ID!) { node(id: $id) { __typename id
  ... on Organisation { name } ... on Workplace { name } ... on Person { name } ... on RoleAssignment { role } } }`;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

describe('global object identification', () => {
  it('refetches every kind of object by its global id', async () => {
    const organisation = await createOrganisation(api, { name: 'Vadstena kommun' });
    const workplace = await createWorkplace(api, organisation.id, { name: 'Hemtjänst Vadstena' });
    const person = await createPerson(api, organisation.id, { firstName: 'Maria', lastName: 'Holm' });
    const assignment = await assignRole(api, { personId: person.id, role: 'MANAGER', workplaceId: workplace.id });

    const expected = [
      [organisation.id, { __typename: 'Organisation', name: 'Vadstena kommun' }],
      [workplace.id, { __typename: 'Workplace', name: 'Hemtjänst Vadstena' }],
      [person.id, { __typename: 'Person', name: 'Maria Holm' }],
      [assignment.id, { __typename: 'RoleAssignment', role: 'MANAGER' }],
    ] as const;
    for (const [id, fields] of expected) {
      const response = await api.graphql(NODE, { id });
      expect(response.data!.node).toEqual({ id, ...fields });
    }
    const many = await api.graphql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: [person.id, 'bogus', organisation.id] });
    expect(many.data!.nodes).toEqual([{ id: person.id }, null, { id: organisation.id }]);
  });

  it('answers null for malformed, unknown and foreign ids', async () => {
    for (const id of ['', 'bogus', globalId('Person', 'not-a-uuid'), globalId('Person', '00000000-0000-4000-8000-000000000000')]) {
      const response = await api.graphql(NODE, { id });
      expect(response.errors).toBeUndefined();
      expect(response.data!.node).toBeNull();
    }
  });

  it('answers null when an id of one type is asked for as another', async () => {
    const organisation = await createOrganisation(api);
    const response = await api.graphql(`query($id: ID!) { workplace(id: $id) { id } person(id: $id) { id } }`, { id: organisation.id });
    expect(response.data).toEqual({ workplace: null, person: null });
  });
});
