import { describe, expect, it } from 'vitest';
import { mountInPortal } from '../testing/mount-in-portal.js';
import EmptyState from './EmptyState.vue';
import ErrorState from './ErrorState.vue';
import LoadingState from './LoadingState.vue';

describe('loading, empty and error states', () => {
  it('announces loading politely, in the chosen language', async () => {
    const sv = await mountInPortal(LoadingState);
    expect(sv.wrapper.attributes('role')).toBe('status');
    expect(sv.wrapper.attributes('aria-live')).toBe('polite');
    expect(sv.wrapper.text()).toBe('Laddar …');
    const en = await mountInPortal(LoadingState, { language: 'en' });
    expect(en.wrapper.text()).toBe('Loading …');
  });

  it('says when there is nothing to show, with its own text when given', async () => {
    expect((await mountInPortal(EmptyState)).wrapper.text()).toBe('Inget att visa.');
    expect((await mountInPortal(EmptyState, { props: { text: 'Inga organisationer matchar sökningen.' } })).wrapper.text()).toBe(
      'Inga organisationer matchar sökningen.',
    );
  });

  it('reports an error as an alert and offers to try again when it can', async () => {
    const { wrapper } = await mountInPortal(ErrorState, { props: { retryable: true } });
    expect(wrapper.attributes('role')).toBe('alert');
    expect(wrapper.text()).toContain('Något gick fel');
    await wrapper.find('button').trigger('click');
    expect(wrapper.emitted('retry')).toHaveLength(1);
    const plain = await mountInPortal(ErrorState);
    expect(plain.wrapper.find('button').exists()).toBe(false);
  });
});
