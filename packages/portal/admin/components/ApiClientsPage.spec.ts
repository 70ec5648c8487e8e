import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { AdminOrganisationsDocument, ApiClientCreateDocument, ApiClientRevokeDocument, ApiClientsDocument } from '../gql/graphql.js';
import { page, payload } from '../testing/mocks.js';
import ApiClientsPage from './ApiClientsPage.vue';

const routes = [{ path: '/admin/api-clients', component: ApiClientsPage }];
const KEY = 'evk_5bY2mQpZr8w1sT0uVxA3cD4eF6gH7jK9';

function client(overrides: Record<string, unknown> = {}) {
  return {
    __typename: 'ApiClient',
    id: 'QXBpQ2xpZW50OjE',
    name: 'HR-systemet Motala',
    keyPrefix: 'evk_5bY2mQpZ',
    scopes: ['READ_DIRECTORY'],
    isActive: true,
    createdAt: '2026-12-01T09:00:00.000Z',
    lastUsedAt: null,
    expiresAt: null,
    revokedAt: null,
    rateLimitPerMinute: 600,
    organisation: { __typename: 'Organisation', id: 'org-motala', name: 'Motala kommun' },
    ...overrides,
  };
}
const list = (nodes: Record<string, unknown>[]): MockedResponse => ({
  request: { query: ApiClientsDocument, variables: { first: 20, after: null } },
  result: { data: page('apiClients', 'ApiClient', nodes) },
});
const organisations: MockedResponse = {
  request: { query: AdminOrganisationsDocument, variables: { search: 'motala' } },
  result: { data: page('organisations', 'Organisation', [{ id: 'org-motala', name: 'Motala kommun', organisationNumber: '212000-2122' }]) },
};
const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');

describe('API clients', () => {
  it('refuses a client without a name or a scope, as the API does, without sending it', async () => {
    const { wrapper, unexpected } = await mountInPortal(ApiClientsPage, {
      routes,
      at: '/admin/api-clients',
      mocks: [list([])],
    });
    await expect.poll(() => wrapper.text()).toContain('Det finns inga API-klienter ännu.');
    await wrapper.find('[data-test="api-client-create"]').trigger('click');
    await expect.poll(() => dialog()).not.toBeNull();
    document.querySelector<HTMLButtonElement>('[data-test="api-client-submit"]')!.click();
    await expect.poll(() => document.querySelector('#api-client-name-error')?.textContent).toBe('Fyll i fältet.');
    expect(document.querySelector('#api-client-scopes-error')?.textContent).toBe('Välj minst en behörighet.');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it('shows the new key once, with a warning, and forgets it when its dialog closes; revokes only after confirming', async () => {
    const input = {
      name: 'HR-systemet Motala',
      organisationId: 'org-motala',
      scopes: ['READ_DIRECTORY'],
      expiresAt: null,
      rateLimitPerMinute: null,
    };
    const { wrapper } = await mountInPortal(ApiClientsPage, {
      routes,
      at: '/admin/api-clients',
      mocks: [
        list([]),
        organisations,
        payload(ApiClientCreateDocument, { input }, 'apiClientCreate', { apiClient: client(), key: KEY }),
        list([client()]),
        payload(ApiClientRevokeDocument, { input: { id: 'QXBpQ2xpZW50OjE' } }, 'apiClientRevoke', { apiClient: null }, [
          { field: 'id', code: 'CONFLICT', message: 'The API client is already revoked.' },
        ]),
      ],
    });
    await expect.poll(() => wrapper.text()).toContain('Det finns inga API-klienter ännu.');
    await wrapper.find('[data-test="api-client-create"]').trigger('click');
    await expect.poll(() => dialog()).not.toBeNull();
    const name = document.querySelector<HTMLInputElement>('#api-client-name')!;
    name.value = input.name;
    name.dispatchEvent(new Event('input'));
    // The organisation is searched on the server as it is typed and chosen in the list.
    const organisation = document.querySelector<HTMLInputElement>('#api-client-organisation')!;
    organisation.value = 'motala';
    organisation.dispatchEvent(new Event('input'));
    await expect
      .poll(() => [...document.querySelectorAll('[role="option"]')].map((option) => option.textContent), { timeout: 2000 })
      .toEqual(['Motala kommun (212000-2122)']);
    document.querySelector<HTMLElement>('[role="option"]')!.click();
    document.querySelector<HTMLInputElement>('[data-test="scope-READ_DIRECTORY"]')!.click();
    document.querySelector<HTMLButtonElement>('[data-test="api-client-submit"]')!.click();

    await expect.poll(() => document.querySelector<HTMLInputElement>('[data-test="api-key"]')?.value).toBe(KEY);
    expect(document.querySelector('[data-test="api-key-warning"]')?.textContent).toContain('Den visas bara den här gången');
    document.querySelector<HTMLButtonElement>('[data-test="api-key-done"]')!.click();
    await expect.poll(() => document.querySelector('[data-test="api-key"]')).toBeNull();
    await expect.poll(() => wrapper.find('tbody').text()).toContain('evk_5bY2mQpZ…');
    expect(document.body.innerHTML).not.toContain(KEY);

    // Revoking asks first; the API's refusal is shown in the dialog, which stays open.
    await wrapper.find('[data-test="revoke-HR-systemet Motala"]').trigger('click');
    await expect.poll(() => dialog()?.textContent).toContain('Det går inte att ångra');
    document.querySelector<HTMLButtonElement>('[data-test="confirm"]')!.click();
    await expect.poll(() => dialog()?.querySelector('[role="alert"]')?.textContent).toBe('API-klienten är redan återkallad.');
    wrapper.unmount();
  });
});
