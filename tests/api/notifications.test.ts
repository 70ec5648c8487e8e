import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { freePort, rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { ormConfig } from '@evikomp/api/database/orm-config';
import { enqueueNotification, NotificationKind, type NotificationData } from '@evikomp/api/notification/outbox';
import { smtpTransport } from '@evikomp/api/notification/transport';
import { NotificationWorker, type RetryPolicy } from '@evikomp/api/notification/worker';
import { createOrganisation, createPerson, USER_ERRORS } from '../support/factories.js';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp.js';

const FIRST_SESSION = new Date('2026-12-03T08:30:00Z'); // 09:30 in Stockholm
const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

let api: TestApi;
let smtp: TestSmtpServer;
let organisationId: string;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  api = await startTestApi({ smtpUrl: smtp.url });
  organisationId = (await createOrganisation(api)).id;
});
afterAll(async () => {
  await api?.stop();
  await smtp?.close();
});
beforeEach(async () => {
  await api.orm.em.getConnection().execute('delete from notification');
  smtp.messages.length = 0;
});

/** A person (row id and address) who reads e-mail in `language`. */
async function recipient(language: 'SV' | 'EN' = 'SV') {
  const person = await createPerson(api, organisationId, { language });
  return { id: rowId(person.id), globalId: person.id, email: person.email };
}

function enqueue(
  personId: string,
  data: NotificationData = { offeringName: 'Ledarutbildning, omgång 1', firstSessionStartsAt: FIRST_SESSION },
  dedupeKey?: string,
) {
  return api.orm.em
    .fork()
    .transactional((em) => enqueueNotification(em, { kind: NotificationKind.REGISTRATION_CONFIRMED, personId, data, dedupeKey }));
}

interface OutboxRow {
  id: string;
  person_id: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  sent_at: string | null;
  body: string;
}

const outbox = () => api.orm.em.getConnection().execute<OutboxRow[]>('select * from notification order by created_at, id');

function worker(options: { orm?: MikroORM; smtpUrl?: string; batchSize?: number; retry?: Partial<RetryPolicy> } = {}) {
  return new NotificationWorker({
    orm: options.orm ?? api.orm,
    logger,
    transport: smtpTransport(options.smtpUrl ?? smtp.url, 'Evikomp test <no-reply@evikomp.test>'),
    batchSize: options.batchSize,
    retry: options.retry,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the notifications outbox', () => {
  it('holds a message only when the transaction that enqueued it commits', async () => {
    const person = await recipient();
    const rollback = api.orm.em.fork().transactional(async (em) => {
      await enqueueNotification(em, {
        kind: NotificationKind.REGISTRATION_WAITLISTED,
        personId: person.id,
        data: { offeringName: 'Omgång 2', waitlistPosition: 3 },
      });
      throw new Error('the registration failed');
    });
    await expect(rollback).rejects.toThrow('the registration failed');
    expect(await outbox()).toEqual([]);

    await enqueue(person.id);
    expect(await outbox()).toEqual([expect.objectContaining({ person_id: person.id, status: 'PENDING', attempts: 0, sent_at: null })]);
  });

  it('enqueues a message with a dedupe key once, also when two transactions race', async () => {
    const person = await recipient();
    const data = { offeringName: 'Nätverksträff Östergötland', meetingStartsAt: FIRST_SESSION };
    const remind = () =>
      api.orm.em.fork().transactional((em) =>
        enqueueNotification(em, {
          kind: NotificationKind.MEETING_REMINDER,
          personId: person.id,
          data,
          dedupeKey: `meeting-reminder:42:${person.id}`,
        }),
      );
    await Promise.all([remind(), remind()]);
    await remind();
    expect(await outbox()).toHaveLength(1);
  });

  it('sends nothing to an erased person', async () => {
    const person = await recipient();
    await api.graphql(`mutation($input: PersonEraseInput!) { personErase(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: person.globalId, confirm: true },
    });
    await enqueue(person.id);
    expect(await outbox()).toEqual([]);
  });

  it("refuses data a kind needs but lacks, failing the caller's transaction", async () => {
    const person = await recipient();
    await expect(
      api.orm.em
        .fork()
        .transactional((em) =>
          enqueueNotification(em, { kind: NotificationKind.OFFER_MADE, personId: person.id, data: { offeringName: 'Omgång 3' } }),
        ),
    ).rejects.toThrow(/needs data.offerExpiresAt/);
    expect(await outbox()).toEqual([]);
  });
});

describe('the notification worker', () => {
  it('drops, unsent, a message whose person was erased after it was written', async () => {
    const person = await recipient();
    await enqueue(person.id);
    // As if the erasure committed while the message's transaction was still open.
    await api.orm.em.getConnection().execute(`update person set erased_at = now() where id = ?`, [person.id]);
    expect(await api.notifications.deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(smtp.messages).toEqual([]);
    expect(await outbox()).toEqual([]);
  });

  it("delivers to the SMTP server once, in each person's language", async () => {
    const swedish = await recipient('SV');
    const english = await recipient('EN');
    await enqueue(swedish.id);
    await enqueue(english.id);

    expect(await api.notifications.deliverDue()).toEqual({ sent: 2, failed: 0 });
    expect(await api.notifications.deliverDue()).toEqual({ sent: 0, failed: 0 });

    const rows = await outbox();
    expect(rows.map((row) => row.status)).toEqual(['SENT', 'SENT']);
    const mailTo = (person: { email: string }) =>
      smtp.messages.find((mail) => mail.to && !Array.isArray(mail.to) && mail.to.value[0]!.address === person.email)!;
    const [sv, en] = [mailTo(swedish), mailTo(english)];
    expect(smtp.messages).toHaveLength(2);
    expect(sv.subject).toBe('Du har fått en plats: Ledarutbildning, omgång 1');
    expect(sv.text).toContain('Din anmälan till Ledarutbildning, omgång 1 är bekräftad.');
    expect(sv.text).toContain('torsdag 3 december 2026 kl. 09:30');
    expect(en.subject).toBe('Your place is confirmed: Ledarutbildning, omgång 1');
    expect(en.text).toContain('Your registration for Ledarutbildning, omgång 1 is confirmed.');
    expect(en.text).toMatch(/Thursday,? 3 December 2026 at 09:30/);
    expect(sv.from?.text).toContain('no-reply@evikomp.test');
    // The id is the row's, so a message sent twice after a crash can be recognised.
    const svRow = rows.find((row) => row.person_id === swedish.id)!;
    expect(sv.messageId).toBe(`<notification-${svRow.id}@evikomp>`);
  });

  it('two workers, each with its own database connections, deliver 50 messages exactly once between them', async () => {
    const people = await Promise.all(Array.from({ length: 5 }, () => recipient()));
    for (let index = 0; index < 50; index += 1) await enqueue(people[index % 5]!.id, { offeringName: `Omgång ${index}` });
    const secondOrm = await MikroORM.init(ormConfig({ clientUrl: api.databaseUrl, poolMax: 5 }));
    try {
      const [first, second] = [worker({ batchSize: 4 }), worker({ orm: secondOrm, batchSize: 4 })];
      const results = await Promise.all([first.deliverDue(), second.deliverDue()]);
      expect(results[0].sent + results[1].sent).toBe(50);
      await Promise.all([first.stop(), second.stop()]);
    } finally {
      await secondOrm.close();
    }
    const ids = smtp.messages.map((mail) => mail.messageId);
    expect(ids).toHaveLength(50);
    expect(new Set(ids).size).toBe(50);
    expect(new Set(smtp.messages.map((mail) => mail.subject))).toEqual(
      new Set(Array.from({ length: 50 }, (_, index) => `Du har fått en plats: Omgång ${index}`)),
    );
    expect((await outbox()).every((row) => row.status === 'SENT' && row.sent_at !== null)).toBe(true);
  });

  it('retries with backoff while the SMTP server is down, then delivers once', async () => {
    const port = await freePort();
    const down = worker({ smtpUrl: `smtp://127.0.0.1:${port}`, retry: { baseDelayMs: 400 } });
    const person = await recipient();
    await enqueue(person.id);

    const before = Date.now();
    expect(await down.deliverDue()).toEqual({ sent: 0, failed: 1 });
    let [row] = await outbox();
    expect(row).toMatchObject({
      status: 'PENDING',
      attempts: 1,
      sent_at: null,
      last_error: expect.stringMatching(/ECONNREFUSED|ESOCKET|ECONNECTION/),
    });
    expect(row!.last_error).not.toMatch(/\n|at .*\(/);
    expect(new Date(row!.next_attempt_at).getTime()).toBeGreaterThan(before + 300);
    // Not due yet: another pass leaves it alone.
    expect(await down.deliverDue()).toEqual({ sent: 0, failed: 0 });

    const revived = await startTestSmtpServer(port);
    try {
      await sleep(Math.max(0, new Date(row!.next_attempt_at).getTime() - Date.now()) + 20);
      expect(await down.deliverDue()).toEqual({ sent: 1, failed: 0 });
      expect(await down.deliverDue()).toEqual({ sent: 0, failed: 0 });
      expect(revived.messages).toHaveLength(1);
      [row] = await outbox();
      expect(row).toMatchObject({ status: 'SENT', attempts: 1 });
    } finally {
      await down.stop();
      await revived.close();
    }
  });

  it('retries when the server refuses the sender or the login, gives up at once when it refuses the recipient, and ends the pass on trouble', async () => {
    const refusing = (stage: 'sender' | 'recipient') =>
      new SMTPServer({
        authOptional: true,
        disabledCommands: ['STARTTLS', 'AUTH'],
        logger: false,
        onMailFrom: (_address, _session, callback) =>
          callback(stage === 'sender' ? Object.assign(new Error('Sender refused'), { responseCode: 550 }) : undefined),
        onRcptTo: (_address, _session, callback) =>
          callback(stage === 'recipient' ? Object.assign(new Error('No such mailbox'), { responseCode: 550 }) : undefined),
      });
    for (const [stage, status] of [
      ['sender', 'PENDING'],
      ['recipient', 'FAILED'],
    ] as const) {
      await api.orm.em.getConnection().execute('delete from notification');
      const server = refusing(stage);
      const port = await freePort();
      await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
      const sending = worker({ smtpUrl: `smtp://127.0.0.1:${port}` });
      try {
        await enqueue((await recipient()).id);
        await enqueue((await recipient()).id);
        // A refused sender concerns every message: the pass stops after the first.
        expect(await sending.deliverDue()).toEqual({ sent: 0, failed: stage === 'sender' ? 1 : 2 });
        expect((await outbox()).map((row) => [row.status, row.attempts])).toEqual(
          stage === 'sender'
            ? [
                [status, 1],
                ['PENDING', 0],
              ]
            : [
                [status, 1],
                [status, 1],
              ],
        );
      } finally {
        await sending.stop();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    }
  });

  it('gives up after the last attempt', async () => {
    const port = await freePort();
    const down = worker({ smtpUrl: `smtp://127.0.0.1:${port}`, retry: { baseDelayMs: 1, maxAttempts: 2 } });
    await enqueue((await recipient()).id);
    await down.deliverDue();
    await sleep(10);
    await down.deliverDue();
    await sleep(10);
    expect(await down.deliverDue()).toEqual({ sent: 0, failed: 0 });
    expect(await outbox()).toEqual([expect.objectContaining({ status: 'FAILED', attempts: 2, sent_at: null })]);
    await down.stop();
  });

  it('runs by itself in an API started with notificationWorker, and carries password-reset links', async () => {
    const person = await recipient('EN');
    await api.createAccount(person.globalId);
    // A second API process on the same database, its worker polling, resets through the outbox as in production.
    const second = await startTestApi({
      databaseUrl: api.databaseUrl,
      withAdministrator: false,
      smtpUrl: smtp.url,
      notificationWorker: { pollMs: 20 },
      resetsThroughOutbox: true,
    });
    try {
      await second.anonymous(`mutation($email: String!) { passwordResetRequest(input: { email: $email }) { ok } }`, {
        email: person.email,
      });
      for (let waited = 0; smtp.messages.length === 0 && waited < 5000; waited += 20) await sleep(20);
      expect(smtp.messages).toHaveLength(1);
      const mail = smtp.messages[0]!;
      expect(mail.subject).toBe('Choose a new password for Evikomp');
      // A link to the portal's reset page (PUBLIC_URL, here the test API's own address), not a bare code.
      const code = new RegExp(`^${second.url}/reset-password/([A-Za-z0-9_-]{43})$`, 'm').exec(mail.text ?? '')?.[1];
      expect(code).toBeDefined();
      // The link is a credential: once sent, the outbox no longer holds it, and the audit trail never did.
      for (let waited = 0; (await outbox())[0]?.status !== 'SENT' && waited < 2000; waited += 20) await sleep(20);
      expect((await outbox())[0]!.body).not.toContain(code);
      const trail = await api.orm.em
        .getConnection()
        .execute<{ n: number }[]>(`select count(*)::int as n from audit_entry where changes::text like ?`, [`%${code}%`]);
      expect(trail[0]!.n).toBe(0);
      const reset = await second.anonymous(`mutation($input: PasswordResetInput!) { passwordReset(input: $input) { ok } }`, {
        input: { token: code, newPassword: 'ett-nytt-lösenord-1' },
      });
      expect(reset.data!.passwordReset.ok).toBe(true);
    } finally {
      await second.stop();
    }
  });
});

describe("a person's language", () => {
  it('is Swedish unless chosen, and the person may change it', async () => {
    const person = await createPerson(api, organisationId);
    const read = `query($id: ID!) { person(id: $id) { language } }`;
    expect((await api.graphql(read, { id: person.id })).data!.person.language).toBe('SV');
    await api.createAccount(person.id);
    const own = await api.signIn(person.email);
    const update = await own(
      `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { person { language } ${USER_ERRORS} } }`,
      { input: { id: person.id, language: 'EN' } },
    );
    expect(update.data!.personUpdate).toEqual({ person: { language: 'EN' }, errors: [] });

    await enqueue(rowId(person.id));
    await api.notifications.deliverDue();
    expect(smtp.messages[0]!.subject).toBe('Your place is confirmed: Ledarutbildning, omgång 1');
  });
});
