import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { OrganisationListDocument } from '../gql/graphql.js';
import OrganisationListPage from './OrganisationListPage.vue';

const routes = [
  { path: '/directory/organisations', component: OrganisationListPage },
  { path: '/directory/organisations/new', name: 'directory-organisation-new', component: { render: () => null } },
  { path: '/directory/organisations/:id', name: 'directory-organisation', component: { render: () => null } },
];

function organisation(name: string, index: number) {
  return {
    __typename: 'Organisation',
    id: `org-${index}`,
    name,
    kind: 'MUNICIPALITY',
    organisationNumber: `212000-04${String(index).padStart(2, '0')}`,
    isPrincipal: name.startsWith('Linköping'),
  };
}

function answer(
  variables: Record<string, unknown>,
  names: string[],
  page: { totalCount?: number; hasNextPage?: boolean; endCursor?: string | null } = {},
): MockedResponse {
  return {
    request: {
      query: OrganisationListDocument,
      variables: { first: 20, after: null, filter: null, orderBy: { field: 'NAME', direction: 'ASC' }, ...variables },
    },
    result: {
      data: {
        organisations: {
          __typename: 'OrganisationConnection',
          totalCount: page.totalCount ?? names.length,
          pageInfo: { __typename: 'PageInfo', endCursor: page.endCursor ?? null, hasNextPage: page.hasNextPage ?? false },
          edges: names.map((name, index) => ({ __typename: 'OrganisationEdge', node: organisation(name, index) })),
        },
      },
    },
  };
}

const rowsOf = (wrapper: { findAll: (selector: string) => { text: () => string }[] }) =>
  wrapper.findAll('tbody tr').map((row) => row.text());

describe('the member organisations page', () => {
  it('reads its search and sort from the URL and shows that page', async () => {
    const { wrapper } = await mountInPortal(OrganisationListPage, {
      routes,
      at: '/directory/organisations?q=kinda&dir=DESC',
      mocks: [answer({ filter: { search: 'kinda' }, orderBy: { field: 'NAME', direction: 'DESC' } }, ['Kinda kommun'])],
    });
    await expect.poll(() => rowsOf(wrapper).length).toBe(1);
    expect(rowsOf(wrapper)[0]).toContain('Kinda kommun');
    expect(wrapper.find('tbody a').attributes('href')).toBe('/directory/organisations/org-0');
    expect(document.title).toBe('Medlemsorganisationer – Evikomp');
    expect((wrapper.find('#organisation-search').element as HTMLInputElement).value).toBe('kinda');
    expect(wrapper.find('th[aria-sort="descending"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('pages forward with the cursor and back again, keeping both in the URL', async () => {
    const { wrapper, router } = await mountInPortal(OrganisationListPage, {
      routes,
      at: '/directory/organisations',
      mocks: [
        answer({}, ['Boxholms kommun', 'Finspångs kommun'], { totalCount: 22, hasNextPage: true, endCursor: 'c20' }),
        answer({ after: 'c20' }, ['Ödeshögs kommun', 'Region Östergötland'], { totalCount: 22 }),
        answer({}, ['Boxholms kommun', 'Finspångs kommun'], { totalCount: 22, hasNextPage: true, endCursor: 'c20' }),
      ],
    });
    await expect.poll(() => rowsOf(wrapper).length).toBe(2);
    await wrapper.findAll('nav button')[1]!.trigger('click');
    await expect.poll(() => router.currentRoute.value.query.after).toBe('c20');
    await expect.poll(() => rowsOf(wrapper)[0]).toContain('Ödeshögs kommun');
    expect(wrapper.find('[aria-live="polite"]').text()).toBe('Visar 21–22 av 22');
    await wrapper.findAll('nav button')[0]!.trigger('click');
    await expect.poll(() => router.currentRoute.value.query.after).toBeUndefined();
    await expect.poll(() => rowsOf(wrapper)[0]).toContain('Boxholms kommun');
    wrapper.unmount();
  });

  it('says so when nothing matches', async () => {
    const { wrapper } = await mountInPortal(OrganisationListPage, {
      routes,
      at: '/directory/organisations?q=zzz',
      mocks: [answer({ filter: { search: 'zzz' } }, [])],
    });
    await expect.poll(() => wrapper.text()).toContain('Inga organisationer matchar sökningen.');
    expect(wrapper.find('table').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows an error with a way to try again when the API cannot answer', async () => {
    const failing: MockedResponse = { request: answer({}, []).request, error: new Error('Failed to fetch') };
    const { wrapper } = await mountInPortal(OrganisationListPage, {
      routes,
      at: '/directory/organisations',
      mocks: [failing, answer({}, ['Boxholms kommun'])],
    });
    await expect.poll(() => wrapper.find('[role="alert"]').exists()).toBe(true);
    expect(wrapper.find('[role="alert"]').text()).toContain('Organisationerna kunde inte hämtas.');
    await wrapper.find('[role="alert"] button').trigger('click');
    await expect.poll(() => rowsOf(wrapper).length).toBe(1);
    wrapper.unmount();
  });
});
