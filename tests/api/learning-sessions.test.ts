/**
 * Learning sessions and attested time (issue 11, acceptance 5 and the funder export of 6): sessions registered by
 * the workplace's people, hours per participant adding up per month, the two attestation steps only in order and
 * by the right person with their evidence, closed months refusing every change with the month named, paper lists
 * attesting both steps and saying so, the funder's XLSX, reminders in the outbox, and erasure keeping attested hours.
 */
import ExcelJS from 'exceljs';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LearningJobs, rowId, startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, snapshot, USER_ERRORS } from '../support/factories.js';

const IDENTITY = { long: '19811218-9876', digits: '8112189876' };

type Actor =
  | 'administrator'
  | 'organisationAdmin'
  | 'manager'
  | 'workplaceCoordinator'
  | 'participant'
  | 'colleague'
  | 'otherManager'
  | 'otherOrganisationAdmin'
  | 'otherOrganisationManager';

let api: TestApi;
const as = {} as Record<Actor, GraphQLClient>;
const ids = {} as Record<string, string>;
/** Every response a non-administrator got, to look for the identity number in. */
const nonAdminResponses: unknown[] = [];

const SESSION = `learningSession { id heldOn startsAt endsAt durationHours type funderReference recordedFromPaperList cancelledAt
  participants { hours status person { id }
    confirmation { step method hours signedBy { id } recordedBy { id } ipAddress }
    attestation { step method hours signedBy { id } recordedBy { id } ipAddress } }
  paperListSignedBy { id } }`;
const CREATE = `mutation($input: LearningSessionCreateInput!) { learningSessionCreate(input: $input) { ${SESSION} ${USER_ERRORS} } }`;
const PAPER = `mutation($input: LearningSessionPaperListInput!) { learningSessionRecordPaperList(input: $input) { ${SESSION} ${USER_ERRORS} } }`;
const UPDATE = `mutation($input: LearningSessionUpdateInput!) { learningSessionUpdate(input: $input) { ${SESSION} ${USER_ERRORS} } }`;
const CANCEL = `mutation($input: LearningSessionCancelInput!) { learningSessionCancel(input: $input) { ${SESSION} ${USER_ERRORS} } }`;
const STEP = `attestation { id step method hours month signedAt ipAddress participant { id } signedBy { id } }`;
const CONFIRM = `mutation($input: LearningHoursConfirmInput!) { learningHoursConfirm(input: $input) { ${STEP} ${USER_ERRORS} } }`;
const ATTEST = `mutation($input: LearningHoursAttestInput!) { learningHoursAttest(input: $input) { ${STEP} ${USER_ERRORS} } }`;
const CLOSE = `mutation($input: LearningMonthCloseInput!) { learningMonthClose(input: $input) { monthClose { id month countyWide organisation { id } } ${USER_ERRORS} } }`;
const HOURS = `query($personId: ID!, $from: String, $to: String) { learningHours(personId: $personId, fromMonth: $from, toMonth: $to) {
  month hours confirmedHours attestedHours status workplace { id } } }`;
const LIST = `query($workplaceId: ID!, $month: String) { learningSessions(workplaceId: $workplaceId, month: $month, first: 50) { totalCount edges { node { id heldOn } } } }`;
const REPORT = `query($ref: String!, $month: String!) { learningFunderReport(funderReference: $ref, month: $month) { fileName contentType contentBase64 } }`;

async function call(actor: Actor, query: string, variables: Record<string, unknown>) {
  const response = await as[actor](query, variables);
  if (actor !== 'administrator') nonAdminResponses.push(response);
  return response;
}

/** The payload of a mutation, or the request error's code. */
async function mutate(actor: Actor, query: string, input: Record<string, unknown>) {
  const response = await call(actor, query, { input });
  if (response.errors?.length) return { errors: [{ code: response.errors[0]!.extensions!.code as string, field: null, message: '' }] };
  return Object.values(response.data!)[0] as Record<string, any> & { errors: { field: string | null; code: string; message: string }[] };
}

function session(day: string, participants: Record<string, unknown>[], extra: Record<string, unknown> = {}) {
  return { workplaceId: ids.workplaceA, heldOn: day, startsAt: '09:00', endsAt: '10:30', type: 'REFLECTION', participants, ...extra };
}

async function createSession(actor: Actor, input: Record<string, unknown>) {
  const payload = await mutate(actor, CREATE, input);
  expect(payload.errors).toEqual([]);
  return payload.learningSession as Record<string, any>;
}

beforeAll(async () => {
  api = await startTestApi();
  const motala = await createOrganisation(api, { name: 'Motala kommun' });
  const norrkoping = await createOrganisation(api, { name: 'Norrköpings kommun' });
  ids.motala = motala.id;
  ids.motalaNumber = motala.organisationNumber;
  ids.norrkoping = norrkoping.id;
  ids.workplaceA = (await createWorkplace(api, motala.id, { name: 'Hemtjänst Centrum', joinedOn: '2020-01-01' })).id;
  ids.workplaceB = (await createWorkplace(api, motala.id, { name: 'Hemtjänst Väster', joinedOn: '2020-01-01' })).id;
  ids.workplaceC = (await createWorkplace(api, norrkoping.id, { name: 'Hemtjänst Norr', joinedOn: '2020-01-01' })).id;
  const person = async (actor: Actor, organisationId: string, role?: Record<string, unknown>, input: Record<string, unknown> = {}) => {
    const created = await createPerson(api, organisationId, input);
    ids[actor] = created.id;
    if (role) await assignRole(api, { personId: created.id, startsOn: '2021-01-01', ...role });
    await api.createAccount(created.id);
    as[actor] = await api.signIn(created.email);
  };
  await person('organisationAdmin', motala.id, { role: 'ORGANISATION_ADMIN', organisationId: motala.id });
  await person('manager', motala.id, { role: 'MANAGER', workplaceId: ids.workplaceA });
  await person('workplaceCoordinator', motala.id, { role: 'WORKPLACE_COORDINATOR', workplaceId: ids.workplaceA });
  await person('participant', motala.id, undefined, { firstName: 'Anna', lastName: 'Berg', identityNumber: IDENTITY.long });
  await person('colleague', motala.id, undefined, { firstName: 'Cecilia', lastName: 'Dahl' });
  await person('otherManager', motala.id, { role: 'MANAGER', workplaceId: ids.workplaceB });
  await person('otherOrganisationAdmin', norrkoping.id, { role: 'ORGANISATION_ADMIN', organisationId: norrkoping.id });
  await person('otherOrganisationManager', norrkoping.id, { role: 'MANAGER', workplaceId: ids.workplaceC });
  as.administrator = api.graphql;
  ids.outsider = (await createPerson(api, motala.id)).id;
  for (const personId of [ids.participant, ids.colleague]) {
    const employed = await api.graphql(
      `mutation($input: EmploymentCreateInput!) { employmentCreate(input: $input) { employment { id } ${USER_ERRORS} } }`,
      { input: { personId, workplaceId: ids.workplaceA, startsOn: '2022-01-01' } },
    );
    expect(employed.data!.employmentCreate.errors).toEqual([]);
  }
});
afterAll(() => api?.stop());

describe('registering learning sessions', () => {
  it("counts each participant's hours, the session's length unless set, and adds them up per month", async () => {
    const first = await createSession(
      'workplaceCoordinator',
      session('2026-01-13', [{ personId: ids.participant }, { personId: ids.colleague, hours: 1 }]),
    );
    expect(first.durationHours).toBe(1.5);
    expect(first.participants.map((p: { hours: number; status: string }) => [p.hours, p.status])).toEqual(
      expect.arrayContaining([
        [1.5, 'UNCONFIRMED'],
        [1, 'UNCONFIRMED'],
      ]),
    );
    await createSession(
      'manager',
      session('2026-01-27', [{ personId: ids.participant, hours: 0.75 }], { startsAt: '13:00', endsAt: '14:00' }),
    );
    const hours = await call('participant', HOURS, { personId: ids.participant, from: '2026-01', to: '2026-01' });
    expect(hours.data!.learningHours).toEqual([
      // The participant sees the workplace of their own hours: they confirm the month by it.
      { month: '2026-01', hours: 2.25, confirmedHours: 0, attestedHours: 0, status: 'UNCONFIRMED', workplace: { id: ids.workplaceA } },
    ]);
    const named = await call('participant', `query($id: ID!) { learningHours(personId: $id) { workplace { name } } }`, {
      id: ids.participant,
    });
    expect(named.data!.learningHours).toContainEqual({ workplace: { name: 'Hemtjänst Centrum' } });
    // Not someone else's: a colleague reading the participant's hours gets nothing.
    const byColleague = await call('colleague', HOURS, { personId: ids.participant, from: '2026-01', to: '2026-01' });
    expect(byColleague.data!.learningHours).toEqual([]);
    const seenByManager = await call('manager', HOURS, { personId: ids.participant, from: '2026-01', to: '2026-01' });
    expect(seenByManager.data!.learningHours[0]).toMatchObject({ hours: 2.25, workplace: { id: ids.workplaceA } });
  });

  it('lets the workplace, its organisation and administrators register and read, and nobody else', async () => {
    const expected: Record<Actor, string> = {
      administrator: 'ok',
      organisationAdmin: 'ok',
      manager: 'ok',
      workplaceCoordinator: 'ok',
      participant: 'NOT_FOUND',
      colleague: 'NOT_FOUND',
      otherManager: 'NOT_FOUND',
      otherOrganisationAdmin: 'NOT_FOUND',
      otherOrganisationManager: 'NOT_FOUND',
    };
    const outcomes = {} as Record<Actor, string>;
    const counts = {} as Record<Actor, number>;
    for (const actor of Object.keys(expected) as Actor[]) {
      const payload = await mutate(actor, CREATE, session('2026-02-03', [{ personId: ids.colleague }]));
      outcomes[actor] = payload.errors.length === 0 ? 'ok' : payload.errors[0]!.code;
    }
    for (const actor of Object.keys(expected) as Actor[]) {
      const list = await call(actor, LIST, { workplaceId: ids.workplaceA, month: '2026-02' });
      counts[actor] = list.data!.learningSessions.totalCount;
    }
    expect(outcomes).toEqual(expected);
    for (const actor of Object.keys(expected) as Actor[]) expect([actor, counts[actor]]).toEqual([actor, expected[actor] === 'ok' ? 4 : 0]);
    // Another organisation's people do not see the participant's hours either.
    const hours = await call('otherOrganisationAdmin', HOURS, { personId: ids.colleague });
    expect(hours.data!.learningHours).toEqual([]);
  });

  it('refuses a participant who neither works nor holds a role at the workplace, naming the field, and writes nothing', async () => {
    const before = await snapshot(api);
    const payload = await mutate('manager', CREATE, session('2026-02-10', [{ personId: ids.colleague }, { personId: ids.outsider }]));
    expect(payload.errors).toEqual([expect.objectContaining({ field: 'participants.1.personId', code: 'INVALID' })]);
    const times = await mutate('manager', CREATE, session('2026-02-10', [], { startsAt: '10:00', endsAt: '09:00' }));
    expect(times.errors).toEqual([expect.objectContaining({ field: 'endsAt', code: 'INVALID' })]);
    expect(await snapshot(api)).toBe(before);
  });
});

describe('the two attestation steps', () => {
  it('happen only in order and by the right person, each keeping its evidence', async () => {
    await createSession('workplaceCoordinator', session('2026-04-07', [{ personId: ids.participant }, { personId: ids.colleague }]));
    const attest = { workplaceId: ids.workplaceA, personId: ids.participant, month: '2026-04' };
    const confirm = { workplaceId: ids.workplaceA, month: '2026-04' };
    const before = await snapshot(api);
    // Attesting before the participant confirmed, or by anyone but the workplace's manager.
    expect((await mutate('manager', ATTEST, attest)).errors).toEqual([expect.objectContaining({ field: 'month', code: 'CONFLICT' })]);
    expect((await mutate('workplaceCoordinator', ATTEST, attest)).errors[0]!.code).toBe('FORBIDDEN');
    expect((await mutate('organisationAdmin', ATTEST, attest)).errors[0]!.code).toBe('FORBIDDEN');
    expect((await mutate('administrator', ATTEST, attest)).errors[0]!.code).toBe('FORBIDDEN');
    expect((await mutate('otherManager', ATTEST, attest)).errors[0]!.code).toBe('NOT_FOUND');
    expect((await mutate('otherOrganisationManager', ATTEST, attest)).errors[0]!.code).toBe('NOT_FOUND');
    expect((await mutate('participant', ATTEST, attest)).errors[0]!.code).toBe('NOT_FOUND');
    // Confirming is the participant's own: the manager has no hours of their own to confirm there.
    expect((await mutate('manager', CONFIRM, confirm)).errors).toEqual([expect.objectContaining({ code: 'CONFLICT' })]);
    expect(await snapshot(api)).toBe(before);

    const confirmed = await mutate('participant', CONFIRM, confirm);
    expect(confirmed.errors).toEqual([]);
    expect(confirmed.attestation).toMatchObject({
      step: 'CONFIRMED',
      method: 'PASSWORD',
      hours: 1.5,
      month: '2026-04',
      participant: { id: ids.participant },
      signedBy: { id: ids.participant },
      ipAddress: null,
    });
    expect((await mutate('participant', CONFIRM, confirm)).errors[0]!.code).toBe('CONFLICT');

    const attested = await mutate('manager', ATTEST, attest);
    expect(attested.errors).toEqual([]);
    expect(attested.attestation).toMatchObject({ step: 'ATTESTED', method: 'PASSWORD', hours: 1.5, signedBy: { id: ids.manager } });
    expect((await mutate('manager', ATTEST, attest)).errors[0]!.code).toBe('CONFLICT');

    // The address is evidence for administrators only.
    const evidence = await api.graphql(`query($id: ID!) { node(id: $id) { ... on LearningAttestation { ipAddress signedAt } } }`, {
      id: attested.attestation.id,
    });
    expect(evidence.data!.node.ipAddress).toMatch(/127\.0\.0\.1|::1/);
    const hours = await call('participant', HOURS, { personId: ids.participant, from: '2026-04', to: '2026-04' });
    expect(hours.data!.learningHours[0]).toMatchObject({ hours: 1.5, confirmedHours: 1.5, attestedHours: 1.5, status: 'ATTESTED' });
  });

  it('refuses changing or cancelling a session once its hours are signed', async () => {
    const list = await api.graphql(LIST, { workplaceId: ids.workplaceA, month: '2026-04' });
    const id = list.data!.learningSessions.edges[0].node.id;
    expect((await mutate('manager', UPDATE, { id, endsAt: '11:00' })).errors[0]!.code).toBe('CONFLICT');
    expect((await mutate('manager', CANCEL, { id, reason: 'Fel dag' })).errors[0]!.code).toBe('CONFLICT');
  });
});

describe('closed months', () => {
  it('refuse adding, changing, cancelling, confirming and attesting hours, naming the month in Swedish and English', async () => {
    const march = await createSession('manager', session('2026-03-10', [{ personId: ids.participant }, { personId: ids.colleague }]));
    expect((await mutate('participant', CONFIRM, { workplaceId: ids.workplaceA, month: '2026-03' })).errors).toEqual([]);
    expect((await mutate('manager', CLOSE, { month: '2026-03' })).errors[0]!.code).toBe('FORBIDDEN');
    expect((await mutate('organisationAdmin', CLOSE, { month: '2026-03', organisationId: ids.motala })).errors[0]!.code).toBe('FORBIDDEN');
    const closed = await mutate('administrator', CLOSE, { month: '2026-03', organisationId: ids.motala });
    expect(closed.errors).toEqual([]);
    expect(closed.monthClose).toMatchObject({ month: '2026-03', countyWide: false, organisation: { id: ids.motala } });
    expect((await mutate('administrator', CLOSE, { month: '2026-03', organisationId: ids.motala })).errors[0]!.code).toBe('TAKEN');

    const before = await snapshot(api);
    const refusals = [
      await mutate('manager', CREATE, session('2026-03-24', [{ personId: ids.participant }])),
      await mutate('administrator', CREATE, session('2026-03-24', [{ personId: ids.participant }])),
      await mutate('manager', UPDATE, { id: march.id, endsAt: '11:00' }),
      await mutate('manager', UPDATE, { id: march.id, participants: [{ personId: ids.participant, hours: 3 }] }),
      await mutate('manager', CANCEL, { id: march.id, reason: 'Inställt' }),
      await mutate('colleague', CONFIRM, { workplaceId: ids.workplaceA, month: '2026-03' }),
      await mutate('manager', ATTEST, { workplaceId: ids.workplaceA, personId: ids.participant, month: '2026-03' }),
      await mutate('workplaceCoordinator', PAPER, {
        ...session('2026-03-25', [{ personId: ids.colleague }]),
        paperListSignedById: ids.manager,
      }),
    ];
    for (const payload of refusals) {
      expect(payload.errors).toHaveLength(1);
      expect(payload.errors[0]).toMatchObject({ code: 'CONFLICT' });
      expect(payload.errors[0]!.message).toContain('Mars 2026 är stängd');
      expect(payload.errors[0]!.message).toContain('March 2026 is closed');
    }
    expect(await snapshot(api)).toBe(before);
    // Moving an open month's session into the closed month is refused too.
    const may = await createSession('manager', session('2026-05-04', [{ personId: ids.colleague }]));
    const before2 = await snapshot(api);
    const moved = await mutate('manager', UPDATE, { id: may.id, heldOn: '2026-03-30' });
    expect(moved.errors[0]!.message).toContain('March 2026 is closed');
    expect(await snapshot(api)).toBe(before2);
    expect((await mutate('manager', CANCEL, { id: may.id, reason: 'Dubbelregistrerad' })).learningSession.cancelledAt).not.toBeNull();

    // Other organisations' months stay open; a county-wide close closes them too.
    await createSession('administrator', { ...session('2026-03-11', []), workplaceId: ids.workplaceC });
    expect((await mutate('administrator', CLOSE, { month: '2026-03' })).errors).toEqual([]);
    const county = await mutate('administrator', CREATE, { ...session('2026-03-12', []), workplaceId: ids.workplaceC });
    expect(county.errors[0]!.message).toContain('Mars 2026 är stängd');
  });
});

describe('paper attendance lists', () => {
  it('attest both steps for the participants, and the record says so', async () => {
    const payload = await mutate('workplaceCoordinator', PAPER, {
      ...session('2026-06-02', [{ personId: ids.participant }, { personId: ids.colleague, hours: 1 }]),
      paperListSignedById: ids.manager,
    });
    expect(payload.errors).toEqual([]);
    const recorded = payload.learningSession;
    expect(recorded.recordedFromPaperList).toBe(true);
    expect(recorded.paperListSignedBy).toEqual({ id: ids.manager });
    for (const participant of recorded.participants) {
      expect(participant.status).toBe('ATTESTED');
      expect(participant.confirmation).toMatchObject({
        step: 'CONFIRMED',
        method: 'PAPER_LIST',
        signedBy: { id: participant.person.id },
        recordedBy: { id: ids.workplaceCoordinator },
        ipAddress: null,
      });
      expect(participant.attestation).toMatchObject({
        step: 'ATTESTED',
        method: 'PAPER_LIST',
        signedBy: { id: ids.manager },
        recordedBy: { id: ids.workplaceCoordinator },
      });
    }
    const hours = await call('colleague', HOURS, { personId: ids.colleague, from: '2026-06', to: '2026-06' });
    expect(hours.data!.learningHours[0]).toMatchObject({ hours: 1, attestedHours: 1, status: 'ATTESTED' });
  });

  it('is recorded only by the workplace’s manager or coordinator, naming a manager of the workplace', async () => {
    const before = await snapshot(api);
    const input = { ...session('2026-06-09', [{ personId: ids.participant }]), paperListSignedById: ids.manager };
    expect((await mutate('organisationAdmin', PAPER, input)).errors[0]!.code).toBe('FORBIDDEN');
    expect((await mutate('otherManager', PAPER, input)).errors[0]!.code).toBe('NOT_FOUND');
    const notManager = await mutate('workplaceCoordinator', PAPER, { ...input, paperListSignedById: ids.otherManager });
    expect(notManager.errors).toEqual([expect.objectContaining({ field: 'paperListSignedById', code: 'INVALID' })]);
    expect(await snapshot(api)).toBe(before);
  });
});

describe("the funder's participant attendance report", () => {
  it('holds the attested hours per participant and day, with the employer and the identity number, for administrators only', async () => {
    const funder = { funderReference: 'ESF-2026-0042' };
    await createSession('manager', session('2026-09-03', [{ personId: ids.participant }, { personId: ids.colleague, hours: 1 }], funder));
    await createSession(
      'manager',
      session('2026-09-17', [{ personId: ids.participant, hours: 2 }], { ...funder, startsAt: '13:00', endsAt: '15:30' }),
    );
    // Unattested and other projects' hours stay out.
    await createSession('manager', session('2026-09-24', [{ personId: ids.participant }]));
    await mutate('workplaceCoordinator', PAPER, {
      ...session('2026-09-10', [{ personId: ids.colleague, hours: 0.5 }], funder),
      paperListSignedById: ids.manager,
    });
    expect((await mutate('participant', CONFIRM, { workplaceId: ids.workplaceA, month: '2026-09' })).errors).toEqual([]);
    expect((await mutate('manager', ATTEST, { workplaceId: ids.workplaceA, personId: ids.participant, month: '2026-09' })).errors).toEqual(
      [],
    );

    for (const actor of ['organisationAdmin', 'manager', 'workplaceCoordinator', 'participant', 'otherOrganisationAdmin'] as Actor[]) {
      const refused = await call(actor, REPORT, { ref: funder.funderReference, month: '2026-09' });
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const response = await api.graphql(REPORT, { ref: funder.funderReference, month: '2026-09' });
    const file = response.data!.learningFunderReport;
    expect(file.fileName).toBe('narvaro-ESF-2026-0042-2026-09.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    const header = sheet.getRow(2).values as unknown[];
    const column = (heading: string) => header.indexOf(heading);
    expect(column('Personnummer')).toBe(3);
    const rows = new Map<string, unknown[]>();
    for (let index = 3; index <= sheet.rowCount; index += 1) {
      const values = sheet.getRow(index).values as unknown[];
      rows.set(String(values[1]), values);
    }
    expect([...rows.keys()]).toEqual(['Berg, Anna', 'Dahl, Cecilia']);
    const anna = rows.get('Berg, Anna')!;
    expect(anna[column('Arbetsgivarens organisationsnummer')]).toBe(ids.motalaNumber);
    expect(anna[column('Personnummer')]).toBe(IDENTITY.long);
    expect(anna[column('3')]).toBe(1.5);
    expect(anna[column('17')]).toBe(2);
    expect(anna[column('24')] ?? null).toBeNull();
    expect(anna[column('Summa timmar')]).toBe(3.5);
    const cecilia = rows.get('Dahl, Cecilia')!;
    // Her 3 September hour is unconfirmed; the paper list's half hour is attested.
    expect(cecilia[column('3')] ?? null).toBeNull();
    expect(cecilia[column('10')]).toBe(0.5);
    expect(cecilia[column('Summa timmar')]).toBe(0.5);
    expect(cecilia[column('Personnummer')] ?? null).toBeNull();
  });

  it('never shows the personal identity number to anyone but an administrator, nor keeps it in plain text', async () => {
    for (const response of nonAdminResponses) expect(JSON.stringify(response)).not.toContain(IDENTITY.digits);
    const tables = await api.orm.em.getConnection().execute<{ row: string }[]>(
      `select to_jsonb(t)::text as row from learning_session t union all select to_jsonb(t)::text from learning_hours t
         union all select to_jsonb(t)::text from learning_attestation t`,
    );
    for (const { row } of tables) expect(row).not.toContain(IDENTITY.digits);
  });
});

describe('reminders of unattested hours', () => {
  it('go through the outbox once: participants with unconfirmed hours and managers with hours to attest, of last month', async () => {
    await createSession('manager', session('2026-10-06', [{ personId: ids.participant }, { personId: ids.colleague }]));
    expect((await mutate('participant', CONFIRM, { workplaceId: ids.workplaceA, month: '2026-10' })).errors).toEqual([]);
    const outbox = () =>
      api.orm.em
        .getConnection()
        .execute<{ kind: string; person_id: string; subject: string; body: string }[]>(
          `select kind, person_id, subject, body from notification where kind like 'LEARNING_HOURS_%' order by kind, person_id`,
        );
    await api.orm.em.getConnection().execute(`delete from notification where kind like 'LEARNING_HOURS_%'`);
    const jobs = new LearningJobs(api.orm, pino({ level: 'silent' }), 60_000, 10);
    const run = await jobs.runOnce(new Date('2026-11-03T08:00:00Z'));
    expect(run).toMatchObject({ confirmRemindersQueued: 1, attestRemindersQueued: 1 });
    const messages = await outbox();
    expect(messages.map((message) => [message.kind, message.person_id])).toEqual(
      expect.arrayContaining([
        ['LEARNING_HOURS_CONFIRM_REMINDER', rowId(ids.colleague!)],
        ['LEARNING_HOURS_ATTEST_REMINDER', rowId(ids.manager!)],
      ]),
    );
    const confirm = messages.find((message) => message.kind === 'LEARNING_HOURS_CONFIRM_REMINDER')!;
    expect(confirm.subject).toBe('Bekräfta dina lärtimmar för oktober 2026');
    expect(confirm.body).toContain('1,5 timmar');
    const attest = messages.find((message) => message.kind === 'LEARNING_HOURS_ATTEST_REMINDER')!;
    expect(attest.subject).toContain('Attestera lärtimmar');
    expect(attest.body).toContain('1 medarbetare');
    const again = await jobs.runOnce(new Date('2026-11-04T08:00:00Z'));
    expect(again).toMatchObject({ confirmRemindersQueued: 0, attestRemindersQueued: 0 });
    expect(await outbox()).toHaveLength(2);
  });
});

describe('erasure', () => {
  it("keeps attested hours without the person's identity, removes the rest, and says what it kept and why", async () => {
    const person = await createPerson(api, ids.motala!);
    await api.graphql(`mutation($input: EmploymentCreateInput!) { employmentCreate(input: $input) { ${USER_ERRORS} } }`, {
      input: { personId: person.id, workplaceId: ids.workplaceA, startsOn: '2022-01-01' },
    });
    await mutate('workplaceCoordinator', PAPER, { ...session('2026-08-04', [{ personId: person.id }]), paperListSignedById: ids.manager });
    await createSession('manager', session('2026-08-11', [{ personId: person.id }]));
    const erased = await api.graphql(
      `mutation($input: PersonEraseInput!) { personErase(input: $input) { person { id } retained { what count why purgedBy } ${USER_ERRORS} } }`,
      { input: { id: person.id, confirm: true } },
    );
    expect(erased.data!.personErase.errors).toEqual([]);
    expect(erased.data!.personErase.retained).toEqual([
      expect.objectContaining({ what: expect.stringContaining('attested learning hours'), count: 1, purgedBy: '2036-08-04' }),
    ]);
    expect(erased.data!.personErase.retained[0].why).toContain('10 years');
    const rows = await api.orm.em.getConnection().execute<{ held_on: string; anonymised: boolean }[]>(
      `select to_char(held_on, 'YYYY-MM-DD') as held_on, anonymised_at is not null as anonymised from learning_hours
          where person_id = ?`,
      [rowId(person.id)!],
    );
    expect(rows).toEqual([{ held_on: '2026-08-04', anonymised: true }]);
    // After the retention period the kept rows are purged.
    const purged = await new LearningJobs(api.orm, pino({ level: 'silent' }), 60_000, 10).runOnce(new Date('2036-08-05T08:00:00Z'));
    expect(purged.hoursPurged).toBe(1);
  });
});
