import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { PersonSearchDocument, RoleAssignmentCreateDocument } from '../../gql/graphql.js';
import GiveRoleForm from './GiveRoleForm.vue';

const search: MockedResponse = {
  request: { query: PersonSearchDocument, variables: { search: 'sara' } },
  result: {
    data: {
      people: {
        __typename: 'PersonConnection',
        totalCount: 1,
        edges: [
          {
            __typename: 'PersonEdge',
            node: {
              __typename: 'Person',
              id: 'p-1',
              name: 'Sara Ek',
              email: 'sara.ek@kinda.se',
              homeOrganisation: { __typename: 'Organisation', id: 'org-kinda', name: 'Kinda kommun' },
            },
          },
        ],
      },
    },
  },
};
const assignment = {
  __typename: 'RoleAssignment',
  id: 'ra-1',
  role: 'MANAGER',
  startsOn: '2026-12-01',
  endsOn: null,
  isActive: true,
  person: { __typename: 'Person', id: 'p-1', name: 'Sara Ek' },
  workplace: { __typename: 'Workplace', id: 'wp-1', name: 'Hemtjänst Rimforsa' },
  organisation: null,
};
function create(errors: { field: string | null; message: string; code: string }[]): MockedResponse {
  return {
    request: {
      query: RoleAssignmentCreateDocument,
      variables: { input: { workplaceId: 'wp-1', personId: 'p-1', role: 'MANAGER', startsOn: '2026-11-01' } },
    },
    result: {
      data: {
        roleAssignmentCreate: {
          __typename: 'RoleAssignmentPayload',
          roleAssignment: errors.length ? null : assignment,
          errors: errors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

async function chooseSara(wrapper: Awaited<ReturnType<typeof mountInPortal>>['wrapper']) {
  // The search goes out as the name is typed (after a pause); the person is chosen in the list it opens.
  await wrapper.find('#give-role-person-search').setValue('sara');
  await expect.poll(() => wrapper.find('[role="option"]').exists(), { timeout: 2000 }).toBe(true);
  expect(wrapper.find('[role="option"]').text()).toBe('Sara Ek (sara.ek@kinda.se, Kinda kommun)');
  await wrapper.find('[role="option"]').trigger('click');
}

describe('giving a workplace role', () => {
  it('asks for a person before sending and checks the date', async () => {
    const { wrapper, unexpected } = await mountInPortal(GiveRoleForm, { props: { workplaceId: 'wp-1' } });
    await wrapper.find('#give-role-starts-on').setValue('1 dec');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('#give-role-person-search-error').text()).toBe('Sök och välj en person.');
    expect(wrapper.find('#give-role-starts-on-error').text()).toBe('Skriv ett datum som ÅÅÅÅ-MM-DD.');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("puts the API's refusals on the person and the first day, in Swedish", async () => {
    const { wrapper } = await mountInPortal(GiveRoleForm, {
      props: { workplaceId: 'wp-1' },
      mocks: [
        search,
        create([
          { field: 'personId', message: 'The person already holds this role in this scope for that period.', code: 'CONFLICT' },
          {
            field: 'startsOn',
            message: 'The workplace joined the model on 2026-11-15; the role cannot start before that.',
            code: 'INVALID',
          },
        ]),
      ],
    });
    await chooseSara(wrapper);
    await wrapper.find('#give-role-starts-on').setValue('2026-11-01');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#give-role-person-search-error').exists()).toBe(true);
    expect(wrapper.find('#give-role-person-search-error').text()).toBe('Personen har redan den här rollen här under den tiden.');
    expect(wrapper.find('#give-role-starts-on-error').text()).toBe('Rollen kan inte börja innan arbetsplatsen anslöt till modellen.');
    expect(wrapper.emitted('given')).toBeUndefined();
    wrapper.unmount();
  });

  it('gives the role and tells the page', async () => {
    const { wrapper, toasts } = await mountInPortal(GiveRoleForm, { props: { workplaceId: 'wp-1' }, mocks: [search, create([])] });
    await chooseSara(wrapper);
    await wrapper.find('#give-role-starts-on').setValue('2026-11-01');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.emitted('given')?.length).toBe(1);
    expect(toasts.items.map((toast) => toast.text)).toEqual(['Sara Ek är nu chef.']);
    wrapper.unmount();
  });
});
