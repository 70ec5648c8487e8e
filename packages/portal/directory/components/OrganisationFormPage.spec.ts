import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { OrganisationCreateDocument } from '../gql/graphql.js';
import OrganisationFormPage from './OrganisationFormPage.vue';

const stub = { render: () => null };
const routes = [
  { path: '/directory/organisations', name: 'directory-organisations', component: stub },
  { path: '/directory/organisations/new', name: 'directory-organisation-new', component: OrganisationFormPage },
  { path: '/directory/organisations/:id', name: 'directory-organisation', component: stub },
  { path: '/directory/organisations/:id/edit', name: 'directory-organisation-edit', component: OrganisationFormPage },
];
const sent = { name: 'Ydre kommun', kind: 'MUNICIPALITY', organisationNumber: '212000-0530', isPrincipal: false };
const create = (errors: { field: string | null; message: string; code: string }[]): MockedResponse => ({
  request: { query: OrganisationCreateDocument, variables: { input: sent } },
  result: {
    data: {
      organisationCreate: {
        __typename: 'OrganisationPayload',
        organisation: errors.length ? null : { __typename: 'Organisation', id: 'org-ydre', name: 'Ydre kommun' },
        errors: errors.map((error) => ({ __typename: 'UserError', ...error })),
      },
    },
  },
});

describe('registering an organisation', () => {
  it('checks the organisation number as the API does before sending anything', async () => {
    const { wrapper, unexpected } = await mountInPortal(OrganisationFormPage, { routes, at: '/directory/organisations/new' });
    await flushPromises();
    expect(wrapper.find('h1').text()).toBe('Ny medlemsorganisation');
    await wrapper.find('#organisation-name').setValue('Ydre kommun');
    await wrapper.find('#organisation-number').setValue('212000-0531');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#organisation-number-error').text()).toBe('Kontrollsiffran (den sista siffran) stämmer inte.');
    expect(document.activeElement?.id).toBe('organisation-number');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("puts the API's typed errors on their fields, then registers and opens the organisation", async () => {
    const refused = await mountInPortal(OrganisationFormPage, {
      routes,
      at: '/directory/organisations/new',
      mocks: [
        create([
          { field: 'organisationNumber', message: 'Another organisation has this number.', code: 'TAKEN' },
          { field: 'name', message: 'Taken.', code: 'TAKEN' },
        ]),
      ],
    });
    await flushPromises();
    await refused.wrapper.find('#organisation-name').setValue('Ydre kommun ');
    await refused.wrapper.find('#organisation-number').setValue('212000-0530');
    await refused.wrapper.find('form').trigger('submit');
    await expect.poll(() => refused.wrapper.find('#organisation-number-error').exists()).toBe(true);
    expect(refused.wrapper.find('#organisation-number-error').text()).toBe('En annan organisation har redan det organisationsnumret.');
    expect(refused.wrapper.find('#organisation-name-error').text()).toBe('Det finns redan en organisation med det namnet.');
    expect(refused.wrapper.find('#organisation-name').attributes('aria-invalid')).toBe('true');
    refused.wrapper.unmount();

    const { wrapper, router, toasts } = await mountInPortal(OrganisationFormPage, {
      routes,
      at: '/directory/organisations/new',
      mocks: [create([])],
    });
    await flushPromises();
    await wrapper.find('#organisation-name').setValue('Ydre kommun');
    await wrapper.find('#organisation-number').setValue('212000-0530');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.fullPath).toBe('/directory/organisations/org-ydre');
    expect(toasts.items.map((toast) => toast.text)).toEqual(['Organisationen Ydre kommun är registrerad.']);
    wrapper.unmount();
  });
});
