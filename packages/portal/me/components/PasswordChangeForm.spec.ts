import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { PasswordChangeDocument } from '../gql/graphql.js';
import PasswordChangeForm from './PasswordChangeForm.vue';

function answer(currentPassword: string, newPassword: string, errors: { field: string | null; code: string; message: string }[] = []) {
  return {
    request: { query: PasswordChangeDocument, variables: { input: { currentPassword, newPassword } } },
    result: {
      data: {
        passwordChange: {
          __typename: 'AuthPayload',
          ok: errors.length === 0,
          errors: errors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  } satisfies MockedResponse;
}

async function mountForm(options: { mocks?: MockedResponse[]; language?: 'sv' | 'en' } = {}) {
  const mounted = await mountInPortal(PasswordChangeForm, options);
  const { wrapper } = mounted;
  const submit = async (current: string, next: string, repeat = next) => {
    await wrapper.find('#password-current').setValue(current);
    await wrapper.find('#password-new').setValue(next);
    await wrapper.find('#password-repeat').setValue(repeat);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await expect.poll(() => wrapper.find('[data-test="password-submit"]').attributes('disabled')).toBeUndefined();
    await flushPromises();
  };
  return { ...mounted, submit };
}

describe('the password form', () => {
  it('checks every field as the API does, on its own field, and sends nothing', async () => {
    const { wrapper, submit, unexpected } = await mountForm();
    await submit('', 'kort', 'annat');
    expect(wrapper.find('#password-current-error').text()).toBe('Skriv ditt nuvarande lösenord.');
    expect(wrapper.find('#password-new-error').text()).toBe('Det nya lösenordet måste ha minst 10 tecken.');
    expect(wrapper.find('#password-repeat-error').text()).toBe('Lösenorden är inte likadana.');
    expect(wrapper.find('#password-new').attributes('aria-describedby')).toBe('password-new-hint password-new-error');
    expect(document.activeElement?.id).toBe('password-current');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("puts the API's wrong current password on the current-password field", async () => {
    const { wrapper, submit } = await mountForm({
      mocks: [answer('fel-lösenord', 'ett-nytt-lösenord', [{ field: 'currentPassword', code: 'INVALID_CREDENTIALS', message: 'wrong' }])],
    });
    await submit('fel-lösenord', 'ett-nytt-lösenord');
    await expect.poll(() => wrapper.find('#password-current-error').exists()).toBe(true);
    expect(wrapper.find('#password-current-error').text()).toBe('Det nuvarande lösenordet är fel.');
    expect(wrapper.find('#password-current').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#password-new-error').exists()).toBe(false);
    expect(wrapper.find('[data-test="password-status"]').text()).toBe('');
    wrapper.unmount();
  });

  it('puts a refused new password on the new-password field, in English when chosen', async () => {
    const { wrapper, submit } = await mountForm({
      language: 'en',
      mocks: [answer('evikomp-demo', 'evikomp-demo', [{ field: 'newPassword', code: 'INVALID', message: 'Choose another' }])],
    });
    await submit('evikomp-demo', 'evikomp-demo');
    await expect.poll(() => wrapper.find('#password-new-error').exists()).toBe(true);
    expect(wrapper.find('#password-new-error').text()).toBe('Choose a password other than the current one.');
    expect(wrapper.find('label[for="password-current"]').text()).toContain('Current password');
    wrapper.unmount();
  });

  it('changes the password, clears the fields and says so in a live region', async () => {
    const { wrapper, submit } = await mountForm({ mocks: [answer('evikomp-demo', 'ett-nytt-långt-lösenord')] });
    await submit('evikomp-demo', 'ett-nytt-långt-lösenord');
    await expect
      .poll(() => wrapper.find('[data-test="password-status"]').text())
      .toBe('Ditt lösenord är bytt. Dina andra inloggningar har avslutats.');
    expect(wrapper.find('[data-test="password-status"]').attributes('aria-live')).toBe('polite');
    expect((wrapper.find('#password-new').element as HTMLInputElement).value).toBe('');
    expect(wrapper.find('.ek-field__error').exists()).toBe(false);
    wrapper.unmount();
  });
});
