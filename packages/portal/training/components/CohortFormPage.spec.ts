import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { CohortDocument, CohortUpdateDocument, ProgrammeDocument } from '../gql/graphql.js';
import CohortFormPage from './CohortFormPage.vue';

const PROGRAMME_ID = 'UHJvZ3JhbW1lOjE';
const COHORT_ID = 'Q29ob3J0OjE';
const routes = [
  { path: '/training/programmes/:programmeId/cohorts/new', component: CohortFormPage, props: true },
  { path: '/training/cohorts/:cohortId/edit', component: CohortFormPage, props: true },
  { path: '/training/cohorts/:cohortId', name: 'training-cohort', component: { render: () => null } },
  { path: '/training/programmes/:programmeId', name: 'training-programme', component: { render: () => null } },
];
const programmeAnswer: MockedResponse = {
  request: { query: ProgrammeDocument, variables: { id: PROGRAMME_ID } },
  result: {
    data: {
      node: { __typename: 'Programme', id: PROGRAMME_ID, name: 'Ledarutbildning', description: null, completionThresholdPercent: 80 },
    },
  },
};
const cohort = {
  __typename: 'Cohort',
  id: COHORT_ID,
  name: 'Omgång 2',
  description: null,
  status: 'OPEN',
  capacity: 20,
  confirmedCount: 12,
  offeredCount: 0,
  waitlistCount: 0,
  registrationOpensAt: null,
  registrationClosesAt: null,
  audienceRoles: ['MANAGER'],
  promotionPolicy: 'OFFER',
  offerHoldHours: 48,
  requiresApproval: false,
  programme: { __typename: 'Programme', id: PROGRAMME_ID, name: 'Ledarutbildning' },
  sessions: [],
};

async function submit(wrapper: Awaited<ReturnType<typeof mountInPortal>>['wrapper']) {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
  await expect.poll(() => wrapper.find('[data-test="cohort-save"]').attributes('disabled')).toBeUndefined();
  await flushPromises();
}

describe('the cohort form', () => {
  it('checks the name, the places, the hold time and that registration closes after it opens', async () => {
    const { wrapper } = await mountInPortal(CohortFormPage, {
      routes,
      at: `/training/programmes/${PROGRAMME_ID}/cohorts/new`,
      props: { programmeId: PROGRAMME_ID },
      mocks: [programmeAnswer],
    });
    await expect.poll(() => wrapper.find('#cohort-name').exists()).toBe(true);
    expect(wrapper.text()).toContain('I programmet Ledarutbildning.');
    await wrapper.find('#cohort-capacity').setValue('0');
    await wrapper.find('#cohort-hold').setValue('721');
    await wrapper.find('#cohort-opens').setValue('2026-12-10T09:00');
    await wrapper.find('#cohort-closes').setValue('2026-12-01T09:00');
    await submit(wrapper);
    expect(wrapper.find('#cohort-name-error').text()).toBe('Ange ett namn, högst 200 tecken.');
    expect(wrapper.find('#cohort-capacity-error').text()).toBe('Ange ett heltal från 1 till 100 000, eller lämna tomt.');
    expect(wrapper.find('#cohort-hold-error').text()).toBe('Ange ett heltal från 1 till 720.');
    expect(wrapper.find('#cohort-closes-error').text()).toBe('Anmälan måste stänga efter att den öppnar.');
    expect(document.activeElement?.id).toBe('cohort-name');
    wrapper.unmount();
  });

  it("edits a cohort's places and shows the API's conflict on the places field", async () => {
    const { wrapper } = await mountInPortal(CohortFormPage, {
      routes,
      at: `/training/cohorts/${COHORT_ID}/edit`,
      props: { cohortId: COHORT_ID },
      mocks: [
        { request: { query: CohortDocument, variables: { id: COHORT_ID } }, result: { data: { cohort } } },
        {
          request: {
            query: CohortUpdateDocument,
            variables: {
              input: { id: COHORT_ID, capacity: 10, status: 'OPEN', promotionPolicy: 'OFFER', offerHoldHours: 48, requiresApproval: false },
            },
          },
          result: {
            data: {
              cohortUpdate: {
                __typename: 'CohortPayload',
                cohort: null,
                errors: [{ __typename: 'UserError', field: 'capacity', code: 'CONFLICT', message: 'Not below those confirmed.' }],
              },
            },
          },
        },
      ],
    });
    await expect.poll(() => (wrapper.find('#cohort-capacity').element as HTMLInputElement | undefined)?.value).toBe('20');
    expect(wrapper.find('#cohort-name').exists()).toBe(false);
    await wrapper.find('#cohort-capacity').setValue('10');
    await submit(wrapper);
    await expect.poll(() => wrapper.find('#cohort-capacity-error').exists()).toBe(true);
    expect(wrapper.find('#cohort-capacity-error').text()).toContain('fler har redan plats');
    wrapper.unmount();
  });
});
