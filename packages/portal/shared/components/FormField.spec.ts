import { h } from 'vue';
import { describe, expect, it } from 'vitest';
import { mountInPortal } from '../testing/mount-in-portal.js';
import FormField from './FormField.vue';

const input = {
  default: ({ id, describedBy, invalid }: { id: string; describedBy?: string; invalid: boolean }) =>
    h('input', { id, 'aria-describedby': describedBy, 'aria-invalid': invalid }),
};

describe('FormField', () => {
  it('labels its control and has no error to describe while valid', async () => {
    const mounted = await mountInPortal({ render: () => h(FormField, { id: 'email', label: 'E-postadress', required: true }, input) });
    expect(mounted.wrapper.find('label').attributes('for')).toBe('email');
    expect(mounted.wrapper.find('label').text()).toContain('E-postadress');
    expect(mounted.wrapper.find('input').attributes('aria-invalid')).toBe('false');
    expect(mounted.wrapper.find('input').attributes('aria-describedby')).toBeUndefined();
    expect(mounted.wrapper.find('.ek-field__error').exists()).toBe(false);
  });

  it('shows its error beside the control and ties it to the control for screen readers', async () => {
    const { wrapper } = await mountInPortal({
      render: () => h(FormField, { id: 'email', label: 'E-postadress', hint: 'Din jobbadress', error: 'Skriv din e-postadress.' }, input),
    });
    const control = wrapper.find('input');
    expect(control.attributes('aria-invalid')).toBe('true');
    expect(control.attributes('aria-describedby')).toBe('email-hint email-error');
    expect(wrapper.find('#email-error').text()).toBe('Skriv din e-postadress.');
    expect(wrapper.find('#email-hint').text()).toBe('Din jobbadress');
  });
});
