import type { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm, RegistrationJobs, rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { smtpTransport } from '@evikomp/api/notification/transport';
import { NotificationWorker } from '@evikomp/api/notification/worker';
import { createOrganisation, createPerson, USER_ERRORS } from '../support/factories.js';
import { createCohort, createProgramme } from '../support/training-factories.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const REGISTER = `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id status } ${USER_ERRORS} } }`;
const CANCEL = `mutation($id: ID!) { registrationCancel(input: { id: $id }) { ${USER_ERRORS} } }`;

let api: TestApi;
let smtp: TestSmtpServer;
let secondProcess: MikroORM;
let organisationId: string;
let programmeId: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  api = await startTestApi({ smtpUrl: smtp.url });
  secondProcess = await openOrm(api.databaseUrl);
  organisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api);
});
afterAll(async () => {
  await secondProcess?.close();
  await api?.stop();
  await smtp?.close();
});

type OutboxRow = { kind: string; person_id: string; status: string; to_address: string };
const outbox = () =>
  api.orm.em.getConnection().execute<OutboxRow[]>(`select kind, person_id, status, to_address from notification order by created_at, id`);

const cohort = (input: Record<string, unknown>) => createCohort(api, programmeId, input);

describe('notifications of registration changes', () => {
  it("puts exactly one message per change in the outbox, in the person's language, and two workers deliver each once", async () => {
    const cohortId = await cohort({ name: 'Omgång våren 2027', capacity: 1 });
    const anna = await createPerson(api, organisationId, { firstName: 'Anna' });
    const bob = await createPerson(api, organisationId, { firstName: 'Bob', language: 'EN' });
    const before = (await outbox()).length;

    const first = await api.graphql(REGISTER, { input: { cohortId, personId: anna.id } });
    expect((await outbox()).slice(before).map((row) => [row.kind, row.person_id])).toEqual([['REGISTRATION_CONFIRMED', rowId(anna.id)]]);
    await api.graphql(REGISTER, { input: { cohortId, personId: bob.id } });
    // A refused registration (twice) writes no message.
    expect((await api.graphql(REGISTER, { input: { cohortId, personId: bob.id } })).data!.cohortRegister.errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT' }),
    ]);
    // Cancelling changes two registrations: one message each.
    await api.graphql(CANCEL, { id: first.data!.cohortRegister.registration.id });
    expect((await outbox()).slice(before).map((row) => [row.kind, row.person_id])).toEqual([
      ['REGISTRATION_CONFIRMED', rowId(anna.id)],
      ['REGISTRATION_WAITLISTED', rowId(bob.id)],
      ['REGISTRATION_CANCELLED', rowId(anna.id)],
      ['REGISTRATION_PROMOTED', rowId(bob.id)],
    ]);

    const logger = pino({ level: 'silent' });
    const other = new NotificationWorker({
      orm: secondProcess,
      logger,
      transport: smtpTransport(smtp.url, 'Evikomp test <no-reply@evikomp.test>'),
    });
    const results = await Promise.all([api.notifications.deliverDue(), other.deliverDue()]);
    expect(results.reduce((sum, result) => sum + result.sent, 0)).toBe((await outbox()).length);
    await other.stop();

    const received = smtp.messages.filter((mail) => [anna.email, bob.email].includes((mail.to as { text: string }).text));
    expect(received).toHaveLength(4);
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(4);
    // Two workers send at once, and the test server keeps messages as it finishes parsing them: any order.
    expect(received.map((mail) => mail.subject).sort()).toEqual(
      [
        'Du har fått en plats: Omgång våren 2027',
        'You are on the waiting list: Omgång våren 2027',
        'Avanmäld: Omgång våren 2027',
        'You have a place from the waiting list: Omgång våren 2027',
      ].sort(),
    );
    expect(received.find((mail) => mail.subject!.startsWith('You are on the waiting list'))!.text).toContain('number 1');
    expect((await outbox()).every((row) => row.status === 'SENT')).toBe(true);
  });

  it('tells about an offer and its lapse once, also when two processes run the expiry job', async () => {
    const cohortId = await cohort({ name: 'Omgång hösten 2027', capacity: 1, promotionPolicy: 'OFFER' });
    const people = [
      await createPerson(api, organisationId),
      await createPerson(api, organisationId),
      await createPerson(api, organisationId),
    ];
    const registrations = [];
    for (const person of people)
      registrations.push((await api.graphql(REGISTER, { input: { cohortId, personId: person.id } })).data!.cohortRegister.registration.id);
    await api.graphql(CANCEL, { id: registrations[0] });
    await api.orm.em
      .getConnection()
      .execute(`update registration set offer_expires_at = now() - interval '1 second' where id = ?`, [rowId(registrations[1]!)]);
    const logger = pino({ level: 'silent' });
    await Promise.all([new RegistrationJobs(api.orm, logger, 1000).runOnce(), new RegistrationJobs(secondProcess, logger, 1000).runOnce()]);
    const kinds = async (personId: string) => (await outbox()).filter((row) => row.person_id === rowId(personId)).map((row) => row.kind);
    expect(await kinds(people[1]!.id)).toEqual(['REGISTRATION_WAITLISTED', 'OFFER_MADE', 'OFFER_LAPSED']);
    expect(await kinds(people[2]!.id)).toEqual(['REGISTRATION_WAITLISTED', 'OFFER_MADE']);
  });
});
