import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { LearningAttestMonthDocument, LearningHoursAttestDocument } from '../gql/graphql.js';
import { payload } from '../testing/mocks.js';
import LearningAttestPage from './LearningAttestPage.vue';

const WORKPLACE = 'V29ya3BsYWNlOjE';
const routes = [
  { path: '/operations/learning-sessions/attest', name: 'operations-learning-attest', component: LearningAttestPage },
  { path: '/operations/learning-sessions', name: 'operations-learning-sessions', component: { render: () => null } },
];
const at = `/operations/learning-sessions/attest?workplace=${WORKPLACE}&month=2026-03`;

const participant = (id: string, name: string, hours: number, status: string) => ({
  __typename: 'LearningParticipant',
  hours,
  status,
  person: { __typename: 'Person', id, name },
});

function month(options: { me: string; closed?: boolean; sessions: ReturnType<typeof participant>[][] }): MockedResponse {
  return {
    request: { query: LearningAttestMonthDocument, variables: { workplaceId: WORKPLACE, month: '2026-03' } },
    result: {
      data: {
        me: { __typename: 'Person', id: options.me },
        workplace: {
          __typename: 'Workplace',
          id: WORKPLACE,
          name: 'Hemtjänst Centrum',
          organisation: { __typename: 'Organisation', id: 'org-1' },
          manager: { __typename: 'RoleAssignment', id: 'ra-1', person: { __typename: 'Person', id: 'p-boss' } },
        },
        learningMonthCloses: options.closed
          ? [
              {
                __typename: 'LearningMonthClose',
                id: 'c-1',
                month: '2026-03',
                countyWide: false,
                organisation: { __typename: 'Organisation', id: 'org-1' },
              },
            ]
          : [],
        learningSessions: {
          __typename: 'LearningSessionConnection',
          totalCount: options.sessions.length,
          edges: options.sessions.map((participants, index) => ({
            __typename: 'LearningSessionEdge',
            node: { __typename: 'LearningSession', id: `s-${index}`, participants },
          })),
        },
      },
    },
  };
}

const attested = (personId: string) =>
  payload(LearningHoursAttestDocument, { input: { workplaceId: WORKPLACE, personId, month: '2026-03' } }, 'learningHoursAttest', {
    attestation: { __typename: 'LearningAttestation', id: `a-${personId}`, hours: 2, signedAt: '2026-04-01T08:00:00Z' },
  });

describe('attesting a workplace month', () => {
  it("adds up each participant's hours over the month, and lets the manager attest all confirmed ones after one confirmation", async () => {
    const before = [
      [participant('p-saga', 'Saga Lärling', 1.5, 'CONFIRMED'), participant('p-omar', 'Omar Lärling', 1.5, 'UNCONFIRMED')],
      [participant('p-saga', 'Saga Lärling', 0.5, 'CONFIRMED'), participant('p-ali', 'Ali Berg', 2, 'CONFIRMED')],
    ];
    const after = [
      [participant('p-saga', 'Saga Lärling', 1.5, 'ATTESTED'), participant('p-omar', 'Omar Lärling', 1.5, 'UNCONFIRMED')],
      [participant('p-saga', 'Saga Lärling', 0.5, 'ATTESTED'), participant('p-ali', 'Ali Berg', 2, 'ATTESTED')],
    ];
    const { wrapper, unexpected } = await mountInPortal(LearningAttestPage, {
      routes,
      at,
      mocks: [month({ me: 'p-boss', sessions: before }), attested('p-ali'), attested('p-saga'), month({ me: 'p-boss', sessions: after })],
    });
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(3);
    expect(wrapper.find('h1').text()).toBe('Attestera lärtimmar: Hemtjänst Centrum, mars 2026');
    expect(wrapper.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()))).toEqual([
      ['Ali Berg', '2', 'Bekräftad, väntar på attest', 'Attestera Ali Berg'],
      ['Omar Lärling', '1,5', 'Väntar på deltagarens bekräftelse', ''],
      ['Saga Lärling', '2', 'Bekräftad, väntar på attest', 'Attestera Saga Lärling'],
    ]);
    await wrapper.find('[data-test="attest-all"]').trigger('click');
    await expect
      .poll(() => document.querySelector('[role="dialog"]')?.textContent ?? '')
      .toContain('Du attesterar de bekräftade timmarna i mars 2026 för Ali Berg, Saga Lärling.');
    document.querySelector<HTMLButtonElement>('[role="dialog"] [data-test="confirm"]')!.click();
    await expect.poll(() => wrapper.find('[data-test="attest-status"]').text()).toBe('2 deltagares timmar är attesterade.');
    await expect.poll(() => wrapper.findAll('[data-test="attest-one"]').length).toBe(0);
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it('shows a closed month as closed and offers nothing, and offers no attesting to anyone but the manager', async () => {
    const sessions = [[participant('p-saga', 'Saga Lärling', 1.5, 'CONFIRMED')]];
    const closed = await mountInPortal(LearningAttestPage, { routes, at, mocks: [month({ me: 'p-boss', closed: true, sessions })] });
    await expect.poll(() => closed.wrapper.find('[data-test="month-closed"]').exists()).toBe(true);
    expect(closed.wrapper.find('[data-test="month-closed"]').text()).toBe(
      'Månaden mars 2026 är stängd: inget i den kan ändras eller attesteras.',
    );
    expect(closed.wrapper.find('[data-test="attest-all"]').exists()).toBe(false);
    expect(closed.wrapper.find('[data-test="attest-one"]').exists()).toBe(false);
    closed.wrapper.unmount();

    const coordinator = await mountInPortal(LearningAttestPage, { routes, at, mocks: [month({ me: 'p-coordinator', sessions })] });
    await expect.poll(() => coordinator.wrapper.findAll('tbody tr').length).toBe(1);
    expect(coordinator.wrapper.text()).toContain('Bara arbetsplatsens chef attesterar.');
    expect(coordinator.wrapper.find('[data-test="attest-one"]').exists()).toBe(false);
    coordinator.wrapper.unmount();
  });
});
