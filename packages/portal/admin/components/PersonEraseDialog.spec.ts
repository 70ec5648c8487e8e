import { describe, expect, it } from 'vitest';
import { h, ref } from 'vue';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { PersonEraseDocument } from '../gql/graphql.js';
import { payload } from '../testing/mocks.js';
import PersonEraseDialog from './PersonEraseDialog.vue';

const PERSON = 'UGVyc29uOjE';
const input = { input: { id: PERSON, confirm: true } };

function type(text: string) {
  const field = document.querySelector<HTMLInputElement>('#person-erase-confirm')!;
  field.value = text;
  field.dispatchEvent(new Event('input'));
}
const submit = () => document.querySelector<HTMLButtonElement>('[data-test="person-erase-submit"]')!;

describe('erasing a person', () => {
  it('says what is erased, erases only once the name is typed, and shows why the API refused', async () => {
    const visible = ref(true);
    let erased = 0;
    const { wrapper } = await mountInPortal(
      {
        render: () =>
          h(PersonEraseDialog, {
            personId: PERSON,
            name: 'Eva Berg',
            visible: visible.value,
            'onUpdate:visible': (value: boolean) => (visible.value = value),
            onErased: () => (erased += 1),
          }),
      },
      {
        mocks: [
          payload(PersonEraseDocument, input, 'personErase', { person: null }, [
            { field: 'id', code: 'CONFLICT', message: 'You cannot erase yourself.' },
          ]),
          payload(PersonEraseDocument, input, 'personErase', {
            person: { __typename: 'Person', id: PERSON, name: 'Raderad person', erasedAt: '2026-12-01T10:00:00.000Z' },
          }),
        ],
      },
    );
    await expect.poll(() => document.querySelector('[role="dialog"]')?.textContent).toContain('raderas för gott');
    expect(document.querySelector('[role="dialog"]')?.textContent).toContain('inloggningen');
    expect(submit().disabled).toBe(true);
    type('Eva');
    await expect.poll(() => submit().disabled).toBe(true);
    type('eva berg');
    await expect.poll(() => submit().disabled).toBe(false);

    submit().click();
    await expect
      .poll(() => document.querySelector('[role="dialog"] [role="alert"]')?.textContent)
      .toContain('du kan inte radera dig själv');
    expect(erased).toBe(0);
    submit().click();
    await expect.poll(() => erased).toBe(1);
    expect(visible.value).toBe(false);
    wrapper.unmount();
  });
});
