import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { AdminPersonDocument, AuditEntriesDocument } from '../gql/graphql.js';
import { page } from '../testing/mocks.js';
import AuditTrailPage from './AuditTrailPage.vue';

const routes = [{ path: '/admin/audit', component: AuditTrailPage }];
const ANNA = 'UGVyc29uOmFubmE';

const entry = {
  id: 'QXVkaXRFbnRyeTox',
  occurredAt: '2026-12-01T09:15:30.000Z',
  operation: 'workplaceUpdate',
  subjectType: 'Workplace',
  subjectId: 'V29ya3BsYWNlOjE',
  requestId: 'req-1',
  changes: [
    {
      entityType: 'Workplace',
      entityId: 'w1',
      type: 'update',
      before: { name: 'Hemtjänst Norr', city: null },
      after: { name: 'Hemtjänst Nord', city: 'Motala' },
    },
  ],
  actor: { __typename: 'Person', id: ANNA, name: 'Anna Lindqvist' },
  apiClient: null,
};

function entries(filter: Record<string, unknown> | null, nodes: Record<string, unknown>[]): MockedResponse {
  return {
    request: { query: AuditEntriesDocument, variables: { first: 25, after: null, filter } },
    result: { data: page('auditEntries', 'AuditEntry', nodes) },
  };
}
const anna: MockedResponse = {
  request: { query: AdminPersonDocument, variables: { id: ANNA } },
  result: {
    data: {
      person: {
        __typename: 'Person',
        id: ANNA,
        name: 'Anna Lindqvist',
        email: null,
        erasedAt: null,
        homeOrganisation: { __typename: 'Organisation', id: 'o', name: 'Linköpings kommun' },
      },
    },
  },
};

describe('the audit trail', () => {
  it('reads its filters from the URL, days in Swedish time with the end day included, and shows a change field by field', async () => {
    const filter = { subjectType: 'Workplace', actorId: ANNA, from: '2026-11-30T23:00:00.000Z', to: '2026-12-01T23:00:00.000Z' };
    const { wrapper } = await mountInPortal(AuditTrailPage, {
      routes,
      at: `/admin/audit?type=Workplace&actor=${ANNA}&from=2026-12-01&to=2026-12-01`,
      mocks: [entries(filter, [entry]), anna],
    });
    await expect.poll(() => wrapper.findAll('.ek-table__scroll > table > tbody > tr').length).toBe(1);
    const row = wrapper.find('.ek-table__scroll > table > tbody > tr');
    expect(row.text()).toContain('2026-12-01 10:15:30');
    expect(row.text()).toContain('workplaceUpdate');
    expect(wrapper.find('[data-test="audit-actor"]').text()).toBe('Ändringar gjorda av Anna Lindqvist');
    expect((wrapper.find('#audit-type').element as HTMLSelectElement).value).toBe('Workplace');
    const change = row.find('.ek-audit-change');
    expect(change.text()).toContain('Ändrad: Workplace');
    expect(change.findAll('tbody tr').map((field) => field.findAll('th, td').map((cell) => cell.text()))).toEqual([
      ['name', 'Hemtjänst Norr', 'Hemtjänst Nord'],
      ['city', '–', 'Motala'],
    ]);
    wrapper.unmount();
  });

  it('writes the filters to the URL, refusing an end before the start, and says when nothing matches', async () => {
    const { wrapper, router } = await mountInPortal(AuditTrailPage, {
      routes,
      at: '/admin/audit',
      mocks: [entries(null, [entry]), entries({ subjectType: 'ApiClient', from: '2026-11-30T23:00:00.000Z' }, [])],
    });
    await expect.poll(() => wrapper.findAll('.ek-table__scroll > table > tbody > tr').length).toBe(1);
    await wrapper.find('#audit-type').setValue('ApiClient');
    await wrapper.find('#audit-from').setValue('2026-12-01');
    await wrapper.find('#audit-to').setValue('2026-11-01');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#audit-to-error').text()).toBe('Slutdatumet kan inte vara före startdatumet.');
    expect(router.currentRoute.value.query).toEqual({});
    await wrapper.find('#audit-to').setValue('');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.query).toEqual({ type: 'ApiClient', from: '2026-12-01' });
    await expect.poll(() => wrapper.text()).toContain('Inga ändringar matchar filtret.');
    wrapper.unmount();
  });
});
