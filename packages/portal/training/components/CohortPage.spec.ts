import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { CohortDocument, CohortUpdateDocument } from '../gql/graphql.js';
import CohortPage from './CohortPage.vue';

const COHORT_ID = 'Q29ob3J0OjE';

function cohort(status: string) {
  return {
    __typename: 'Cohort',
    id: COHORT_ID,
    name: 'Omgång 3',
    description: null,
    status,
    capacity: 20,
    confirmedCount: 4,
    offeredCount: 0,
    waitlistCount: 0,
    registrationOpensAt: null,
    registrationClosesAt: null,
    audienceRoles: ['MANAGER'],
    promotionPolicy: 'AUTOMATIC',
    offerHoldHours: 48,
    requiresApproval: false,
    programme: { __typename: 'Programme', id: 'UHJvZzox', name: 'Ledarutbildning' },
    sessions: [],
  };
}
const cohortAnswer = (status: string): MockedResponse => ({
  request: { query: CohortDocument, variables: { id: COHORT_ID } },
  result: { data: { cohort: cohort(status) } },
});
let updates = 0;
const update = (status: string): MockedResponse => ({
  request: { query: CohortUpdateDocument, variables: { input: { id: COHORT_ID, status } } },
  result: () => {
    updates += 1;
    const { __typename, id, capacity, confirmedCount, offeredCount, waitlistCount, promotionPolicy, offerHoldHours, requiresApproval } =
      cohort(status);
    return {
      data: {
        cohortUpdate: {
          __typename: 'CohortPayload',
          cohort: {
            __typename,
            id,
            status,
            capacity,
            confirmedCount,
            offeredCount,
            waitlistCount,
            promotionPolicy,
            offerHoldHours,
            requiresApproval,
          },
          errors: [],
        },
      },
    };
  },
});

async function mountPage(status: string, mocks: MockedResponse[]) {
  return mountInPortal(CohortPage, {
    props: { cohortId: COHORT_ID },
    routes: [
      { path: '/training/cohorts/:cohortId', name: 'training-cohort', component: CohortPage },
      // What the page links to.
      ...[
        ['/training/programmes', 'training-programmes'],
        ['/training/programmes/:programmeId', 'training-programme'],
        ['/training/cohorts/:cohortId/edit', 'training-cohort-edit'],
        ['/training/cohorts/:cohortId/sessions/new', 'training-session-new'],
        ['/training/sessions/:sessionId/edit', 'training-session-edit'],
        ['/training/sessions/:sessionId/attendance', 'training-attendance'],
      ].map(([path, name]) => ({ path: path!, name: name!, component: { render: () => null } })),
    ],
    at: `/training/cohorts/${COHORT_ID}`,
    mocks: [cohortAnswer(status), ...mocks],
    provide: () => ({ 'evikomp:session': { roles: ['ADMINISTRATOR'] } }),
  });
}

describe("a cohort's status", () => {
  it('opens registration only after the administrator confirms it in a dialog naming the cohort', async () => {
    updates = 0;
    const { wrapper } = await mountPage('CLOSED', [update('OPEN'), cohortAnswer('OPEN')]);
    await expect.poll(() => wrapper.find('[data-test="cohort-status"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="cohort-status"]').text()).toBe('Stängd för anmälan');

    await wrapper.find('[data-test="cohort-status-OPEN"]').trigger('click');
    const dialog = () => document.querySelector('[role="dialog"]');
    await expect.poll(() => dialog()?.textContent ?? '').toContain('Öppna Omgång 3 för anmälan?');
    expect(updates).toBe(0);
    // Keeping it as it is sends nothing.
    (document.querySelector('[data-test="confirm-cancel"]') as HTMLButtonElement).click();
    await expect.poll(() => dialog()).toBeNull();
    expect(updates).toBe(0);

    await wrapper.find('[data-test="cohort-status-OPEN"]').trigger('click');
    await expect.poll(() => document.querySelector('[data-test="confirm"]')).not.toBeNull();
    expect(document.querySelector('[data-test="confirm"]')!.textContent).toContain('Ja, öppna anmälan');
    (document.querySelector('[data-test="confirm"]') as HTMLButtonElement).click();
    await expect.poll(() => updates).toBe(1);
    await expect.poll(() => wrapper.find('[role="status"]').text()).toBe('Omgången har nu status: Öppen för anmälan.');
    await expect.poll(() => dialog()).toBeNull();
    await expect.poll(() => wrapper.find('[data-test="cohort-status-CLOSED"]').exists()).toBe(true);
    wrapper.unmount();
  });

  it('closes registration after a confirmation that says what those registered keep', async () => {
    updates = 0;
    const { wrapper } = await mountPage('OPEN', [update('CLOSED'), cohortAnswer('CLOSED')]);
    await expect.poll(() => wrapper.find('[data-test="cohort-status-CLOSED"]').exists()).toBe(true);
    await wrapper.find('[data-test="cohort-status-CLOSED"]').trigger('click');
    await expect.poll(() => document.querySelector('[role="dialog"]')?.textContent ?? '').toContain('Stänga anmälan till Omgång 3?');
    expect(document.querySelector('[role="dialog"]')!.textContent).toContain('De som redan är anmälda behåller sina platser');
    expect(updates).toBe(0);
    (document.querySelector('[data-test="confirm"]') as HTMLButtonElement).click();
    await expect.poll(() => updates).toBe(1);
    await expect.poll(() => wrapper.find('[role="status"]').text()).toBe('Omgången har nu status: Stängd för anmälan.');
    wrapper.unmount();
  });
});
