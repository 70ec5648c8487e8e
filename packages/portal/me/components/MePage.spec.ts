import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import {
  MePageDocument,
  MyEndedRegistrationsDocument,
  MyLearningHoursDocument,
  NetworkListDocument,
  RegistrableCohortsDocument,
  RegistrableEventsDocument,
} from '../gql/graphql.js';
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

const rejected = {
  __typename: 'Registration',
  id: 'UmVnOjI',
  status: 'REJECTED',
  waitlistPosition: null,
  offerExpiresAt: null,
  rejectionReason: 'Platserna är vikta för nya chefer.',
  registeredAt: '2026-11-01T10:00:00Z',
  offering: {
    __typename: 'Cohort',
    id: 'Q29ob3J0OjI',
    status: 'OPEN',
    name: 'Omgång 4',
    programme: { __typename: 'Programme', id: 'UHJvZzox', name: 'Ledarutbildning' },
    sessions: [],
  },
};

const lists = (ended: object[] = []): MockedResponse[] => [
  {
    request: { query: MyEndedRegistrationsDocument, variables: { first: 10, after: null } },
    result: {
      data: {
        me: {
          __typename: 'Person',
          id: ME,
          endedRegistrations: {
            ...emptyPage('RegistrationConnection'),
            totalCount: ended.length,
            edges: ended.map((node) => ({ __typename: 'RegistrationEdge', node })),
          },
        },
      },
    },
  },
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
  { request: { query: MyLearningHoursDocument, variables: { personId: ME } }, result: { data: { learningHours: [] } } },
];

const routes = [
  { path: '/me', name: 'me-home', component: MePage },
  { path: '/me/registrations/:registrationId', name: 'me-registration', component: { render: () => null } },
];

describe('the me page', () => {
  it('shows the waitlist place, then asks the API again when the tab becomes visible and shows the place confirmed', async () => {
    const { wrapper, unexpected } = await mountInPortal(MePage, {
      routes,
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

  it('shows the ended registrations with the reason a registration was not approved, and links each registration to its page', async () => {
    const { wrapper, unexpected } = await mountInPortal(MePage, {
      routes,
      at: '/me',
      mocks: [me({ status: 'CONFIRMED', waitlistPosition: null }), ...lists([rejected])],
    });
    const ended = () => wrapper.find('section[aria-labelledby="me-ended"]');
    await expect.poll(() => ended().find('tbody tr').exists()).toBe(true);
    expect(ended().find('h2').text()).toBe('Avslutade anmälningar');
    expect(ended().find('tbody tr').text()).toContain('Ledarutbildning: Omgång 4');
    expect(ended().find('[data-test="registration-state"]').text()).toBe('inte godkänd: Platserna är vikta för nya chefer.');
    expect(ended().find('[data-test="ended-registration"]').attributes('href')).toBe('/me/registrations/UmVnOjI');
    expect(wrapper.find('[data-test="registration-link"]').attributes('href')).toBe('/me/registrations/UmVnOjE');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
