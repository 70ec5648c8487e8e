import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { PersonIdentityNumberDocument } from '../../gql/graphql.js';
import IdentityNumberDetail from './IdentityNumberDetail.vue';

const answer = (identityNumber: string | null): MockedResponse => ({
  request: { query: PersonIdentityNumberDocument, variables: { id: 'p-1' } },
  result: { data: { person: { __typename: 'Person', id: 'p-1', identityNumber } } },
});

describe('the personal identity number on the person page', () => {
  it('is masked until the administrator presses Visa, and hidden again with Dölj', async () => {
    const { wrapper } = await mountInPortal(IdentityNumberDetail, { props: { personId: 'p-1' }, mocks: [answer('19811218-9876')] });
    await flushPromises();
    const shown = () => wrapper.find('[data-test="identity-number"]').text();
    expect(shown()).toContain('19811218-****');
    expect(shown()).not.toContain('9876');
    const toggle = wrapper.find('[data-test="identity-number-toggle"]');
    expect(toggle.attributes('aria-label')).toBe('Visa personnumret');
    await toggle.trigger('click');
    expect(shown()).toContain('19811218-9876');
    expect(toggle.text()).toBe('Dölj');
    await toggle.trigger('click');
    expect(shown()).not.toContain('9876');
    wrapper.unmount();
  });

  it('says when none is recorded', async () => {
    const { wrapper } = await mountInPortal(IdentityNumberDetail, { props: { personId: 'p-1' }, mocks: [answer(null)], language: 'en' });
    await flushPromises();
    expect(wrapper.find('[data-test="identity-number"]').text()).toBe('None recorded');
    wrapper.unmount();
  });
});
