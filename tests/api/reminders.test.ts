import type { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm, RegistrationJobs, rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson } from '../support/factories.js';
import { createCohortWithSessions, createProgramme, registerForCohort } from '../support/training-factories.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

let api: TestApi;
let secondProcess: MikroORM;
let organisationId: string;
let programmeId: string;

beforeAll(async () => {
  api = await startTestApi();
  secondProcess = await openOrm(api.databaseUrl);
  organisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api);
});
afterAll(async () => {
  await secondProcess?.close();
  await api?.stop();
});

const reminders = () =>
  api.orm.em
    .getConnection()
    .execute<{ person_id: string; dedupe_key: string; subject: string; body: string }[]>(
      `select person_id, dedupe_key, subject, body from notification where kind = 'SESSION_REMINDER' order by person_id`,
    );

/** A cohort with sessions starting at these offsets from now, and `people` registered (confirmed up to the capacity, then waitlisted). */
async function cohortWithSessions(name: string, startOffsetsMs: number[], people: number, capacity = people) {
  const sessions = startOffsetsMs.map((offset) => {
    const startsAt = new Date(Date.now() + offset);
    return { startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 6 * HOUR_MS).toISOString() };
  });
  const { cohortId, sessionIds } = await createCohortWithSessions(api, programmeId, { name, capacity }, sessions);
  const registrations: { personId: string; id: string; status: string }[] = [];
  for (let index = 0; index < people; index += 1) {
    const person = await createPerson(api, organisationId);
    registrations.push({ personId: person.id, ...(await registerForCohort(api.graphql, cohortId, person.id)) });
  }
  return { cohortId, sessionIds, registrations };
}

describe('reminders before every session', () => {
  it('reminds each confirmed person once a session, also when two processes run the job at the same moment', async () => {
    // Two sessions within three days; two places, three people.
    const soon = await cohortWithSessions('Omgång vintern 2026', [2 * DAY_MS, 2.5 * DAY_MS], 3, 2);
    // The first session farther away than three days.
    await cohortWithSessions('Omgång våren 2027', [5 * DAY_MS], 1);
    // Already started: the first session was an hour ago, the second (reminded too) is tomorrow.
    const started = await cohortWithSessions('Omgång hösten 2026', [-HOUR_MS, DAY_MS], 1);
    expect(soon.registrations.map((registration) => registration.status)).toEqual(['CONFIRMED', 'CONFIRMED', 'WAITLISTED']);

    const logger = pino({ level: 'silent' });
    const runs = await Promise.all([
      new RegistrationJobs(api.orm, logger, 1000, 3).runOnce(),
      new RegistrationJobs(secondProcess, logger, 1000, 3).runOnce(),
    ]);
    expect(runs.reduce((sum, run) => sum + run.remindersQueued, 0)).toBe(5);

    const confirmed = soon.registrations.filter((registration) => registration.status === 'CONFIRMED');
    const rows = await reminders();
    const keys = (registrations: { id: string }[], sessionIds: string[]) =>
      registrations.flatMap((registration) =>
        sessionIds.map((sessionId) => `session-reminder:${rowId(registration.id)}:${rowId(sessionId)}`),
      );
    expect(rows.map((row) => row.dedupe_key).sort()).toEqual(
      [...keys(confirmed, soon.sessionIds), ...keys(started.registrations, started.sessionIds.slice(1))].sort(),
    );
    const first = rows.find((row) => row.dedupe_key.endsWith(rowId(soon.sessionIds[0]!)))!;
    expect(first.subject).toBe('Påminnelse: Omgång vintern 2026 börjar snart');
    expect(first.body).toContain('Första träffen är');
    const second = rows.find((row) => row.dedupe_key.endsWith(rowId(soon.sessionIds[1]!)))!;
    expect(second.subject).toBe('Påminnelse: nästa träff i Omgång vintern 2026');
    expect(second.body).toContain('Nästa träff i Omgång vintern 2026 är');

    // Running again adds none.
    const again = await Promise.all([
      new RegistrationJobs(api.orm, logger, 1000, 3).runOnce(),
      new RegistrationJobs(secondProcess, logger, 1000, 3).runOnce(),
    ]);
    expect(again.map((run) => run.remindersQueued)).toEqual([0, 0]);
    expect(await reminders()).toHaveLength(5);

    // The farther cohort's turn comes when its first session is within the window.
    const later = await new RegistrationJobs(api.orm, logger, 1000, 3).runOnce(new Date(Date.now() + 2.5 * DAY_MS));
    expect(later.remindersQueued).toBe(1);
  });
});
