import { h, ref } from 'vue';
import { describe, expect, it } from 'vitest';
import { flushPromises, mountInPortal } from '../testing/mount-in-portal.js';
import PortalDialog from './PortalDialog.vue';

describe('PortalDialog', () => {
  it('opens as a labelled modal dialog styled by the portal stylesheet, without the PrimeVue theme', async () => {
    const visible = ref(true);
    const stylesBefore = document.head.querySelectorAll('style').length;
    const { wrapper } = await mountInPortal({
      render: () =>
        h(
          PortalDialog,
          { header: 'Ta bort organisationen?', visible: visible.value, 'onUpdate:visible': (value: boolean) => (visible.value = value) },
          { default: () => h('p', 'Det går inte att ångra.') },
        ),
    });
    await flushPromises();
    const dialog = document.body.querySelector('[role="dialog"]')!;
    expect(dialog).not.toBeNull();
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(dialog.classList.contains('ek-dialog')).toBe(true);
    const labelledBy = dialog.getAttribute('aria-labelledby')!;
    expect(document.getElementById(labelledBy)?.textContent).toBe('Ta bort organisationen?');
    expect(dialog.textContent).toContain('Det går inte att ångra.');
    // PrimeVue's one "base" <style> (blocked by the CSP in the browser; portal.css has its rules) and no theme.
    expect(
      [...document.head.querySelectorAll('style')].slice(stylesBefore).map((style) => style.getAttribute('data-primevue-style-id')),
    ).toEqual(['base']);

    const close = dialog.querySelector<HTMLButtonElement>('button[aria-label="Stäng"]')!;
    close.click();
    await flushPromises();
    expect(visible.value).toBe(false);
    wrapper.unmount();
  });
});
