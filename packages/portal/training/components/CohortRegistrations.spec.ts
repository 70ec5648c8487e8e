import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { CohortRegistrationsDocument } from '../gql/graphql.js';
import CohortRegistrations from './CohortRegistrations.vue';

const COHORT_ID = 'Q29ob3J0OjE';

function registration(id: string, name: string, completedOn: string | null) {
  return {
    __typename: 'RegistrationEdge',
    node: {
      __typename: 'Registration',
      id,
      status: 'CONFIRMED',
      waitlistPosition: null,
      registeredAt: '2026-08-20T08:15:00Z',
      offerExpiresAt: null,
      rejectionReason: null,
      completedOn,
      person: {
        __typename: 'Person',
        id: `P-${id}`,
        name,
        homeOrganisation: { __typename: 'Organisation', id: 'T3JnOjE', name: 'Motala kommun' },
      },
    },
  };
}

const registrations: MockedResponse = {
  request: { query: CohortRegistrationsDocument, variables: { id: COHORT_ID, first: 20, after: null, status: null } },
  result: {
    data: {
      cohort: {
        __typename: 'Cohort',
        id: COHORT_ID,
        registrations: {
          __typename: 'RegistrationConnection',
          totalCount: 2,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          edges: [registration('UmVnOjE', 'Karin Holm', '2026-10-14'), registration('UmVnOjI', 'Olle Berg', null)],
        },
      },
    },
  },
};

describe("a cohort's registrations", () => {
  it('shows each completion: the day the programme was completed, or that it is not', async () => {
    const { wrapper, unexpected } = await mountInPortal(CohortRegistrations, {
      props: { cohortId: COHORT_ID, programmeId: 'UHJvZzox', mode: 'registrations' },
      routes: [{ path: '/training/cohorts/:cohortId', component: CohortRegistrations }],
      at: `/training/cohorts/${COHORT_ID}`,
      mocks: [registrations],
    });
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(2);
    const headers = wrapper.findAll('thead th').map((cell) => cell.text());
    const column = headers.indexOf('Avslutad');
    expect(column).toBeGreaterThan(-1);
    const completion = (row: number) => wrapper.findAll('tbody tr')[row]!.findAll('td')[column]!.text();
    expect(completion(0)).toBe('2026-10-14');
    expect(completion(1)).toBe('Ej avslutad');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
