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

describe('the demo data for agreements and cost shares', () => {
  it("has every member's agreement in force and computes the cost shares of 2023 to the krona", async () => {
    const administrator = await api.signIn('anna.lindqvist@linkoping.se', DEMO_PASSWORD);
    const response = await administrator(`{
      agreements(status: IN_FORCE, on: "2024-06-01") { organisation { name } services endsOn }
      costShareYear(year: 2023) { totalCost missing rows { organisationName amount } }
    }`);
    expect(response.errors).toBeUndefined();
    const { agreements, costShareYear } = response.data!;
    expect(agreements).toHaveLength(14);
    expect(agreements[0].services).toHaveLength(6);
    expect(costShareYear.missing).toEqual([]);
    expect(costShareYear.totalCost).toBe(Math.round((7_106_957 * 403.5) / 379.3));
    expect(costShareYear.rows).toHaveLength(14);
    expect(costShareYear.rows.reduce((sum: number, row: { amount: number }) => sum + row.amount, 0)).toBe(costShareYear.totalCost);
  });
});
