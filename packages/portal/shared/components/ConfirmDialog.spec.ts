import { h, ref } from 'vue';
import { describe, expect, it } from 'vitest';
import { flushPromises, mountInPortal } from '../testing/mount-in-portal.js';
import ConfirmDialog from './ConfirmDialog.vue';

function mountDialog(error: string | null = null) {
  const visible = ref(true);
  const confirmed: number[] = [];
  return mountInPortal({
    render: () =>
      h(ConfirmDialog, {
        header: 'Ställa in omgången?',
        text: 'Deltagarna får ett e-postmeddelande.',
        confirmLabel: 'Ställ in omgången',
        cancelLabel: 'Nej, behåll',
        tone: 'danger',
        error,
        visible: visible.value,
        'onUpdate:visible': (value: boolean) => (visible.value = value),
        onConfirm: () => confirmed.push(1),
      }),
  }).then((mounted) => ({ ...mounted, visible, confirmed }));
}

describe('ConfirmDialog', () => {
  it('asks in a labelled dialog and confirms only with its confirm button', async () => {
    const { wrapper, visible, confirmed } = await mountDialog();
    await flushPromises();
    const dialog = document.body.querySelector('[role="dialog"]')!;
    expect(document.getElementById(dialog.getAttribute('aria-labelledby')!)?.textContent).toBe('Ställa in omgången?');
    expect(dialog.textContent).toContain('Deltagarna får ett e-postmeddelande.');
    expect(dialog.querySelector('[role="alert"]')).toBeNull();
    const confirm = dialog.querySelector<HTMLButtonElement>('[data-test="confirm"]')!;
    expect(confirm.textContent?.trim()).toBe('Ställ in omgången');
    expect(confirm.classList.contains('ek-button--danger')).toBe(true);
    confirm.click();
    expect(confirmed).toHaveLength(1);

    const cancel = dialog.querySelector<HTMLButtonElement>('[data-test="confirm-cancel"]')!;
    expect(cancel.textContent).toBe('Nej, behåll');
    cancel.click();
    await flushPromises();
    expect(visible.value).toBe(false);
    expect(confirmed).toHaveLength(1);
    wrapper.unmount();
  });

  it("shows the API's refusal as an alert in the dialog", async () => {
    const { wrapper } = await mountDialog('Registreringen finns inte längre.');
    await flushPromises();
    expect(document.body.querySelector('[role="dialog"] [role="alert"]')?.textContent).toBe('Registreringen finns inte längre.');
    wrapper.unmount();
  });
});
