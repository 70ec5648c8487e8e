import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { RoleAssignmentMoveDocument, WorkplaceSearchDocument } from '../../gql/graphql.js';
import MoveRoleDialog from './MoveRoleDialog.vue';

const assignment = {
  __typename: 'RoleAssignment' as const,
  id: 'ra-1',
  role: 'MANAGER' as const,
  startsOn: '2026-01-01',
  endsOn: null,
  isActive: true,
  person: { __typename: 'Person' as const, id: 'p-1', name: 'Sara Ek' },
  workplace: { __typename: 'Workplace' as const, id: 'wp-1', name: 'Hemtjänst Rimforsa' },
  organisation: null,
};
const search: MockedResponse = {
  request: { query: WorkplaceSearchDocument, variables: { search: 'Kisa' } },
  result: {
    data: {
      workplaces: {
        __typename: 'WorkplaceConnection',
        totalCount: 2,
        edges: [
          {
            __typename: 'WorkplaceEdge',
            node: {
              __typename: 'Workplace',
              id: 'wp-1',
              name: 'Hemtjänst Rimforsa',
              city: 'Kisa',
              organisation: { __typename: 'Organisation', id: 'org-kinda', name: 'Kinda kommun' },
            },
          },
          {
            __typename: 'WorkplaceEdge',
            node: {
              __typename: 'Workplace',
              id: 'wp-2',
              name: 'Hemtjänst Kisa',
              city: 'Kisa',
              organisation: { __typename: 'Organisation', id: 'org-kinda', name: 'Kinda kommun' },
            },
          },
        ],
      },
    },
  },
};
const move = (movesOn: string, errors: { field: string | null; message: string; code: string }[]): MockedResponse => ({
  request: { query: RoleAssignmentMoveDocument, variables: { input: { id: 'ra-1', workplaceId: 'wp-2', movesOn } } },
  result: {
    data: {
      roleAssignmentMove: {
        __typename: 'RoleAssignmentPayload',
        roleAssignment: errors.length
          ? null
          : { ...assignment, id: 'ra-2', startsOn: movesOn, workplace: { __typename: 'Workplace', id: 'wp-2', name: 'Hemtjänst Kisa' } },
        errors: errors.map((error) => ({ __typename: 'UserError', ...error })),
      },
    },
  },
});
const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')!;
const find = <T extends Element>(selector: string) => dialog().querySelector<T>(selector)!;
async function type(selector: string, value: string) {
  const input = find<HTMLInputElement>(selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}

describe('moving a role', () => {
  it("asks for the workplace first, then puts the API's error on the day, then moves", async () => {
    const { wrapper, toasts, unexpected } = await mountInPortal(MoveRoleDialog, {
      props: { assignment },
      mocks: [
        search,
        move('2026-01-01', [{ field: 'movesOn', message: 'The assignment is not held on 2026-01-01.', code: 'CONFLICT' }]),
        move('2026-12-15', []),
      ],
    });
    await flushPromises();
    expect(find('[data-test="move-role-text"]').textContent).toContain('Sara Ek slutar vara chef på Hemtjänst Rimforsa');
    find<HTMLFormElement>('form').dispatchEvent(new Event('submit'));
    await flushPromises();
    expect(find('#move-role-workplace-search-error').textContent).toBe('Sök och välj den arbetsplats rollen flyttar till.');
    expect(unexpected).toEqual([]);

    // The search goes out as the name is typed; the role's own workplace is not offered.
    await type('#move-role-workplace-search', 'Kisa');
    await expect
      .poll(() => [...dialog().querySelectorAll('[role="option"]')].map((option) => option.textContent), { timeout: 2000 })
      .toEqual(['Hemtjänst Kisa (Kisa, Kinda kommun)']);
    find<HTMLElement>('[role="option"]').click();
    await type('#move-role-moves-on', '2026-01-01');
    find<HTMLFormElement>('form').dispatchEvent(new Event('submit'));
    await expect
      .poll(() => dialog().querySelector('#move-role-moves-on-error')?.textContent)
      .toBe('Flytten kan inte ske före rollens första dag eller efter dess sista.');

    await type('#move-role-moves-on', '2026-12-15');
    find<HTMLFormElement>('form').dispatchEvent(new Event('submit'));
    await expect.poll(() => wrapper.emitted('moved')?.length).toBe(1);
    expect(toasts.items.map((toast) => toast.text)).toEqual(['Sara Ek är nu chef på Hemtjänst Kisa.']);
    wrapper.unmount();
  });
});
