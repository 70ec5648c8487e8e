import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { LearningHoursConfirmDocument, MyLearningHoursDocument } from '../gql/graphql.js';
import MyLearningHours from './MyLearningHours.vue';

const ME = 'UGVyc29uOjE';
const WORKPLACE = { __typename: 'Workplace', id: 'V29ya3BsYWNlOjE', name: 'Hemtjänst Centrum' };
const row = (month: string, status: string, hours: number, confirmed: number, attestedHours: number) => ({
  __typename: 'LearningMonthHours',
  month,
  hours,
  confirmedHours: confirmed,
  attestedHours,
  status,
  workplace: WORKPLACE,
});
const hours = (rows: object[]): MockedResponse => ({
  request: { query: MyLearningHoursDocument, variables: { personId: ME } },
  result: { data: { learningHours: rows } },
});
const confirm = (month: string, errors: { field: string; code: string; message: string }[] = []): MockedResponse => ({
  request: { query: LearningHoursConfirmDocument, variables: { input: { workplaceId: WORKPLACE.id, month } } },
  result: {
    data: {
      learningHoursConfirm: {
        __typename: 'LearningAttestationPayload',
        attestation: errors.length ? null : { __typename: 'LearningAttestation', id: 'a-1', hours: 2.5, signedAt: '2026-04-01T08:00:00Z' },
        errors: errors.map((error) => ({ __typename: 'UserError', ...error })),
      },
    },
  },
});

describe('my learning hours', () => {
  it("lists the months with their state, confirms a month's hours and says so", async () => {
    const { wrapper, unexpected } = await mountInPortal(MyLearningHours, {
      props: { personId: ME },
      mocks: [
        hours([row('2026-03', 'UNCONFIRMED', 2.5, 0, 0), row('2026-02', 'ATTESTED', 3, 3, 3)]),
        confirm('2026-03'),
        hours([row('2026-03', 'CONFIRMED', 2.5, 2.5, 0), row('2026-02', 'ATTESTED', 3, 3, 3)]),
      ],
    });
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(2);
    expect(wrapper.find('h2').text()).toBe('Mina lärtimmar');
    expect(
      wrapper
        .findAll('tbody tr')[0]!
        .findAll('td')
        .map((cell) => cell.text()),
    ).toEqual([
      'mars 2026',
      'Hemtjänst Centrum',
      '2,5',
      '0',
      '0',
      'Väntar på att du bekräftar',
      'Bekräfta timmarna för mars 2026 på Hemtjänst Centrum',
    ]);
    expect(wrapper.findAll('[data-test="learning-hours-confirm"]').length).toBe(1);
    await wrapper.find('[data-test="learning-hours-confirm"]').trigger('click');
    await expect
      .poll(() => wrapper.find('[data-test="learning-hours-status"]').text())
      .toBe('Du har bekräftat 2,5 timmar för mars 2026 på Hemtjänst Centrum.');
    await expect.poll(() => wrapper.findAll('[data-test="learning-hours-confirm"]').length).toBe(0);
    expect(wrapper.findAll('tbody tr')[0]!.text()).toContain('Bekräftad, väntar på chefens attest');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("shows the API's sentence when the month is closed", async () => {
    const closed = 'Mars 2026 är stängd: inget i månaden kan ändras. / March 2026 is closed: nothing in it can change.';
    const { wrapper } = await mountInPortal(MyLearningHours, {
      props: { personId: ME },
      mocks: [
        hours([row('2026-03', 'UNCONFIRMED', 2.5, 0, 0)]),
        confirm('2026-03', [{ field: 'month', code: 'CONFLICT', message: closed }]),
        hours([row('2026-03', 'UNCONFIRMED', 2.5, 0, 0)]),
      ],
    });
    await expect.poll(() => wrapper.findAll('[data-test="learning-hours-confirm"]').length).toBe(1);
    await wrapper.find('[data-test="learning-hours-confirm"]').trigger('click');
    await expect.poll(() => wrapper.find('[data-test="learning-hours-error"]').exists()).toBe(true);
    expect(wrapper.find('[data-test="learning-hours-error"]').text()).toBe(closed);
    wrapper.unmount();
  });
});
