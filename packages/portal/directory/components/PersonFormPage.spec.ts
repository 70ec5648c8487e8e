import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { PersonCreateDocument, PersonEditDocument, PersonUpdateDocument } from '../gql/graphql.js';
import PersonFormPage from './PersonFormPage.vue';
import { chooseOrganisation, organisationName, organisationSearch } from './common/organisation-picker.mocks.js';

const stub = { render: () => null };
const routes = [
  { path: '/directory/people', name: 'directory-people', component: stub },
  { path: '/directory/people/new', name: 'directory-person-new', component: PersonFormPage },
  { path: '/directory/people/:id', name: 'directory-person', component: stub },
  { path: '/directory/people/:id/edit', name: 'directory-person-edit', component: PersonFormPage },
];
const person = {
  __typename: 'Person',
  id: 'p-1',
  name: 'Sara Ek',
  firstName: 'Sara',
  lastName: 'Ek',
  email: 'sara.ek@kinda.se',
  phone: null,
  language: 'EN',
  updatedAt: '2026-12-01T10:00:00.000Z',
  homeOrganisation: { __typename: 'Organisation', id: 'org-kinda', name: 'Kinda kommun' },
};
const value = (wrapper: { find: (selector: string) => { element: Element } }, selector: string) =>
  (wrapper.find(selector).element as HTMLInputElement).value;

describe('the person form', () => {
  it('refuses a malformed e-mail address and phone number before sending, as the API would', async () => {
    const { wrapper, unexpected } = await mountInPortal(PersonFormPage, { routes, at: '/directory/people/new', mocks: [] });
    await wrapper.find('#person-first-name').setValue('Sara');
    await wrapper.find('#person-last-name').setValue('x'.repeat(101));
    await wrapper.find('#person-email').setValue('sara.ek');
    await wrapper.find('#person-phone').setValue('ring mig');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#person-first-name-error').exists()).toBe(false);
    expect(wrapper.find('#person-last-name-error').text()).toBe('Skriv högst 100 tecken.');
    expect(wrapper.find('#person-email-error').text()).toBe('Skriv en e-postadress, till exempel namn@kommun.se.');
    expect(wrapper.find('#person-phone-error').text()).toBe('Skriv ett telefonnummer (siffror, mellanslag, +, - och parenteser).');
    expect(wrapper.find('#person-organisation-error').text()).toBe('Fyll i fältet.');
    expect(document.activeElement?.id).toBe('person-last-name');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it('sends the e-mail language and puts a taken address on the e-mail field, in English too', async () => {
    const create: MockedResponse = {
      request: {
        query: PersonCreateDocument,
        variables: {
          input: {
            firstName: 'Sara',
            lastName: 'Ek',
            email: 'sara.ek@kinda.se',
            phone: '0494-190 00',
            homeOrganisationId: 'org-kinda',
            language: 'EN',
          },
        },
      },
      result: {
        data: {
          personCreate: {
            __typename: 'PersonPayload',
            person: null,
            errors: [{ __typename: 'UserError', field: 'email', message: 'Another person has this e-mail address.', code: 'TAKEN' }],
          },
        },
      },
    };
    const { wrapper } = await mountInPortal(PersonFormPage, {
      routes,
      at: '/directory/people/new',
      mocks: [organisationSearch('kinda'), organisationName(), create],
      language: 'en',
    });
    await flushPromises();
    await wrapper.find('#person-first-name').setValue('Sara');
    await wrapper.find('#person-last-name').setValue('Ek');
    await wrapper.find('#person-email').setValue(' sara.ek@kinda.se ');
    await wrapper.find('#person-phone').setValue('0494-190 00');
    await chooseOrganisation(wrapper, '#person-organisation', 'kinda');
    await wrapper.find('#person-language').setValue('EN');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#person-email-error').exists()).toBe(true);
    expect(wrapper.find('#person-email-error').text()).toBe('Another person already has this e-mail address.');
    expect(wrapper.find('#person-email').attributes('aria-describedby')).toBe('person-email-error');
    await expect.poll(() => document.activeElement?.id).toBe('person-email');
    wrapper.unmount();
  });

  it('fills in the person when editing and sends only the changed language', async () => {
    const edit: MockedResponse = { request: { query: PersonEditDocument, variables: { id: 'p-1' } }, result: { data: { person } } };
    const update: MockedResponse = {
      request: { query: PersonUpdateDocument, variables: { input: { id: 'p-1', language: 'SV' } } },
      result: { data: { personUpdate: { __typename: 'PersonPayload', person: { ...person, language: 'SV' }, errors: [] } } },
    };
    const { wrapper, router } = await mountInPortal(PersonFormPage, {
      routes,
      at: '/directory/people/p-1/edit',
      mocks: [organisationName(), edit, update],
    });
    await expect.poll(() => value(wrapper, '#person-email')).toBe('sara.ek@kinda.se');
    expect(value(wrapper, '#person-language')).toBe('EN');
    expect(wrapper.find('h1').text()).toBe('Ändra Sara Ek');
    expect(document.title).toBe('Ändra Sara Ek – Evikomp');
    await wrapper.find('#person-language').setValue('SV');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.fullPath).toBe('/directory/people/p-1');
    wrapper.unmount();
  });
});

describe('the personal identity number in the person form', () => {
  it('sends it with a new person and puts the API’s refusal on its field', async () => {
    const create: MockedResponse = {
      request: {
        query: PersonCreateDocument,
        variables: {
          input: {
            firstName: 'Sara',
            lastName: 'Ek',
            email: 'sara.ek@kinda.se',
            phone: null,
            homeOrganisationId: 'org-kinda',
            language: 'SV',
            identityNumber: '19811218-9875',
          },
        },
      },
      result: {
        data: {
          personCreate: {
            __typename: 'PersonPayload',
            person: null,
            errors: [
              {
                __typename: 'UserError',
                field: 'identityNumber',
                message: 'The check digit of the personal identity number does not match (a digit may be mistyped).',
                code: 'INVALID',
              },
            ],
          },
        },
      },
    };
    const { wrapper } = await mountInPortal(PersonFormPage, {
      routes,
      at: '/directory/people/new',
      mocks: [organisationSearch('kinda'), organisationName(), create],
    });
    await flushPromises();
    await wrapper.find('#person-first-name').setValue('Sara');
    await wrapper.find('#person-last-name').setValue('Ek');
    await wrapper.find('#person-email').setValue('sara.ek@kinda.se');
    await chooseOrganisation(wrapper, '#person-organisation', 'kinda');
    await wrapper.find('#person-identity-number').setValue(' 19811218-9875 ');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#person-identity-number-error').exists()).toBe(true);
    expect(wrapper.find('#person-identity-number-error').text()).toBe(
      'Skriv ett giltigt personnummer eller samordningsnummer, ÅÅÅÅMMDD-NNNN; kontrollera datumet och sista siffran.',
    );
    expect(wrapper.find('#person-identity-number').attributes('aria-describedby')).toContain('person-identity-number-error');
    await expect.poll(() => document.activeElement?.id).toBe('person-identity-number');
    wrapper.unmount();
  });

  it('refuses a malformed number before sending, and is never prefilled when editing', async () => {
    const edit: MockedResponse = { request: { query: PersonEditDocument, variables: { id: 'p-1' } }, result: { data: { person } } };
    const { wrapper, unexpected } = await mountInPortal(PersonFormPage, {
      routes,
      at: '/directory/people/p-1/edit',
      mocks: [organisationName(), edit],
    });
    await expect.poll(() => value(wrapper, '#person-email')).toBe('sara.ek@kinda.se');
    expect(value(wrapper, '#person-identity-number')).toBe('');
    expect(wrapper.text()).toContain('Lämna tomt för att behålla det som finns.');
    await wrapper.find('#person-identity-number').setValue('1981-12-18');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#person-identity-number-error').text()).toContain('Skriv ett giltigt personnummer');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
