import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { RegistrationRejectDocument, RegistrationsAwaitingApprovalDocument } from '../gql/graphql.js';
import ApprovalsPage from './ApprovalsPage.vue';

const REGISTRATION_ID = 'UmVnaXN0cmF0aW9uOjE';
const routes = [{ path: '/training/approvals', component: ApprovalsPage }];

function pending(count: number): MockedResponse {
  return {
    request: { query: RegistrationsAwaitingApprovalDocument, variables: { first: 20, after: null } },
    result: {
      data: {
        registrationsAwaitingApproval: {
          __typename: 'RegistrationConnection',
          totalCount: count,
          pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
          edges: Array.from({ length: count }, () => ({
            __typename: 'RegistrationEdge',
            node: {
              __typename: 'Registration',
              id: REGISTRATION_ID,
              registeredAt: '2026-11-30T08:15:00Z',
              person: {
                __typename: 'Person',
                id: 'UGVyc29uOjE',
                name: 'Karin Holm',
                homeOrganisation: { __typename: 'Organisation', id: 'T3JnOjE', name: 'Boxholms kommun' },
              },
              offering: {
                __typename: 'Cohort',
                id: 'Q29ob3J0OjE',
                name: 'Omgång 3',
                programme: { __typename: 'Programme', id: 'UHJvZ3JhbW1lOjE', name: 'Ledarutbildning' },
              },
            },
          })),
        },
      },
    },
  };
}

function rejectAnswer(reason: string, errors: { field: string | null; code: string }[] = []): MockedResponse {
  return {
    request: { query: RegistrationRejectDocument, variables: { input: { id: REGISTRATION_ID, reason } } },
    result: {
      data: {
        registrationReject: {
          __typename: 'RegistrationPayload',
          registration: errors.length
            ? null
            : { __typename: 'Registration', id: REGISTRATION_ID, status: 'REJECTED', rejectionReason: reason },
          errors: errors.map((error) => ({ __typename: 'UserError', message: 'from the API', ...error })),
        },
      },
    },
  };
}

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');

describe('the approvals page', () => {
  it('lists what waits, in Swedish time, and rejects with a reason the API gets, announcing it', async () => {
    const reason = 'Platserna är vikta för chefer som inte har gått utbildningen.';
    const { wrapper } = await mountInPortal(ApprovalsPage, {
      routes,
      at: '/training/approvals',
      mocks: [pending(1), rejectAnswer(reason), pending(0)],
    });
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(1);
    expect(wrapper.find('tbody tr').text()).toContain('Karin Holm');
    expect(wrapper.find('tbody tr').text()).toContain('Ledarutbildning: Omgång 3');
    expect(wrapper.find('tbody tr').text()).toContain('2026-11-30 09:15');
    expect(document.title).toBe('Att godkänna – Evikomp');

    await wrapper.find('[data-test="reject"]').trigger('click');
    await flushPromises();
    expect(dialog()?.textContent).toContain('Avslå anmälan från Karin Holm');
    // Without a reason nothing is sent; the reason field says why.
    dialog()!.querySelector<HTMLButtonElement>('[data-test="reject-submit"]')!.click();
    await flushPromises();
    expect(document.getElementById('reject-reason-error')?.textContent).toBe('Skriv ett skäl, högst 500 tecken.');
    expect(document.activeElement?.id).toBe('reject-reason');

    const textarea = document.getElementById('reject-reason') as HTMLTextAreaElement;
    textarea.value = `  ${reason} `;
    textarea.dispatchEvent(new Event('input'));
    dialog()!.querySelector<HTMLButtonElement>('[data-test="reject-submit"]')!.click();
    await expect
      .poll(() => wrapper.find('[data-test="approvals-status"]').text())
      .toBe(`Anmälan från Karin Holm avslogs med skälet: ${reason}`);
    await expect.poll(() => wrapper.text()).toContain('Inga anmälningar väntar på godkännande.');
    expect(dialog()).toBeNull();
    wrapper.unmount();
  });

  it("keeps the dialog open with the API's error on the reason when the API refuses", async () => {
    const { wrapper } = await mountInPortal(ApprovalsPage, {
      routes,
      at: '/training/approvals',
      mocks: [pending(1), rejectAnswer('Fel skäl', [{ field: 'reason', code: 'INVALID' }])],
    });
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(1);
    await wrapper.find('[data-test="reject"]').trigger('click');
    await flushPromises();
    const textarea = document.getElementById('reject-reason') as HTMLTextAreaElement;
    textarea.value = 'Fel skäl';
    textarea.dispatchEvent(new Event('input'));
    dialog()!.querySelector<HTMLButtonElement>('[data-test="reject-submit"]')!.click();
    await expect.poll(() => document.getElementById('reject-reason-error')?.textContent).toBe('Skriv ett skäl, högst 500 tecken.');
    expect(dialog()).not.toBeNull();
    wrapper.unmount();
  });
});
