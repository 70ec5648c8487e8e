import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { WorkplaceListDocument } from '../gql/graphql.js';
import WorkplaceListPage from './WorkplaceListPage.vue';
import { KINDA, chooseOrganisation, organisationName, organisationSearch } from './common/organisation-picker.mocks.js';

const MOTALA = { id: 'org-motala', name: 'Motala kommun', organisationNumber: '212000-0514' };
const routes = [
  { path: '/directory/workplaces', component: WorkplaceListPage },
  { path: '/directory/workplaces/new', name: 'directory-workplace-new', component: { render: () => null } },
  { path: '/directory/workplaces/:id', name: 'directory-workplace', component: { render: () => null } },
];

function answer(organisation: { id: string; name: string }, name: string): MockedResponse {
  return {
    request: {
      query: WorkplaceListDocument,
      variables: { first: 20, after: null, filter: { organisationId: organisation.id }, orderBy: { field: 'NAME', direction: 'ASC' } },
    },
    result: {
      data: {
        workplaces: {
          __typename: 'WorkplaceConnection',
          totalCount: 1,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          edges: [
            {
              __typename: 'WorkplaceEdge',
              node: {
                __typename: 'Workplace',
                id: `wp-${organisation.id}`,
                name,
                type: 'HOME_CARE',
                city: null,
                status: 'ACTIVE',
                employeeCount: 10,
                joinedOn: '2024-01-01',
                organisation: { __typename: 'Organisation', id: organisation.id, name: organisation.name },
              },
            },
          ],
        },
      },
    },
  };
}

describe('the workplaces page', () => {
  it('shows the organisation of the URL by its name and filters by one found on the server as it is typed', async () => {
    const { wrapper, router, unexpected } = await mountInPortal(WorkplaceListPage, {
      routes,
      at: '/directory/workplaces?organisation=org-kinda',
      mocks: [
        organisationName(),
        answer(KINDA, 'Hemtjänst Rimforsa'),
        organisationSearch('mot', [MOTALA]),
        organisationName(MOTALA),
        answer(MOTALA, 'Hemtjänst Motala'),
      ],
    });
    const picker = () => wrapper.find<HTMLInputElement>('#workplace-organisation');
    await expect.poll(() => picker().element.value).toBe('Kinda kommun');
    expect(picker().attributes('role')).toBe('combobox');
    await expect.poll(() => wrapper.find('tbody').text()).toContain('Hemtjänst Rimforsa');
    // No select of every organisation: the list is asked for only as one is typed.
    expect(wrapper.find('select#workplace-organisation').exists()).toBe(false);

    await chooseOrganisation(wrapper, '#workplace-organisation', 'mot');
    await wrapper.find('form[role="search"]').trigger('submit');
    await expect.poll(() => router.currentRoute.value.query.organisation).toBe('org-motala');
    await expect.poll(() => wrapper.find('tbody').text()).toContain('Hemtjänst Motala');
    expect(picker().element.value).toContain('Motala kommun');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
