import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { AccountDeactivateDocument, AccountInviteDocument, type AccountFieldsFragment } from '../../gql/graphql.js';
import AccountSection from './AccountSection.vue';

type Account = NonNullable<AccountFieldsFragment['account']> & { __typename?: 'Account' };
const account = (state: Account['state'], extra: Partial<Account> = {}): Account => ({
  __typename: 'Account',
  state,
  invitedAt: null,
  invitationExpiresAt: null,
  activatedAt: null,
  lastSignInAt: null,
  deactivatedAt: null,
  lockedUntil: null,
  manageable: true,
  ...extra,
});
const person = (value: Account | null) => ({
  __typename: 'Person' as const,
  id: 'p-1',
  name: 'Sara Ek',
  email: 'sara.ek@kinda.se',
  account: value,
});
const payload = (name: string, value: Account | null, errors: { field: string | null; message: string; code: string }[] = []) => ({
  data: {
    [name]: {
      __typename: 'AccountPayload',
      person: value ? person(value) : null,
      errors: errors.map((error) => ({ __typename: 'UserError', ...error })),
    },
  },
});
const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');
const state = (wrapper: { find: (selector: string) => { text: () => string } }) => wrapper.find('[data-test="account-state"]').text();

describe("a person's account", () => {
  it('says the state in words, in Swedish time', async () => {
    const cases: [Account, string][] = [
      [account('NONE'), 'Inget konto: personen kan inte logga in.'],
      [
        account('INVITED', { invitedAt: '2026-12-01T09:00:00.000Z', invitationExpiresAt: '2026-12-08T09:00:00.000Z' }),
        'Inbjuden 2026-12-01 10:00. Länken i e-postmeddelandet gäller till 2026-12-08 10:00.',
      ],
      [account('ACTIVE', { activatedAt: '2026-06-01T08:00:00.000Z' }), 'Aktivt sedan 2026-06-01 10:00.'],
      [
        account('DEACTIVATED', { deactivatedAt: '2026-12-01T09:30:00.000Z' }),
        'Avstängt sedan 2026-12-01 10:30: personen kan inte logga in.',
      ],
    ];
    for (const [value, text] of cases) {
      const { wrapper } = await mountInPortal(AccountSection, { props: { person: person(value) } });
      expect(state(wrapper)).toBe(text);
      wrapper.unmount();
    }
    const locked = await mountInPortal(AccountSection, {
      props: { person: person(account('ACTIVE', { activatedAt: '2026-06-01T08:00:00.000Z', lockedUntil: '2026-12-01T11:00:00.000Z' })) },
    });
    expect(locked.wrapper.find('[data-test="account-locked"]').text()).toContain(
      'Låst till 2026-12-01 12:00 efter många misslyckade inloggningar.',
    );
    locked.wrapper.unmount();
    const hidden = await mountInPortal(AccountSection, { props: { person: person(null) } });
    expect(state(hidden.wrapper)).toBe('Visas inte för dig.');
    expect(hidden.wrapper.findAll('button')).toHaveLength(0);
    hidden.wrapper.unmount();
  });

  it('offers only what the API allows the viewer: each state its own action, nothing when not manageable', async () => {
    const buttons = async (value: Account) => {
      const { wrapper } = await mountInPortal(AccountSection, { props: { person: person(value) } });
      const tests = wrapper.findAll('button').map((button) => button.attributes('data-test'));
      wrapper.unmount();
      return tests;
    };
    expect(await buttons(account('NONE'))).toEqual(['account-invite']);
    expect(await buttons(account('INVITED'))).toEqual(['account-invite']);
    expect(await buttons(account('ACTIVE'))).toEqual(['account-deactivate']);
    expect(await buttons(account('DEACTIVATED'))).toEqual(['account-reactivate']);
    expect(await buttons(account('ACTIVE', { manageable: false }))).toEqual([]);
  });

  it('invites, announcing it, and shows a refusal in the section', async () => {
    const refused: MockedResponse = {
      request: { query: AccountInviteDocument, variables: { input: { personId: 'p-1' } } },
      result: payload('accountInvite', null, [{ field: 'personId', message: 'You may manage …', code: 'FORBIDDEN' }]),
    };
    const first = await mountInPortal(AccountSection, { props: { person: person(account('NONE')) }, mocks: [refused] });
    await first.wrapper.find('[data-test="account-invite"]').trigger('click');
    await expect.poll(() => first.wrapper.find('[data-test="account-error"]').exists()).toBe(true);
    expect(first.wrapper.find('[data-test="account-error"]').text()).toBe('Du får inte ändra den här personens konto.');
    expect(first.wrapper.find('[data-test="account-error"]').attributes('role')).toBe('alert');
    expect(first.wrapper.emitted('changed')).toHaveLength(1);
    first.wrapper.unmount();

    const invited: MockedResponse = {
      request: { query: AccountInviteDocument, variables: { input: { personId: 'p-1' } } },
      result: payload(
        'accountInvite',
        account('INVITED', { invitedAt: '2026-12-01T09:00:00.000Z', invitationExpiresAt: '2026-12-08T09:00:00.000Z' }),
      ),
    };
    const { wrapper, toasts } = await mountInPortal(AccountSection, { props: { person: person(account('NONE')) }, mocks: [invited] });
    await wrapper.find('[data-test="account-invite"]').trigger('click');
    await expect
      .poll(() => toasts.items.map((toast) => toast.text))
      .toEqual(['En inbjudan har skickats till Sara Ek. Länken gäller till 2026-12-08 10:00.']);
    wrapper.unmount();
  });

  it('deactivates only after a dialog naming the person; cancelling sends nothing', async () => {
    const deactivated: MockedResponse = {
      request: { query: AccountDeactivateDocument, variables: { input: { personId: 'p-1' } } },
      result: payload('accountDeactivate', account('DEACTIVATED', { deactivatedAt: '2026-12-01T09:30:00.000Z' })),
    };
    const { wrapper, toasts, unexpected } = await mountInPortal(AccountSection, {
      props: { person: person(account('ACTIVE')) },
      mocks: [deactivated],
    });
    await wrapper.find('[data-test="account-deactivate"]').trigger('click');
    await flushPromises();
    expect(dialog()?.textContent).toContain('Sara Ek loggas ut och kan inte logga in förrän kontot aktiveras igen.');
    dialog()!.querySelector<HTMLButtonElement>('[data-test="account-deactivate-cancel"]')!.click();
    await flushPromises();
    expect(toasts.items).toEqual([]);
    expect(unexpected).toEqual([]);

    await wrapper.find('[data-test="account-deactivate"]').trigger('click');
    await flushPromises();
    const confirm = dialog()!.querySelector<HTMLButtonElement>('[data-test="account-deactivate-confirm"]')!;
    expect(confirm.textContent).toContain('Ja, stäng av kontot för Sara Ek');
    confirm.click();
    await expect.poll(() => toasts.items.map((toast) => toast.text)).toEqual(['Kontot för Sara Ek är avstängt.']);
    wrapper.unmount();
  });
});
