import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { ActionPlanDocument, ActionPlanTracksDocument } from '../gql/graphql.js';
import ActionPlanPage from './ActionPlanPage.vue';

const stub = { render: () => null };
const routes = [
  { path: '/operations/action-plans/:id', name: 'operations-action-plan', component: ActionPlanPage },
  ...['cost-shares', 'agreements', 'staff-import', 'catalogue', 'dashboard', 'action-plans', 'learning-sessions'].map((name) => ({
    path: `/operations/${name}`,
    name: `operations-${name}`,
    component: stub,
  })),
  { path: '/operations/learning-sessions/closed-months', name: 'operations-learning-month-closes', component: stub },
];

const plan: MockedResponse = {
  request: { query: ActionPlanDocument, variables: { id: 'plan-1' } },
  result: {
    data: {
      me: {
        __typename: 'Person',
        id: 'p-manager',
        roles: [{ __typename: 'RoleAssignment', id: 'ra-1', role: 'MANAGER', workplace: { __typename: 'Workplace', id: 'wp-1' } }],
      },
      node: {
        __typename: 'ActionPlan',
        id: 'plan-1',
        periodStartsOn: '2027-01-01',
        periodEndsOn: '2027-06-30',
        status: 'DRAFT',
        editable: true,
        validationCount: null,
        plannedSessionCount: null,
        teacherSupport: false,
        interpreterSupport: false,
        roomNeeded: false,
        needsNote: '',
        workplace: { __typename: 'Workplace', id: 'wp-1', name: 'Hemtjänst Rimforsa' },
        tracks: [],
        plannedSessions: [],
        proposedSchedule: [],
        steps: [],
      },
    },
  },
};
function tracks(after: string | null, titles: string[], endCursor: string | null): MockedResponse {
  return {
    request: { query: ActionPlanTracksDocument, variables: after ? { after } : {} },
    result: {
      data: {
        learningTracks: {
          __typename: 'LearningTrackConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
          edges: titles.map((title) => ({
            __typename: 'LearningTrackEdge',
            node: { __typename: 'LearningTrack', id: `lt-${title}`, title },
          })),
        },
      },
    },
  };
}

describe('an action plan', () => {
  it("offers the manager every published track of the catalogue, past the API's first page", async () => {
    const { wrapper, unexpected } = await mountInPortal(ActionPlanPage, {
      routes,
      at: '/operations/action-plans/plan-1',
      mocks: [plan, tracks(null, ['Demens', 'Hygien'], 'c-1'), tracks('c-1', ['Lågaffektivt bemötande'], null)],
    });
    await expect.poll(() => wrapper.findAll('input[name="tracks"]').length).toBe(3);
    expect(wrapper.find('[data-test="plan-form"]').text()).toContain('Lågaffektivt bemötande');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
