import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { DEMO_PASSWORD, seedDemoDataIfEmpty } from '@evikomp/api/seed/seed-database';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi({ withAdministrator: false });
  await seedDemoDataIfEmpty(api.orm, pino({ level: 'silent' }), { production: false });
});
afterAll(() => api?.stop());

describe('the demo data for staff', () => {
  it('gives every active workplace a few employees, and some of them history', async () => {
    const administrator = await api.signIn('anna.lindqvist@linkoping.se', DEMO_PASSWORD);
    const response = await administrator(`{
      workplaces(first: 100, filter: { status: ACTIVE }) { edges { node {
        current: staff(filter: { status: CURRENT }) { totalCount edges { node { employeeNumber title person { name } } } }
        ended: staff(filter: { status: ENDED }) { totalCount }
      } } }
    }`);
    expect(response.errors).toBeUndefined();
    const workplaces = response.data!.workplaces.edges.map((edge: { node: any }) => edge.node);
    expect(workplaces).toHaveLength(100);
    for (const workplace of workplaces) {
      expect(workplace.current.totalCount + workplace.ended.totalCount).toBe(3);
      expect(workplace.current.totalCount).toBeGreaterThanOrEqual(2);
      expect(workplace.current.edges[0].node).toMatchObject({ employeeNumber: expect.any(String), title: expect.any(String) });
    }
    expect(workplaces.some((workplace: { ended: { totalCount: number } }) => workplace.ended.totalCount > 0)).toBe(true);
  });
});
