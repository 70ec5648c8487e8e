import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { AccountInviteManyDocument } from '../../gql/graphql.js';
import InviteAllButton from './InviteAllButton.vue';

const outcomes = ['INVITED', 'INVITED', 'ALREADY_HAS_ACCOUNT', 'NO_EMAIL_ADDRESS'];
const answer = (dryRun: boolean): MockedResponse => ({
  request: { query: AccountInviteManyDocument, variables: { input: { organisationId: 'org-kinda', dryRun } } },
  result: {
    data: {
      accountInviteMany: {
        __typename: 'AccountInviteManyPayload',
        invitedCount: 2,
        results: outcomes.map((outcome, index) => ({ __typename: 'AccountInvitationResult', personId: `p-${index}`, outcome })),
        errors: [],
      },
    },
  },
});
const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');

describe('inviting everyone without an account', () => {
  it('says how many first (a dry run), sends only when confirmed, and reports the outcome', async () => {
    const { wrapper, toasts, unexpected } = await mountInPortal(InviteAllButton, {
      props: { selection: { organisationId: 'org-kinda' } },
      mocks: [answer(true), answer(false)],
    });
    await wrapper.find('[data-test="invite-all"]').trigger('click');
    await expect
      .poll(() => dialog()?.querySelector('[data-test="invite-all-text"]')?.textContent?.trim())
      .toBe(
        'Av organisationens 4 personer får 2 en inbjudan med e-post. 1 har redan konto, 1 saknar e-postadress och 0 kan du inte bjuda in.',
      );
    expect(toasts.items).toEqual([]);
    dialog()!.querySelector<HTMLButtonElement>('[data-test="invite-all-confirm"]')!.click();
    await expect.poll(() => toasts.items.map((toast) => toast.text)).toEqual(['2 inbjudningar har skickats.']);
    await flushPromises();
    expect(wrapper.find('[data-test="invite-all-report"]').text()).toBe(
      'Senaste utskicket: 2 inbjudna, 1 hade redan konto, 1 saknar e-postadress, 0 fick du inte bjuda in.',
    );
    expect(wrapper.find('[data-test="invite-all-report"]').attributes('role')).toBe('status');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
