import { describe, expect, it } from 'vitest';
import { h } from 'vue';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { NetworksAttendanceRecordDocument, NetworksRegistrationCancelDocument, type RegistrationRowFragment } from '../gql/graphql.js';
import { payload } from '../testing/mocks.js';
import RegistrationsPanel from './RegistrationsPanel.vue';

function registration(id: string, name: string, status: RegistrationRowFragment['status'], waitlistPosition: number | null = null) {
  return {
    __typename: 'Registration' as const,
    id,
    status,
    registeredAt: '2027-02-01T08:00:00.000Z',
    waitlistPosition,
    offerExpiresAt: null,
    person: {
      __typename: 'Person' as const,
      id: `person-${id}`,
      name,
      homeOrganisation: { __typename: 'Organisation' as const, id: 'org', name: 'Kinda kommun' },
    },
  };
}

const registrations = {
  totalCount: 3,
  pageInfo: { hasNextPage: false, endCursor: null },
  edges: [
    { node: registration('r1', 'Eva Berg', 'CONFIRMED') },
    { node: registration('r2', 'Olle Ek', 'CONFIRMED') },
    { node: registration('r3', 'Lisa Strand', 'WAITLISTED', 1) },
  ],
};
const session = {
  id: 'session-1',
  startsAt: '2026-03-10T12:00:00.000Z',
  endsAt: '2026-03-10T15:00:00.000Z',
  attendance: [{ status: 'EXCUSED' as const, registration: { id: 'r2' } }],
};

describe('registrations and attendance', () => {
  it('shows each place as it stands and records attendance of those confirmed, keeping what was recorded', async () => {
    const { wrapper, toasts } = await mountInPortal(
      {
        render: () =>
          h(RegistrationsPanel, { registrations, sessions: [session], first: 1, hasPreviousPage: false, mayRecordAttendance: true }),
      },
      {
        mocks: [
          payload(
            NetworksAttendanceRecordDocument,
            {
              input: {
                sessionId: 'session-1',
                entries: [
                  { registrationId: 'r1', status: 'PRESENT' },
                  { registrationId: 'r2', status: 'EXCUSED' },
                ],
              },
            },
            'attendanceRecord',
            { session: { __typename: 'Session', id: 'session-1', attendance: [] } },
          ),
        ],
      },
    );
    const rows = wrapper.findAll('tbody tr');
    expect(rows.map((row) => row.findAll('td')[2]!.text())).toEqual(['Bekräftad', 'Bekräftad', 'Väntelista, plats 1']);
    // Only confirmed places have attendance; what was recorded before is shown.
    expect(wrapper.findAll('select[aria-label^="Närvaro för"]').length).toBe(2);
    expect((wrapper.find('select[aria-label="Närvaro för Olle Ek"]').element as HTMLSelectElement).value).toBe('EXCUSED');
    await wrapper.find('select[aria-label="Närvaro för Eva Berg"]').setValue('PRESENT');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => toasts.items.map((toast) => toast.text)).toEqual(['Närvaron är sparad.']);
    wrapper.unmount();
  });

  it('says when attendance opens for a meeting that has not started, instead of offering selects', async () => {
    const later = { ...session, startsAt: '2099-03-10T12:00:00.000Z', endsAt: '2099-03-10T15:00:00.000Z', attendance: [] };
    const { wrapper } = await mountInPortal({
      render: () =>
        h(RegistrationsPanel, { registrations, sessions: [later], first: 1, hasPreviousPage: false, mayRecordAttendance: true }),
    });
    expect(wrapper.findAll('select[aria-label^="Närvaro för"]').length).toBe(0);
    expect(wrapper.find('[data-test="attendance-save"]').exists()).toBe(false);
    expect(wrapper.find('[data-test="attendance-not-yet"]').text()).toBe('Närvaron registreras från träffens start, 2099-03-10 13:00.');
    wrapper.unmount();
  });

  it('cancels a registration the viewer may act for after a confirmation naming the person, then asks the page to refetch', async () => {
    const saved: number[] = [];
    let cancelled = 0;
    const later = { ...session, startsAt: '2099-03-10T12:00:00.000Z', endsAt: '2099-03-10T15:00:00.000Z', attendance: [] };
    const { wrapper, toasts } = await mountInPortal(
      {
        render: () =>
          h(RegistrationsPanel, {
            registrations,
            sessions: [later],
            first: 1,
            hasPreviousPage: false,
            mayRecordAttendance: false,
            // Say the viewer administers Olle's and Lisa's organisation only.
            mayCancel: (registration: RegistrationRowFragment) => registration.id !== 'r1',
            onSaved: () => saved.push(1),
          }),
      },
      {
        mocks: [
          {
            request: { query: NetworksRegistrationCancelDocument, variables: { input: { id: 'r2' } } },
            result: () => {
              cancelled += 1;
              return {
                data: {
                  registrationCancel: {
                    __typename: 'RegistrationPayload',
                    registration: { __typename: 'Registration', id: 'r2', status: 'CANCELLED' },
                    errors: [],
                  },
                },
              };
            },
          },
          payload(NetworksRegistrationCancelDocument, { input: { id: 'r3' } }, 'registrationCancel', { registration: null }, [
            { field: 'input.id', code: 'CONFLICT', message: 'The registration has ended.' },
          ]),
        ],
      },
    );
    expect(wrapper.find('[aria-label="Avbryt anmälan för Eva Berg"]').exists()).toBe(false);
    const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');

    await wrapper.find('[aria-label="Avbryt anmälan för Olle Ek"]').trigger('click');
    await expect.poll(() => dialog()?.textContent ?? '').toContain('Avbryt anmälan för Olle Ek?');
    expect(dialog()!.textContent).toContain('Platsen går till den som står först på väntelistan.');
    // Keeping it sends nothing.
    dialog()!.querySelector<HTMLButtonElement>('[data-test="confirm-cancel"]')!.click();
    await expect.poll(() => dialog()).toBeNull();
    expect(cancelled).toBe(0);

    await wrapper.find('[aria-label="Avbryt anmälan för Olle Ek"]').trigger('click');
    await expect.poll(() => dialog()).not.toBeNull();
    dialog()!.querySelector<HTMLButtonElement>('[data-test="confirm"]')!.click();
    await expect.poll(() => toasts.items.map((toast) => toast.text)).toEqual(['Anmälan för Olle Ek är avbruten.']);
    expect(cancelled).toBe(1);
    expect(saved).toEqual([1]);
    await expect.poll(() => dialog()).toBeNull();

    // The API's refusal shows in the dialog, which stays open.
    await wrapper.find('[aria-label="Avbryt anmälan för Lisa Strand"]').trigger('click');
    await expect.poll(() => dialog()).not.toBeNull();
    dialog()!.querySelector<HTMLButtonElement>('[data-test="confirm"]')!.click();
    await expect.poll(() => dialog()?.querySelector('[role="alert"]')?.textContent?.trim()).toBe('Anmälan är redan avslutad.');
    expect(saved).toEqual([1]);
    wrapper.unmount();
  });
});
