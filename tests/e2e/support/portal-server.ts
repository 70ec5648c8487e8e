import { pino } from 'pino';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { seedDemoDataIfEmpty } from '@evikomp/api/seed/seed-database';

export const DEMO_ADMINISTRATOR = { email: 'anna.lindqvist@linkoping.se', password: 'evikomp-demo' };

/** The real API serving the BUILT portal, on its own database with the Östergötland demo data. */
export async function startPortalServer(): Promise<TestApi> {
  const api = await startTestApi({ withAdministrator: false, portal: {}, throttle: { maxFailuresPerAccountAndAddress: 50 } });
  await seedDemoDataIfEmpty(api.orm, pino({ level: 'silent' }), { production: false });
  return api;
}
