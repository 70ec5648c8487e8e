import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { NetworkCreateDocument, NetworkOrganisationSearchDocument } from '../gql/graphql.js';
import { payload } from '../testing/mocks.js';
import NetworkFormPage from './NetworkFormPage.vue';

const routes = [
  { path: '/networks/new', name: 'networks-create', component: NetworkFormPage },
  { path: '/networks/:networkId', name: 'networks-network', component: { render: () => null } },
  { path: '/networks', name: 'networks-list', component: { render: () => null } },
];

const organisations: MockedResponse = {
  request: { query: NetworkOrganisationSearchDocument, variables: { search: 'kommun' } },
  result: {
    data: {
      organisations: {
        __typename: 'OrganisationConnection',
        edges: [
          { __typename: 'OrganisationEdge', node: { __typename: 'Organisation', id: 'org-kinda', name: 'Kinda kommun' } },
          { __typename: 'OrganisationEdge', node: { __typename: 'Organisation', id: 'org-motala', name: 'Motala kommun' } },
        ],
      },
    },
  },
};

const input = { name: 'Lärande chefsnätverk Kinda', description: null, audienceRoles: ['MANAGER'], audienceOrganisationIds: ['org-kinda'] };

describe('the new network form', () => {
  it('checks the name as the API does before sending anything', async () => {
    const { wrapper, unexpected } = await mountInPortal(NetworkFormPage, { routes, at: '/networks/new', mocks: [] });
    await wrapper.find('#network-name').setValue('x'.repeat(201));
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#network-name-error').text()).toBe('Skriv högst 200 tecken.');
    expect(wrapper.find('#network-name').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#network-name').attributes('aria-describedby')).toContain('network-name-error');
    await wrapper.find('#network-name').setValue('   ');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#network-name-error').text()).toBe('Fyll i fältet.');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("sends the audience chosen and shows the API's error on the field it names", async () => {
    const { wrapper, router } = await mountInPortal(NetworkFormPage, {
      routes,
      at: '/networks/new',
      mocks: [
        organisations,
        payload(NetworkCreateDocument, { input }, 'networkCreate', { network: null }, [
          { field: 'audienceOrganisationIds.0', code: 'NOT_FOUND', message: 'No organisation has this id.' },
        ]),
        payload(NetworkCreateDocument, { input }, 'networkCreate', {
          network: { __typename: 'Network', id: 'TmV0d29yazox', name: input.name },
        }),
      ],
    });
    await wrapper.find('#network-name').setValue(input.name);
    await wrapper.find('input[value="MANAGER"]').setValue(true);
    // The organisation is found on the server as it is typed (no list of every member), chosen, then listed.
    await wrapper.find('#network-organisation-search').setValue('kommun');
    await expect.poll(() => wrapper.findAll('[role="option"]').length, { timeout: 2000 }).toBe(2);
    await wrapper.find('[role="option"]').trigger('click');
    await expect.poll(() => wrapper.find('[data-test="network-organisations"]').text()).toContain('Kinda kommun');
    expect(wrapper.find('[data-test="network-organisations"] button').attributes('aria-label')).toBe('Ta bort Kinda kommun');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#network-organisations-error').exists()).toBe(true);
    expect(wrapper.find('#network-organisations-error').text()).toBe('Det finns inte, eller så får du inte se det.');
    expect(router.currentRoute.value.path).toBe('/networks/new');

    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.path).toBe('/networks/TmV0d29yazox');
    wrapper.unmount();
  });
});
