import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { StaffImportOptionsDocument, StaffImportOrganisationSearchDocument } from '../gql/graphql.js';
import StaffImportPage from './StaffImportPage.vue';

const stub = { render: () => null };
const routes = [
  { path: '/operations/staff-import', name: 'operations-staff-import', component: StaffImportPage },
  ...['cost-shares', 'agreements', 'catalogue', 'dashboard', 'action-plans', 'learning-sessions'].map((name) => ({
    path: `/operations/${name}`,
    name: `operations-${name}`,
    component: stub,
  })),
  { path: '/operations/learning-sessions/closed-months', name: 'operations-learning-month-closes', component: stub },
];

function me(roles: { role: string; organisation: { id: string; name: string } | null }[]): MockedResponse {
  return {
    request: { query: StaffImportOptionsDocument },
    result: {
      data: {
        me: {
          __typename: 'Person',
          id: 'p-me',
          roles: roles.map((role, index) => ({
            __typename: 'RoleAssignment',
            id: `ra-${index}`,
            role: role.role,
            organisation: role.organisation ? { __typename: 'Organisation', ...role.organisation } : null,
          })),
        },
      },
    },
  };
}
const search: MockedResponse = {
  request: { query: StaffImportOrganisationSearchDocument, variables: { search: 'box' } },
  result: {
    data: {
      organisations: {
        __typename: 'OrganisationConnection',
        edges: [
          {
            __typename: 'OrganisationEdge',
            node: { __typename: 'Organisation', id: 'org-boxholm', name: 'Boxholms kommun', organisationNumber: '212000-0522' },
          },
        ],
      },
    },
  },
};

describe('the staff import page', () => {
  it('lets an administrator find the organisation on the server as it is typed', async () => {
    const { wrapper, unexpected } = await mountInPortal(StaffImportPage, {
      routes,
      at: '/operations/staff-import',
      mocks: [me([{ role: 'ADMINISTRATOR', organisation: null }]), search],
    });
    await expect.poll(() => wrapper.find('#staff-import-organisation').exists()).toBe(true);
    expect(wrapper.find('#staff-import-organisation').attributes('role')).toBe('combobox');
    await wrapper.find('#staff-import-organisation').setValue('box');
    await expect.poll(() => wrapper.find('[role="option"]').exists(), { timeout: 2000 }).toBe(true);
    expect(wrapper.find('[role="option"]').text()).toBe('Boxholms kommun (212000-0522)');
    await wrapper.find('[role="option"]').trigger('click');
    expect((wrapper.find('#staff-import-organisation').element as HTMLInputElement).value).toContain('Boxholms kommun');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("chooses an organisation admin's own organisation for them, from their roles", async () => {
    const { wrapper, unexpected } = await mountInPortal(StaffImportPage, {
      routes,
      at: '/operations/staff-import',
      mocks: [me([{ role: 'ORGANISATION_ADMIN', organisation: { id: 'org-boxholm', name: 'Boxholms kommun' } }])],
    });
    await expect.poll(() => wrapper.find('select#staff-import-organisation').exists()).toBe(true);
    await expect.poll(() => (wrapper.find('select#staff-import-organisation').element as HTMLSelectElement).value).toBe('org-boxholm');
    expect(wrapper.findAll('select#staff-import-organisation option').map((option) => option.text())).toEqual([
      'Välj organisation',
      'Boxholms kommun',
    ]);
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
