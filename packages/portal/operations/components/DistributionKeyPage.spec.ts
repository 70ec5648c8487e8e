import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { DistributionKeyDocument, DistributionKeyMembersDocument } from '../gql/graphql.js';
import DistributionKeyPage from './DistributionKeyPage.vue';

const stub = { render: () => null };
const routes = [
  { path: '/operations/cost-shares/key', name: 'operations-distribution-key', component: DistributionKeyPage },
  ...['cost-shares', 'agreements', 'staff-import', 'catalogue', 'dashboard', 'action-plans', 'learning-sessions'].map((name) => ({
    path: `/operations/${name}`,
    name: `operations-${name}`,
    component: stub,
  })),
  { path: '/operations/learning-sessions/closed-months', name: 'operations-learning-month-closes', component: stub },
];

const keyYear: MockedResponse = {
  request: { query: DistributionKeyDocument, variables: { year: 2026 } },
  result: {
    data: {
      costShareYear: { __typename: 'CostShareYear', id: 'csy-2026', year: 2026, keyKind: 'POPULATION', frozenAt: null, weights: [] },
    },
  },
};
function members(after: string | null, names: string[], endCursor: string | null): MockedResponse {
  return {
    request: { query: DistributionKeyMembersDocument, variables: after ? { after } : {} },
    result: {
      data: {
        organisations: {
          __typename: 'OrganisationConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
          edges: names.map((name, index) => ({
            __typename: 'OrganisationEdge',
            node: {
              __typename: 'Organisation',
              id: `org-${name}`,
              name,
              kind: 'MUNICIPALITY',
              organisationNumber: `212000-05${index}${after ? 1 : 0}`,
              populations: [{ __typename: 'OrganisationPopulation', year: 2026, population: 1000 + index }],
            },
          })),
        },
      },
    },
  };
}

describe("a year's distribution key", () => {
  it("lists every member with its figure, past the API's first page (the key is saved for all at once)", async () => {
    const { wrapper, unexpected } = await mountInPortal(DistributionKeyPage, {
      routes,
      at: '/operations/cost-shares/key?year=2026',
      mocks: [keyYear, members(null, ['Boxholms kommun', 'Kinda kommun'], 'c-1'), members('c-1', ['Ydre kommun'], null)],
    });
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(3);
    expect(wrapper.find('tbody').text()).toContain('Ydre kommun');
    expect((wrapper.find('[id="key-figure-org-Ydre kommun"]').element as HTMLInputElement).value).toBe('1000');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
