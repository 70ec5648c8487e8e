import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { AttendanceRecordDocument, SessionAttendanceDocument } from '../gql/graphql.js';
import AttendancePage from './AttendancePage.vue';

const SESSION_ID = 'U2Vzc2lvbjox';
const routes = [
  { path: '/training/sessions/:sessionId/attendance', component: AttendancePage, props: true },
  { path: '/training/cohorts/:cohortId', name: 'training-cohort', component: { render: () => null } },
];
const PEOPLE = [
  ['UmVnaXN0cmF0aW9uOmE', 'Anna Andersson'],
  ['UmVnaXN0cmF0aW9uOmI', 'Bo Berg'],
  ['UmVnaXN0cmF0aW9uOmM', 'Cecilia Ek'],
] as const;

function sessionAnswer(options: { startsAt?: string; attendance?: [string, string][] } = {}): MockedResponse {
  return {
    request: { query: SessionAttendanceDocument, variables: { id: SESSION_ID } },
    result: {
      data: {
        node: {
          __typename: 'Session',
          id: SESSION_ID,
          title: 'Träff 1',
          startsAt: options.startsAt ?? '2026-09-01T07:00:00Z',
          endsAt: '2026-09-01T15:00:00Z',
          attendance: (options.attendance ?? []).map(([id, status]) => ({
            __typename: 'Attendance',
            status,
            registration: { __typename: 'Registration', id },
          })),
          offering: {
            __typename: 'Cohort',
            id: 'Q29ob3J0OjE',
            name: 'Omgång 1',
            registrations: {
              __typename: 'RegistrationConnection',
              totalCount: PEOPLE.length,
              pageInfo: { __typename: 'PageInfo', endCursor: null, hasNextPage: false },
              edges: PEOPLE.map(([id, name]) => ({
                __typename: 'RegistrationEdge',
                node: { __typename: 'Registration', id, person: { __typename: 'Person', id: `p-${id}`, name } },
              })),
            },
          },
        },
      },
    },
  };
}

function recordAnswer(entries: { registrationId: string; status: string }[], errors: { field: string | null; code: string }[] = []) {
  return {
    request: { query: AttendanceRecordDocument, variables: { input: { sessionId: SESSION_ID, entries } } },
    result: {
      data: {
        attendanceRecord: {
          __typename: 'SessionPayload',
          session: errors.length
            ? null
            : {
                __typename: 'Session',
                id: SESSION_ID,
                attendance: entries.map((entry) => ({
                  __typename: 'Attendance',
                  status: entry.status,
                  registration: { __typename: 'Registration', id: entry.registrationId },
                })),
              },
          errors: errors.map((error) => ({ __typename: 'UserError', message: 'from the API', ...error })),
        },
      },
    },
  };
}

const mountAt = (mocks: MockedResponse[]) =>
  mountInPortal(AttendancePage, { routes, at: `/training/sessions/${SESSION_ID}/attendance`, props: { sessionId: SESSION_ID }, mocks });

describe('the attendance sheet', () => {
  it('is one radio group per participant, named by them, with what the API has already checked', async () => {
    const { wrapper } = await mountAt([sessionAnswer({ attendance: [[PEOPLE[1][0], 'EXCUSED']] })]);
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(3);
    const groups = wrapper.findAll('tbody fieldset');
    expect(groups.map((group) => document.getElementById(group.attributes('aria-labelledby')!)?.textContent)).toEqual(
      PEOPLE.map(([, name]) => name),
    );
    // The radios of a row share a name, so the browser moves between them with the arrow keys and Tab leaves the row.
    for (const [index, group] of groups.entries()) {
      const radios = group.findAll('input[type="radio"]');
      expect(radios.map((radio) => radio.attributes('name'))).toEqual(Array(3).fill(`attendance-${PEOPLE[index]![0]}`));
      expect(radios.map((radio) => radio.element.closest('label')?.textContent?.trim())).toEqual([
        'Närvarande',
        'Frånvarande',
        'Anmält förhinder',
      ]);
    }
    expect((groups[1]!.find('input[data-status="EXCUSED"]').element as HTMLInputElement).checked).toBe(true);
    expect(wrapper.text()).toContain('0 ändrade, 2 omarkerade.');
    wrapper.unmount();
  });

  it('saves every mark with one button and announces the outcome', async () => {
    const entries = [
      { registrationId: PEOPLE[0][0], status: 'PRESENT' },
      { registrationId: PEOPLE[1][0], status: 'ABSENT' },
      { registrationId: PEOPLE[2][0], status: 'PRESENT' },
    ];
    const { wrapper } = await mountAt([sessionAnswer(), recordAnswer(entries)]);
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(3);
    await wrapper.find(`[data-test="attendance-row-${PEOPLE[1][0]}"] input[data-status="ABSENT"]`).setValue(true);
    await wrapper.find('[data-test="attendance-all-present"]').trigger('click');
    expect(wrapper.find('[data-test="attendance-status"]').text()).toBe('Alla 3 är markerade.');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    await expect
      .poll(() => wrapper.find('[data-test="attendance-status"]').text())
      .toBe('Närvaron sparades: 2 närvarande, 1 frånvarande, 0 med anmält förhinder.');
    expect(wrapper.find('[data-test="attendance-status"]').attributes('role')).toBe('status');
    expect(wrapper.text()).toContain('0 ändrade, 0 omarkerade.');
    wrapper.unmount();
  });

  it("shows the API's refusal, and asks for at least one mark before sending", async () => {
    const entries = [{ registrationId: PEOPLE[0][0], status: 'PRESENT' }];
    const { wrapper } = await mountAt([sessionAnswer(), recordAnswer(entries, [{ field: 'entries.0.registrationId', code: 'CONFLICT' }])]);
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(3);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toBe('Markera närvaro för minst en deltagare.');
    await wrapper.find(`[data-test="attendance-row-${PEOPLE[0][0]}"] input[data-status="PRESENT"]`).setValue(true);
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('[role="alert"]').text()).toBe('Bara bekräftade platser kan ha närvaro.');
    wrapper.unmount();
  });

  it('says so, with no sheet, before the session has started', async () => {
    const { wrapper } = await mountAt([sessionAnswer({ startsAt: new Date(Date.now() + 86_400_000).toISOString() })]);
    await expect.poll(() => wrapper.find('[data-test="attendance-not-started"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="attendance-not-started"]').text()).toContain('har inte börjat');
    expect(wrapper.find('form').exists()).toBe(false);
    wrapper.unmount();
  });
});
