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

describe('the demo data for the dashboard', () => {
  it('gives a new user a living county dashboard over the last twelve months', async () => {
    const administrator = await api.signIn('anna.lindqvist@linkoping.se', DEMO_PASSWORD);
    const response = await administrator(`{ dashboard { months series { key values } } }`);
    expect(response.errors).toBeUndefined();
    const series = Object.fromEntries(
      (response.data!.dashboard.series as { key: string; values: number[] }[]).map((entry) => [entry.key, entry.values]),
    );
    const monthsWith = (key: string) => series[key]!.filter((value) => value > 0).length;
    // Two workplaces join every month (the first month may fall just before the seeding's twelve).
    expect(monthsWith('workplacesJoined')).toBeGreaterThanOrEqual(11);
    expect(series.workplacesTotal![11]).toBeGreaterThan(series.workplacesTotal![0]!);
    expect(monthsWith('managersTrained')).toBeGreaterThanOrEqual(4);
    expect(monthsWith('peopleReached')).toBeGreaterThanOrEqual(6);
    expect(series.networkMembers![11]).toBeGreaterThan(series.networkMembers![0]!);
    expect(monthsWith('networkMembers')).toBeGreaterThanOrEqual(6);
  });
});
