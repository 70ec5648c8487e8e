import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { todayInSweden } from '@evikomp/portal-shared';
import { EmploymentCreateDocument, EmploymentEndDocument, EmploymentUpdateDocument, WorkplaceStaffDocument } from '../../gql/graphql.js';
import WorkplaceStaffSection from './WorkplaceStaffSection.vue';

const routes = [
  { path: '/directory/workplaces/:id', component: WorkplaceStaffSection },
  { path: '/directory/people/:id', name: 'directory-person', component: { render: () => null } },
];
const props = { workplaceId: 'wp-1', workplaceName: 'Hemtjänst Rimforsa', organisationId: 'org-kinda' };
const employment = (changes: Record<string, unknown> = {}) => ({
  __typename: 'Employment',
  id: 'em-1',
  startsOn: '2025-02-01',
  endsOn: null,
  employeeNumber: 'K-1',
  title: 'Vårdbiträde',
  status: 'CURRENT',
  person: { __typename: 'Person', id: 'p-1', name: 'Åsa Östlund', email: 'asa.ostlund@kinda.se' },
  ...changes,
});
function staff(employments: ReturnType<typeof employment>[]): MockedResponse {
  return {
    request: {
      query: WorkplaceStaffDocument,
      variables: {
        workplaceId: 'wp-1',
        first: 20,
        after: null,
        filter: { status: 'CURRENT' },
        orderBy: { field: 'LAST_NAME', direction: 'ASC' },
      },
    },
    result: {
      data: {
        workplace: {
          __typename: 'Workplace',
          id: 'wp-1',
          staff: {
            __typename: 'StaffConnection',
            totalCount: employments.length,
            pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
            edges: employments.map((node) => ({ __typename: 'StaffEdge', node })),
          },
        },
      },
    },
  };
}
function payload(
  query: MockedResponse['request']['query'],
  name: string,
  input: Record<string, unknown>,
  result: ReturnType<typeof employment> | null,
  errors: { field: string | null; message: string; code: string }[] = [],
): MockedResponse {
  return {
    request: { query, variables: { input } },
    result: {
      data: {
        [name]: {
          __typename: 'EmploymentPayload',
          employment: result,
          errors: errors.map((error) => ({ __typename: 'UserError', ...error })),
        },
      },
    },
  };
}

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');
const inDialog = <E extends HTMLElement>(selector: string) => dialog()!.querySelector<E>(selector)!;
async function type(selector: string, value: string) {
  const input = inDialog<HTMLInputElement>(selector);
  input.value = value;
  input.dispatchEvent(new Event('input'));
  await flushPromises();
}
async function click(selector: string) {
  inDialog<HTMLElement>(selector).click();
  await flushPromises();
}

describe("a workplace's staff", () => {
  it("adds a new person's employment, checking the fields first and showing the API's refusal on its field", async () => {
    const newPerson = { firstName: 'Örjan', lastName: 'Ärlig', email: 'orjan.arlig@kinda.se' };
    const input = { workplaceId: 'wp-1', newPerson, startsOn: '2026-01-15', employeeNumber: 'K-2', title: 'Undersköterska' };
    const added = employment({
      id: 'em-2',
      title: 'Undersköterska',
      person: { __typename: 'Person', id: 'p-2', name: 'Örjan Ärlig', email: null },
    });
    const { wrapper, toasts, unexpected } = await mountInPortal(WorkplaceStaffSection, {
      routes,
      at: '/directory/workplaces/wp-1',
      props,
      mocks: [
        staff([employment()]),
        payload(EmploymentCreateDocument, 'employmentCreate', input, null, [
          { field: 'newPerson.email', message: 'Another person has this e-mail address.', code: 'TAKEN' },
          { field: 'employeeNumber', message: 'Another employment of the organisation has this employee number.', code: 'TAKEN' },
        ]),
        payload(EmploymentCreateDocument, 'employmentCreate', { ...input, employeeNumber: 'K-3' }, added),
        staff([employment(), added]),
      ],
    });
    await expect.poll(() => wrapper.find('tbody').text()).toContain('Åsa Östlund');
    await wrapper.find('[data-test="employment-add"]').trigger('click');
    await flushPromises();
    expect(dialog()?.textContent).toContain('Lägg till en anställning på Hemtjänst Rimforsa');
    // Someone of the directory by default: without a choice, the search says so, and nothing is sent.
    await click('[data-test="employment-add-submit"]');
    expect(inDialog('#employment-person-error').textContent).toBe('Sök och välj en person.');

    await click('[data-test="employment-new-person"]');
    await type('#employment-email', 'orjan');
    await click('[data-test="employment-add-submit"]');
    expect(inDialog('#employment-first-name-error').textContent).toBe('Fyll i fältet.');
    expect(inDialog('#employment-email-error').textContent).toContain('Skriv en e-postadress');
    expect(unexpected).toEqual([]);

    await type('#employment-first-name', 'Örjan');
    await type('#employment-last-name', 'Ärlig');
    await type('#employment-email', 'orjan.arlig@kinda.se');
    await type('#employment-starts-on', '2026-01-15');
    await type('#employment-employee-number', 'K-2');
    await type('#employment-title', 'Undersköterska');
    await click('[data-test="employment-add-submit"]');
    await expect
      .poll(() => dialog()?.querySelector('#employment-email-error')?.textContent)
      .toBe('Det finns redan en person med den e-postadressen: sök fram personen i stället.');
    expect(inDialog('#employment-employee-number-error').textContent).toBe(
      'En annan anställning i organisationen har redan det anställningsnumret.',
    );
    expect(inDialog('#employment-email').getAttribute('aria-invalid')).toBe('true');

    await type('#employment-employee-number', 'K-3');
    await click('[data-test="employment-add-submit"]');
    await expect.poll(() => toasts.items.map((toast) => toast.text)).toEqual(['Örjan Ärlig är anställd på Hemtjänst Rimforsa.']);
    await expect.poll(() => wrapper.find('tbody').text()).toContain('Örjan Ärlig');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it('changes only what was changed, and ends an employment only after a confirmation naming the person and the day', async () => {
    const today = todayInSweden();
    const { wrapper, toasts, unexpected } = await mountInPortal(WorkplaceStaffSection, {
      routes,
      at: '/directory/workplaces/wp-1',
      props,
      mocks: [
        staff([employment()]),
        payload(
          EmploymentUpdateDocument,
          'employmentUpdate',
          { id: 'em-1', title: 'Undersköterska' },
          employment({ title: 'Undersköterska' }),
        ),
        staff([employment({ title: 'Undersköterska' })]),
        payload(EmploymentEndDocument, 'employmentEnd', { id: 'em-1', endsOn: today }, employment({ endsOn: today })),
        staff([]),
      ],
    });
    await expect.poll(() => wrapper.find('tbody').text()).toContain('Vårdbiträde');
    const edit = wrapper.find('[data-test="employment-edit"]');
    expect(edit.attributes('aria-label')).toBe('Ändra anställningen för Åsa Östlund');
    await edit.trigger('click');
    await flushPromises();
    expect(inDialog<HTMLInputElement>('#employment-edit-title').value).toBe('Vårdbiträde');
    await type('#employment-edit-title', 'Undersköterska');
    await click('[data-test="employment-edit-submit"]');
    await expect.poll(() => wrapper.find('tbody').text()).toContain('Undersköterska');
    expect(toasts.items.map((toast) => toast.text)).toEqual(['Anställningen för Åsa Östlund är ändrad.']);

    // Cancelling the end changes nothing (an unexpected mutation would be an error).
    await wrapper.find('[data-test="employment-end"]').trigger('click');
    await flushPromises();
    expect(dialog()?.textContent).toContain('Avsluta anställningen för Åsa Östlund på Hemtjänst Rimforsa? Sista anställningsdag blir');
    expect(dialog()?.textContent).toContain(today);
    await click('[data-test="confirm-cancel"]');
    expect(dialog()).toBeNull();

    await wrapper.find('[data-test="employment-end"]').trigger('click');
    await flushPromises();
    await click('[data-test="confirm"]');
    await expect.poll(() => wrapper.find('[data-test="workplace-staff"]').text()).toContain('Ingen personal matchar.');
    expect(toasts.items.map((toast) => toast.text)).toContain('Anställningen för Åsa Östlund är avslutad.');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
