import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { MePageDocument, NetworkListDocument, RegistrableCohortsDocument, RegistrableEventsDocument } from '../gql/graphql.js';
import MePage from './MePage.vue';

const ME = 'UGVyc29uOjE';
const emptyPage = (typename: string) => ({
  __typename: typename,
  totalCount: 0,
  pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
  edges: [],
});

function me(registration: { status: string; waitlistPosition: number | null }): MockedResponse {
  return {
    request: { query: MePageDocument },
    result: {
      data: {
        me: {
          __typename: 'Person',
          id: ME,
          name: 'Amira Henriksson',
          email: 'amira.henriksson@motala.se',
          phone: null,
          language: 'SV',
          homeOrganisation: { __typename: 'Organisation', id: 'T3JnOjE', name: 'Motala kommun' },
          roles: [],
          networks: [],
          calendarFeeds: [],
          registrations: [
            {
              __typename: 'Registration',
              id: 'UmVnOjE',
              offerExpiresAt: null,
              rejectionReason: null,
              registeredAt: '2026-11-30T10:00:00Z',
              ...registration,
              offering: {
                __typename: 'Cohort',
                id: 'Q29ob3J0OjE',
                status: 'OPEN',
                name: 'Omgång 3',
                programme: { __typename: 'Programme', id: 'UHJvZzox', name: 'Ledarutbildning' },
                sessions: [{ __typename: 'Session', id: 'U2VzczE', startsAt: '2027-09-01T07:00:00Z' }],
              },
            },
          ],
        },
      },
    },
  };
}

const lists = (): MockedResponse[] => [
  {
    request: { query: RegistrableCohortsDocument, variables: { personId: ME, first: 10, after: null } },
    result: { data: { cohorts: emptyPage('CohortConnection') } },
  },
  {
    request: { query: RegistrableEventsDocument, variables: { personId: ME, first: 10, after: null } },
    result: { data: { events: emptyPage('EventConnection') } },
  },
  {
    request: { query: NetworkListDocument, variables: { first: 10, after: null } },
    result: { data: { networks: emptyPage('NetworkConnection') } },
  },
];

describe('the me page', () => {
  it('shows the waitlist place, then asks the API again when the tab becomes visible and shows the place confirmed', async () => {
    const { wrapper, unexpected } = await mountInPortal(MePage, {
      routes: [{ path: '/me', component: MePage }],
      at: '/me',
      mocks: [
        me({ status: 'WAITLISTED', waitlistPosition: 2 }),
        ...lists(),
        me({ status: 'CONFIRMED', waitlistPosition: null }),
        ...lists(),
      ],
    });
    const state = () => wrapper.find('[data-test="registration-state"]');
    await expect.poll(() => state().exists()).toBe(true);
    expect(state().text()).toBe('på väntelistan, plats 2');
    expect(document.title).toBe('Mina sidor – Evikomp');
    await expect.poll(() => wrapper.text()).toContain('Inga utbildningsomgångar tar emot anmälningar just nu.');

    await new Promise((resolve) => setTimeout(resolve, 1100)); // one refresh a second at most
    document.dispatchEvent(new Event('visibilitychange'));
    await expect.poll(() => state().text()).toBe('bekräftad');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  }, 20_000);
});
