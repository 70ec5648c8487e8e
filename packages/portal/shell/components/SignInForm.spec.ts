import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { SignInDocument } from '../gql/graphql.js';
import { shellMessages } from '../i18n/messages.js';
import { createSession, type Session } from '../composables/useSession.js';
import SignInForm from './SignInForm.vue';

const EMAIL = 'anna.lindqvist@linkoping.se';

function signInAnswer(
  password: string,
  answer: { me?: unknown; errors?: { field: string | null; code: string; message: string }[] },
  secondFactorCode?: string,
): MockedResponse {
  return {
    request: {
      query: SignInDocument,
      variables: { input: secondFactorCode ? { email: EMAIL, password, secondFactorCode } : { email: EMAIL, password } },
    },
    result: {
      data: {
        signIn: {
          __typename: 'SignInPayload',
          me: answer.me ?? null,
          secondFactorRequired: (answer.errors ?? []).some((error) => error.field === 'secondFactorCode'),
          errors: (answer.errors ?? []).map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

async function mountForm(options: { mocks?: MockedResponse[]; language?: 'sv' | 'en' } = {}) {
  let session!: Session;
  const mounted = await mountInPortal(SignInForm, {
    ...options,
    messages: shellMessages,
    provide: (client) => {
      session = createSession(client);
      return { 'evikomp:session': session };
    },
  });
  const { wrapper } = mounted;
  const submit = async (email: string, password: string) => {
    await wrapper.find('#sign-in-email').setValue(email);
    await wrapper.find('#sign-in-password').setValue(password);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    // Done when the button is usable again (the answer has been shown).
    await expect.poll(() => wrapper.find('[data-test="sign-in-submit"]').attributes('disabled')).toBeUndefined();
    await flushPromises();
  };
  return { ...mounted, submit, session: () => session };
}

describe('the sign-in form', () => {
  it('asks for both fields on their own fields and sends nothing while they are empty', async () => {
    const { wrapper, submit, unexpected } = await mountForm();
    await submit('', '');
    expect(wrapper.find('#sign-in-email-error').text()).toBe('Skriv din e-postadress.');
    expect(wrapper.find('#sign-in-password-error').text()).toBe('Skriv ditt lösenord.');
    expect(wrapper.find('#sign-in-email').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#sign-in-email').attributes('aria-describedby')).toBe('sign-in-email-error');
    expect(document.activeElement?.id).toBe('sign-in-email');
    expect(unexpected).toEqual([]); // no request reached the (empty) mock
    wrapper.unmount();
  });

  it('refuses an e-mail address without a domain, on the e-mail field only', async () => {
    const { wrapper, submit } = await mountForm();
    await submit('anna.lindqvist', 'evikomp-demo');
    expect(wrapper.find('#sign-in-email-error').text()).toBe('Skriv en e-postadress, till exempel namn@kommun.se.');
    expect(wrapper.find('#sign-in-password-error').exists()).toBe(false);
    wrapper.unmount();
  });

  it('shows INVALID_CREDENTIALS for the form as a whole, in Swedish', async () => {
    const { wrapper, submit } = await mountForm({
      mocks: [signInAnswer('fel', { errors: [{ field: null, code: 'INVALID_CREDENTIALS', message: 'Wrong e-mail or password' }] })],
    });
    await submit(EMAIL, 'fel');
    await expect.poll(() => wrapper.find('[data-test="form-error"]').exists()).toBe(true);
    const alert = wrapper.find('[data-test="form-error"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toBe('Fel e-postadress eller lösenord.');
    expect(wrapper.emitted('signed-in')).toBeUndefined();
    wrapper.unmount();
  });

  it('shows TOO_MANY_ATTEMPTS in English when English is chosen', async () => {
    const { wrapper, submit } = await mountForm({
      language: 'en',
      mocks: [signInAnswer('again', { errors: [{ field: null, code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts' }] })],
    });
    await submit(EMAIL, 'again');
    expect(wrapper.find('[data-test="form-error"]').text()).toBe('Too many failed attempts. Wait a while and try again.');
    expect(wrapper.find('label[for="sign-in-email"]').text()).toContain('E-mail address');
    wrapper.unmount();
  });

  it('puts an error the API names a field for on that field', async () => {
    const { wrapper, submit } = await mountForm({
      mocks: [signInAnswer('x', { errors: [{ field: 'password', code: 'INVALID', message: 'must be at most 200 characters' }] })],
    });
    await submit(EMAIL, 'x');
    expect(wrapper.find('#sign-in-password-error').text()).toBe('must be at most 200 characters');
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('signs in: the session holds the person and their roles', async () => {
    const me = {
      __typename: 'Person',
      id: 'UGVyc29uOjE',
      name: 'Anna Lindqvist',
      language: 'SV',
      roles: [{ __typename: 'RoleAssignment', id: 'Um9sZTox', role: 'ADMINISTRATOR' }],
    };
    const { wrapper, submit, session } = await mountForm({ mocks: [signInAnswer('evikomp-demo', { me })] });
    await submit(EMAIL, 'evikomp-demo');
    await expect.poll(() => wrapper.emitted('signed-in')?.length).toBe(1);
    expect(session().person?.name).toBe('Anna Lindqvist');
    expect(session().roles).toEqual(['ADMINISTRATOR']);
    wrapper.unmount();
  });

  it('asks for the second factor when the API says so, and sends the code with the password', async () => {
    const me = { __typename: 'Person', id: 'UGVyc29uOjE', name: 'Anna Lindqvist', roles: [] };
    const required = { field: 'secondFactorCode', code: 'SECOND_FACTOR_REQUIRED', message: 'code needed' };
    const wrong = { field: 'secondFactorCode', code: 'INVALID_SECOND_FACTOR', message: 'wrong code' };
    const { wrapper, submit } = await mountForm({
      mocks: [
        signInAnswer('evikomp-demo', { errors: [required] }),
        signInAnswer('evikomp-demo', { errors: [wrong] }, '000000'),
        signInAnswer('evikomp-demo', { me }, '123456'),
      ],
    });
    expect(wrapper.find('#sign-in-code').exists()).toBe(false);
    await submit(EMAIL, 'evikomp-demo');
    await expect.poll(() => wrapper.find('#sign-in-code').exists()).toBe(true);
    expect(wrapper.find('[data-test="code-asked"]').attributes('role')).toBe('status');
    expect(wrapper.find('[data-test="code-asked"]').text()).toBe(
      'Ditt konto har tvåstegsverifiering. Skriv koden från din autentiseringsapp och logga in igen.',
    );
    expect(wrapper.find('label[for="sign-in-code"]').text()).toContain('Kod från autentiseringsappen');
    expect(wrapper.find('#sign-in-code').attributes('autocomplete')).toBe('one-time-code');
    expect(document.activeElement?.id).toBe('sign-in-code');
    expect(wrapper.find('[data-test="form-error"]').exists()).toBe(false);

    // Empty: asked for on its own field, nothing sent.
    await submit(EMAIL, 'evikomp-demo');
    expect(wrapper.find('#sign-in-code-error').text()).toBe('Skriv koden från appen, eller en reservkod.');

    await wrapper.find('#sign-in-code').setValue('000000');
    await submit(EMAIL, 'evikomp-demo');
    await expect
      .poll(() => wrapper.find('#sign-in-code-error').text())
      .toBe('Fel kod, eller en kod som redan har använts. Skriv den senaste koden från appen.');
    expect(wrapper.find('#sign-in-code').attributes('aria-describedby')).toBe('sign-in-code-hint sign-in-code-error');

    await wrapper.find('#sign-in-code').setValue('123456');
    await submit(EMAIL, 'evikomp-demo');
    await expect.poll(() => wrapper.emitted('signed-in')?.length).toBe(1);
    wrapper.unmount();
  });
});
