import { pino } from 'pino';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { seedDemoDataIfEmpty } from '@evikomp/api/seed/seed-database';

export const DEMO_ADMINISTRATOR = { email: 'anna.lindqvist@linkoping.se', password: 'evikomp-demo' };

/**
 * The real API serving the BUILT portal, on its own database with the Östergötland demo data. With `smtpUrl`,
 * e-mail (password-reset links too, through the outbox as in production) goes to that SMTP server, the worker polling.
 */
export async function startPortalServer(options: { smtpUrl?: string } = {}): Promise<TestApi> {
  const api = await startTestApi({
    withAdministrator: false,
    portal: {},
    throttle: { maxFailuresPerAccount: 50 },
    ...(options.smtpUrl ? { smtpUrl: options.smtpUrl, notificationWorker: { pollMs: 50 }, resetsThroughOutbox: true } : {}),
  });
  await seedDemoDataIfEmpty(api.orm, pino({ level: 'silent' }), { production: false });
  return api;
}
