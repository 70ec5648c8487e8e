import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { AccountInvitationAcceptDocument, AccountInvitationDocument, PasswordResetDocument } from '../../gql/graphql.js';
import { shellMessages } from '../../i18n/messages.js';
import AcceptInvitationPage from './AcceptInvitationPage.vue';
import ResetPasswordPage from './ResetPasswordPage.vue';

const TOKEN = 'a'.repeat(43);
const routes = (path: string, component: unknown) => [{ path, component: component as never }];
const errors = (list: { field: string | null; code: string; message: string }[]) =>
  list.map((error) => ({ __typename: 'UserError', ...error }));

function invitation(found: boolean): MockedResponse {
  return {
    request: { query: AccountInvitationDocument, variables: { token: TOKEN } },
    result: {
      data: {
        accountInvitation: found
          ? { __typename: 'AccountInvitation', firstName: 'Eva', email: 'eva@example.se', expiresAt: '2026-12-08T16:00:00.000Z' }
          : null,
      },
    },
  };
}

async function fill(wrapper: Awaited<ReturnType<typeof mountInPortal>>['wrapper'], password: string, confirm: string) {
  await wrapper.find('#new-password').setValue(password);
  await wrapper.find('#new-password-confirm').setValue(confirm);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
  await flushPromises();
}

describe('the invitation page', () => {
  it('says plainly when the link does not work', async () => {
    const { wrapper } = await mountInPortal(AcceptInvitationPage, {
      messages: shellMessages,
      mocks: [invitation(false)],
      at: `/invitation/${TOKEN}`,
      routes: routes('/invitation/:token', AcceptInvitationPage),
    });
    await expect.poll(() => wrapper.find('[data-test="invitation-invalid"]').exists()).toBe(true);
    expect(wrapper.find('h1').text()).toBe('Länken fungerar inte');
    wrapper.unmount();
  });

  it('checks the password on its fields, then activates the account', async () => {
    const accept: MockedResponse = {
      request: { query: AccountInvitationAcceptDocument, variables: { input: { token: TOKEN, password: 'ett-bra-lösenord' } } },
      result: { data: { accountInvitationAccept: { __typename: 'AccountActivationPayload', ok: true, errors: [] } } },
    };
    const { wrapper, unexpected } = await mountInPortal(AcceptInvitationPage, {
      messages: shellMessages,
      mocks: [invitation(true), accept],
      at: `/invitation/${TOKEN}`,
      routes: routes('/invitation/:token', AcceptInvitationPage),
    });
    await expect.poll(() => wrapper.find('[data-test="invitation-form"]').exists()).toBe(true);
    expect(wrapper.text()).toContain('Välkommen, Eva!');
    expect(wrapper.text()).toContain('Länken gäller till 8 december 2026 kl. 17:00.');
    expect((wrapper.find('#invitation-email').element as HTMLInputElement).value).toBe('eva@example.se');

    await fill(wrapper, 'kort', 'kort');
    expect(wrapper.find('#new-password-error').text()).toBe('Lösenordet behöver vara minst 10 tecken.');
    expect(document.activeElement?.id).toBe('new-password');
    await fill(wrapper, 'ett-bra-lösenord', 'ett-annat');
    expect(wrapper.find('#new-password-error').exists()).toBe(false);
    expect(wrapper.find('#new-password-confirm-error').text()).toBe('Lösenorden är inte lika. Skriv samma lösenord två gånger.');
    expect(unexpected).toEqual([]);

    await fill(wrapper, 'ett-bra-lösenord', 'ett-bra-lösenord');
    await expect.poll(() => wrapper.find('[data-test="to-sign-in"]').exists()).toBe(true);
    expect(wrapper.find('[role="status"]').text()).toBe('Du kan nu logga in med din e-postadress och lösenordet du valde.');
    wrapper.unmount();
  });
});

describe('the reset page', () => {
  it('shows a used or expired link for the form, with a way to ask for a new one, in English', async () => {
    const reset: MockedResponse = {
      request: { query: PasswordResetDocument, variables: { input: { token: TOKEN, newPassword: 'ett-bra-lösenord' } } },
      result: {
        data: {
          passwordReset: {
            __typename: 'AuthPayload',
            ok: false,
            errors: errors([{ field: 'token', code: 'INVALID_TOKEN', message: 'The link is unknown, already used or expired.' }]),
          },
        },
      },
    };
    const { wrapper } = await mountInPortal(ResetPasswordPage, {
      language: 'en',
      messages: shellMessages,
      mocks: [reset],
      at: `/reset-password/${TOKEN}`,
      routes: [...routes('/reset-password/:token', ResetPasswordPage), ...routes('/forgot-password', { render: () => null })],
    });
    await fill(wrapper, 'ett-bra-lösenord', 'ett-bra-lösenord');
    await expect.poll(() => wrapper.find('[data-test="form-error"]').exists()).toBe(true);
    const alert = wrapper.find('[data-test="form-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain('The link has been used, replaced by a newer one, or has expired.');
    expect(alert.find('a').attributes('href')).toBe('/forgot-password');
    wrapper.unmount();
  });

  it("puts the API's password error on the password field", async () => {
    const reset: MockedResponse = {
      request: { query: PasswordResetDocument, variables: { input: { token: TOKEN, newPassword: 'ett-bra-lösenord' } } },
      result: {
        data: {
          passwordReset: {
            __typename: 'AuthPayload',
            ok: false,
            errors: errors([{ field: 'newPassword', code: 'INVALID', message: 'Must be at most 256 characters.' }]),
          },
        },
      },
    };
    const { wrapper } = await mountInPortal(ResetPasswordPage, {
      messages: shellMessages,
      mocks: [reset],
      at: `/reset-password/${TOKEN}`,
      routes: routes('/reset-password/:token', ResetPasswordPage),
    });
    await fill(wrapper, 'ett-bra-lösenord', 'ett-bra-lösenord');
    await expect.poll(() => wrapper.find('#new-password-error').exists()).toBe(true);
    expect(wrapper.find('#new-password-error').text()).toBe('Must be at most 256 characters.');
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);
    wrapper.unmount();
  });
});
