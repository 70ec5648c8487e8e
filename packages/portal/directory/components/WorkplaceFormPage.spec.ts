import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { WorkplaceCreateDocument, WorkplaceEditDocument, WorkplaceUpdateDocument } from '../gql/graphql.js';
import WorkplaceFormPage from './WorkplaceFormPage.vue';
import { chooseOrganisation, organisationName, organisationSearch } from './common/organisation-picker.mocks.js';

const stub = { render: () => null };
const routes = [
  { path: '/directory/workplaces', name: 'directory-workplaces', component: stub },
  { path: '/directory/workplaces/new', name: 'directory-workplace-new', component: WorkplaceFormPage },
  { path: '/directory/workplaces/:id', name: 'directory-workplace', component: stub },
  { path: '/directory/workplaces/:id/edit', name: 'directory-workplace-edit', component: WorkplaceFormPage },
];

const saved = {
  __typename: 'Workplace',
  id: 'wp-1',
  name: 'Hemtjänst Rimforsa',
  type: 'HOME_CARE',
  status: 'ACTIVE',
  streetAddress: null,
  postalCode: null,
  city: 'Rimforsa',
  employeeCount: 12,
  joinedOn: '2026-12-01',
  leftOn: null,
  updatedAt: '2026-12-01T10:00:00.000Z',
};

function created(input: Record<string, unknown>, errors: { field: string | null; message: string; code: string }[]): MockedResponse {
  return {
    request: { query: WorkplaceCreateDocument, variables: { input } },
    result: {
      data: {
        workplaceCreate: {
          __typename: 'WorkplacePayload',
          workplace: errors.length ? null : saved,
          errors: errors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

const input = (wrapper: { find: (selector: string) => { element: Element } }, selector: string) =>
  wrapper.find(selector).element as HTMLInputElement;

async function fill(wrapper: Awaited<ReturnType<typeof mountInPortal>>['wrapper'], values: Record<string, string>) {
  for (const [selector, value] of Object.entries(values)) await wrapper.find(selector).setValue(value);
}

describe('the workplace form', () => {
  it('checks the fields as the API does before sending anything, and moves focus to the first error', async () => {
    const { wrapper, unexpected } = await mountInPortal(WorkplaceFormPage, {
      routes,
      at: '/directory/workplaces/new',
      mocks: [],
    });
    await fill(wrapper, { '#workplace-name': '   ', '#workplace-employees': '-1', '#workplace-joined-on': '2026-02-30' });
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#workplace-organisation-error').text()).toBe('Fyll i fältet.');
    expect(wrapper.find('#workplace-name-error').text()).toBe('Fyll i fältet.');
    expect(wrapper.find('#workplace-type-error').text()).toBe('Fyll i fältet.');
    expect(wrapper.find('#workplace-employees-error').text()).toBe('Skriv ett heltal, minst 0.');
    expect(wrapper.find('#workplace-joined-on-error').text()).toBe('Skriv ett datum som ÅÅÅÅ-MM-DD.');
    expect(input(wrapper, '#workplace-name').getAttribute('aria-describedby')).toBe('workplace-name-error');
    expect(document.activeElement?.id).toBe('workplace-organisation');
    // Nothing was sent: the mock link would have answered an unexpected mutation with an error.
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("shows the API's typed errors on the field they name, and the rest for the whole form", async () => {
    const sent = {
      organisationId: 'org-kinda',
      name: 'Hemtjänst Rimforsa',
      type: 'HOME_CARE',
      streetAddress: null,
      postalCode: null,
      city: 'Rimforsa',
      employeeCount: 12,
    };
    const { wrapper } = await mountInPortal(WorkplaceFormPage, {
      routes,
      at: '/directory/workplaces/new?organisation=org-kinda',
      mocks: [
        organisationName(),
        created(sent, [
          { field: 'name', message: 'The organisation already has a workplace with this name.', code: 'TAKEN' },
          { field: 'organisationId', message: 'You may not do this.', code: 'FORBIDDEN' },
          { field: null, message: 'Something else.', code: 'CONFLICT' },
        ]),
      ],
    });
    await flushPromises();
    // The organisation from the URL is read by id and shown by its name.
    await expect.poll(() => input(wrapper, '#workplace-organisation').value).toBe('Kinda kommun');
    await fill(wrapper, {
      '#workplace-name': 'Hemtjänst Rimforsa ',
      '#workplace-type': 'HOME_CARE',
      '#workplace-city': 'Rimforsa',
      '#workplace-employees': '12',
    });
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#workplace-name-error').exists()).toBe(true);
    expect(wrapper.find('#workplace-name-error').text()).toBe('Organisationen har redan en arbetsplats med det namnet.');
    expect(wrapper.find('#workplace-organisation-error').text()).toBe('Du har inte behörighet att göra den här ändringen.');
    expect(wrapper.find('[data-test="form-error"]').text()).toBe('Ändringen går inte ihop med hur det ser ut nu.');
    expect(input(wrapper, '#workplace-name').getAttribute('aria-invalid')).toBe('true');
    wrapper.unmount();
  });

  it('creates the workplace and opens its page', async () => {
    const sent = {
      organisationId: 'org-kinda',
      name: 'Hemtjänst Rimforsa',
      type: 'HOME_CARE',
      streetAddress: null,
      postalCode: null,
      city: 'Rimforsa',
      employeeCount: 12,
      joinedOn: '2026-12-01',
    };
    const { wrapper, router, toasts } = await mountInPortal(WorkplaceFormPage, {
      routes,
      at: '/directory/workplaces/new',
      mocks: [organisationSearch('kinda'), organisationName(), created(sent, [])],
    });
    await flushPromises();
    await chooseOrganisation(wrapper, '#workplace-organisation', 'kinda');
    await fill(wrapper, {
      '#workplace-name': 'Hemtjänst Rimforsa',
      '#workplace-type': 'HOME_CARE',
      '#workplace-city': 'Rimforsa',
      '#workplace-employees': '12',
      '#workplace-joined-on': '2026-12-01',
    });
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.fullPath).toBe('/directory/workplaces/wp-1');
    expect(toasts.items.map((toast) => toast.text)).toEqual(['Arbetsplatsen Hemtjänst Rimforsa är skapad.']);
    wrapper.unmount();
  });

  it('sends only what changed when editing, and says "not found" for an id the API does not answer', async () => {
    const existing: MockedResponse = {
      request: { query: WorkplaceEditDocument, variables: { id: 'wp-1' } },
      result: { data: { workplace: { ...saved, organisation: { __typename: 'Organisation', id: 'org-kinda', name: 'Kinda kommun' } } } },
    };
    const update: MockedResponse = {
      request: { query: WorkplaceUpdateDocument, variables: { input: { id: 'wp-1', employeeCount: 15 } } },
      result: { data: { workplaceUpdate: { __typename: 'WorkplacePayload', workplace: { ...saved, employeeCount: 15 }, errors: [] } } },
    };
    const { wrapper, router } = await mountInPortal(WorkplaceFormPage, {
      routes,
      at: '/directory/workplaces/wp-1/edit',
      mocks: [organisationName(), existing, update],
    });
    await expect.poll(() => input(wrapper, '#workplace-name')?.value).toBe('Hemtjänst Rimforsa');
    await wrapper.find('#workplace-employees').setValue('15');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.fullPath).toBe('/directory/workplaces/wp-1');
    wrapper.unmount();

    const missing = await mountInPortal(WorkplaceFormPage, {
      routes,
      at: '/directory/workplaces/nope/edit',
      mocks: [{ request: { query: WorkplaceEditDocument, variables: { id: 'nope' } }, result: { data: { workplace: null } } }],
    });
    await expect.poll(() => missing.wrapper.find('[data-test="not-found"]').exists()).toBe(true);
    expect(missing.wrapper.find('h1').text()).toBe('Hittades inte');
    expect(document.title).toBe('Hittades inte – Evikomp');
    missing.wrapper.unmount();
  });
});
