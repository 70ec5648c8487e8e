import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { ProgrammeCreateDocument, ProgrammeDocument, ProgrammeUpdateDocument } from '../gql/graphql.js';
import ProgrammeFormPage from './ProgrammeFormPage.vue';

const PROGRAMME_ID = 'UHJvZ3JhbW1lOjE';
const routes = [
  { path: '/training/programmes/new', name: 'training-programme-new', component: ProgrammeFormPage },
  { path: '/training/programmes/:programmeId/edit', name: 'training-programme-edit', component: ProgrammeFormPage, props: true },
  { path: '/training/programmes/:programmeId', name: 'training-programme', component: { render: () => null } },
  { path: '/training/programmes', name: 'training-programmes', component: { render: () => null } },
];
const programme = (fields: Record<string, unknown> = {}) => ({
  __typename: 'Programme',
  id: PROGRAMME_ID,
  name: 'Ledarutbildning',
  description: 'För chefer',
  completionThresholdPercent: 80,
  ...fields,
});
const errors = (list: { field: string | null; code: string; message: string }[]) =>
  list.map((error) => ({ __typename: 'UserError', ...error }));

async function submit(wrapper: Awaited<ReturnType<typeof mountInPortal>>['wrapper']) {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
  await expect.poll(() => wrapper.find('[data-test="programme-save"]').attributes('disabled')).toBeUndefined();
  await flushPromises();
}

describe('the programme form', () => {
  it("checks the API's rules in the browser first, on each field, and sends nothing", async () => {
    const { wrapper, unexpected } = await mountInPortal(ProgrammeFormPage, { routes, at: '/training/programmes/new' });
    await wrapper.find('#programme-name').setValue('   ');
    await wrapper.find('#programme-threshold').setValue('101');
    await wrapper.find('#programme-description').setValue('x'.repeat(5001));
    await submit(wrapper);
    expect(wrapper.find('#programme-name-error').text()).toBe('Ange ett namn, högst 200 tecken.');
    expect(wrapper.find('#programme-threshold-error').text()).toBe('Ange ett heltal från 1 till 100.');
    expect(wrapper.find('#programme-description-error').text()).toBe('Beskrivningen får vara högst 5 000 tecken.');
    expect(wrapper.find('#programme-name').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#programme-name').attributes('aria-describedby')).toContain('programme-name-error');
    expect(document.activeElement?.id).toBe('programme-name');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("puts the API's typed errors on the field they name, and those naming none on the form", async () => {
    const { wrapper } = await mountInPortal(ProgrammeFormPage, {
      routes,
      at: '/training/programmes/new',
      mocks: [
        {
          request: {
            query: ProgrammeCreateDocument,
            variables: { input: { name: 'Ledarutbildning', description: null, completionThresholdPercent: 80 } },
          },
          result: {
            data: {
              programmeCreate: {
                __typename: 'ProgrammePayload',
                programme: null,
                errors: errors([
                  { field: 'name', code: 'INVALID', message: 'Contains a character that is not allowed.' },
                  { field: null, code: 'FORBIDDEN', message: 'Only administrators run programmes and cohorts.' },
                ]),
              },
            },
          },
        },
      ],
    });
    await wrapper.find('#programme-name').setValue('Ledarutbildning');
    await submit(wrapper);
    expect(wrapper.find('#programme-name-error').text()).toBe('Ange ett namn, högst 200 tecken.');
    expect(wrapper.find('[data-form-error]').text()).toBe('Du får inte göra den här ändringen.');
    wrapper.unmount();
  });

  it('edits a programme: filled in from the API, saved, then shows the programme', async () => {
    const mocks: MockedResponse[] = [
      { request: { query: ProgrammeDocument, variables: { id: PROGRAMME_ID } }, result: { data: { node: programme() } } },
      {
        request: {
          query: ProgrammeUpdateDocument,
          variables: {
            input: {
              id: PROGRAMME_ID,
              name: 'Ledarutbildning i arbetsplatslärande',
              description: 'För chefer',
              completionThresholdPercent: 75,
            },
          },
        },
        result: {
          data: {
            programmeUpdate: {
              __typename: 'ProgrammePayload',
              programme: programme({ name: 'Ledarutbildning i arbetsplatslärande', completionThresholdPercent: 75 }),
              errors: [],
            },
          },
        },
      },
    ];
    const { wrapper, router, toasts } = await mountInPortal(ProgrammeFormPage, {
      routes,
      at: `/training/programmes/${PROGRAMME_ID}/edit`,
      props: { programmeId: PROGRAMME_ID },
      mocks,
    });
    await expect.poll(() => (wrapper.find('#programme-name').element as HTMLInputElement | undefined)?.value).toBe('Ledarutbildning');
    expect(wrapper.find('#programme-threshold-hint').text()).toContain('räknas genomförandena om');
    await wrapper.find('#programme-name').setValue('Ledarutbildning i arbetsplatslärande');
    await wrapper.find('#programme-threshold').setValue('75');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.name).toBe('training-programme');
    expect(toasts.items.map((toast) => toast.text)).toEqual(['Programmet Ledarutbildning i arbetsplatslärande sparades.']);
    wrapper.unmount();
  });
});
