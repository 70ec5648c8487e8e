import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { RoleAssignmentEndDocument } from '../../gql/graphql.js';
import EndRoleDialog from './EndRoleDialog.vue';

const assignment = {
  __typename: 'RoleAssignment' as const,
  id: 'ra-1',
  role: 'MANAGER' as const,
  startsOn: '2026-11-01',
  endsOn: null,
  isActive: true,
  person: { __typename: 'Person' as const, id: 'p-1', name: 'Sara Ek' },
  workplace: { __typename: 'Workplace' as const, id: 'wp-1', name: 'Hemtjänst Rimforsa' },
  organisation: null,
};
const end = (errors: { field: string | null; message: string; code: string }[]): MockedResponse => ({
  request: { query: RoleAssignmentEndDocument, variables: { input: { id: 'ra-1' } } },
  result: {
    data: {
      roleAssignmentEnd: {
        __typename: 'RoleAssignmentPayload',
        roleAssignment: errors.length ? null : { ...assignment, endsOn: '2026-12-01', isActive: false },
        errors: errors.map((error) => ({ __typename: 'UserError', ...error })),
      },
    },
  },
});
const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');

describe('ending a role', () => {
  it('asks first, and cancelling sends nothing', async () => {
    const { wrapper, unexpected } = await mountInPortal(EndRoleDialog, { props: { assignment } });
    await flushPromises();
    expect(dialog()?.textContent).toContain('Sara Ek slutar vara chef (Hemtjänst Rimforsa) från och med i dag.');
    dialog()!.querySelector<HTMLButtonElement>('[data-test="end-role-cancel"]')!.click();
    await flushPromises();
    expect(wrapper.emitted('close')).toHaveLength(1);
    expect(wrapper.emitted('ended')).toBeUndefined();
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it('ends it when confirmed, and shows a refusal in the dialog', async () => {
    const refused = await mountInPortal(EndRoleDialog, {
      props: { assignment },
      mocks: [end([{ field: 'id', message: 'The assignment has already ended.', code: 'CONFLICT' }])],
    });
    await flushPromises();
    dialog()!.querySelector<HTMLButtonElement>('[data-test="end-role-confirm"]')!.click();
    await expect.poll(() => dialog()?.querySelector('[role="alert"]')?.textContent).toBe('Rollen är redan avslutad.');
    expect(refused.wrapper.emitted('ended')).toBeUndefined();
    refused.wrapper.unmount();

    const { wrapper, toasts } = await mountInPortal(EndRoleDialog, { props: { assignment }, mocks: [end([])] });
    await flushPromises();
    dialog()!.querySelector<HTMLButtonElement>('[data-test="end-role-confirm"]')!.click();
    await expect.poll(() => wrapper.emitted('ended')?.length).toBe(1);
    expect(toasts.items.map((toast) => toast.text)).toEqual(['Rollen för Sara Ek är avslutad.']);
    wrapper.unmount();
  });
});
