import type { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openOrm, RegistrationJobs, rowId, startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, USER_ERRORS } from '../support/factories.js';
import { createCohort, createCohortWithSessions, createProgramme, registerForCohort } from '../support/training-factories.js';

const REGISTER = `mutation($input: CohortRegisterInput!) { cohortRegister(input: $input) { registration { id status waitlistPosition offerExpiresAt } ${USER_ERRORS} } }`;
const CANCEL = `mutation($id: ID!) { registrationCancel(input: { id: $id }) { registration { status } ${USER_ERRORS} } }`;
const ACCEPT = `mutation($id: ID!) { registrationAcceptOffer(input: { id: $id }) { registration { status offerExpiresAt } ${USER_ERRORS} } }`;
const ATTENDANCE = `mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { session { id } ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
let programmeId: string;
let secondProcess: MikroORM;

beforeAll(async () => {
  api = await startTestApi();
  secondProcess = await openOrm(api.databaseUrl);
  organisationId = (await createOrganisation(api)).id;
  programmeId = await createProgramme(api, { name: 'Ledarutbildning i arbetsplatslärande', completionThresholdPercent: 80 });
});
afterAll(async () => {
  await secondProcess?.close();
  await api?.stop();
});

/** An open cohort, one place unless given. */
const openCohort = (input: Record<string, unknown> = {}) => createCohort(api, programmeId, { capacity: 1, ...input });
const register = (cohortId: string, personId: string) => registerForCohort(api.graphql, cohortId, personId);

async function people(count: number, organisation = organisationId): Promise<string[]> {
  const created = [];
  for (let index = 0; index < count; index += 1) created.push((await createPerson(api, organisation)).id);
  return created;
}

/** Status and queue place of each registration of a cohort, in registration order. */
async function states(cohortId: string): Promise<[string, number | null][]> {
  const response = await api.graphql(
    `query($id: ID!) { cohort(id: $id) { registrations(first: 100) { edges { node { status waitlistPosition } } } } }`,
    { id: cohortId },
  );
  return response.data!.cohort.registrations.edges.map((edge: { node: { status: string; waitlistPosition: number | null } }) => [
    edge.node.status,
    edge.node.waitlistPosition,
  ]);
}

async function counts(cohortId: string) {
  return (await api.graphql(`query($id: ID!) { cohort(id: $id) { confirmedCount offeredCount waitlistCount } }`, { id: cohortId })).data!
    .cohort;
}

const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => api.orm.em.getConnection().execute<T[]>(query, params);

describe('the offer promotion policy', () => {
  it('holds a freed place for the first in line, who may accept or decline; a decline passes it on', async () => {
    const cohortId = await openCohort({ promotionPolicy: 'OFFER', offerHoldHours: 48 });
    const [a, b, c] = await people(3);
    const first = await register(cohortId, a!);
    const second = await register(cohortId, b!);
    const third = await register(cohortId, c!);
    expect([first.status, second.status, third.status]).toEqual(['CONFIRMED', 'WAITLISTED', 'WAITLISTED']);

    await api.graphql(CANCEL, { id: first.id });
    expect(await states(cohortId)).toEqual([
      ['OFFERED', null],
      ['WAITLISTED', 1],
    ]);
    const offered = (await api.graphql(`query($id: ID!) { node(id: $id) { ... on Registration { offerExpiresAt } } }`, { id: second.id }))
      .data!.node;
    const holdMs = new Date(offered.offerExpiresAt).getTime() - Date.now();
    expect(holdMs).toBeGreaterThan(47.9 * 3_600_000);
    expect(holdMs).toBeLessThanOrEqual(48 * 3_600_000);
    expect(await counts(cohortId)).toEqual({ confirmedCount: 0, offeredCount: 1, waitlistCount: 1 });

    // Declining passes the place to the next, who accepts.
    expect((await api.graphql(CANCEL, { id: second.id })).data!.registrationCancel.errors).toEqual([]);
    expect(await states(cohortId)).toEqual([['OFFERED', null]]);
    const accepted = await api.graphql(ACCEPT, { id: third.id });
    expect(accepted.data!.registrationAcceptOffer).toEqual({ registration: { status: 'CONFIRMED', offerExpiresAt: null }, errors: [] });
    expect(await counts(cohortId)).toEqual({ confirmedCount: 1, offeredCount: 0, waitlistCount: 0 });
    // Nothing to accept any more.
    expect((await api.graphql(ACCEPT, { id: third.id })).data!.registrationAcceptOffer.errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', field: 'id' }),
    ]);
  });

  it('passes a lapsed offer to the next exactly once when two processes run the expiry job at the same moment, and refuses a late acceptance', async () => {
    const cohortId = await openCohort({ promotionPolicy: 'OFFER', offerHoldHours: 1 });
    const registrations = [];
    for (const person of await people(4)) registrations.push(await register(cohortId, person));
    await api.graphql(CANCEL, { id: registrations[0]!.id });
    expect(await states(cohortId)).toEqual([
      ['OFFERED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ]);

    // Before the job has run, an expired offer cannot be accepted either; the refusal changes nothing.
    await sql(`update registration set offer_expires_at = now() - interval '1 second' where id = ?`, [rowId(registrations[1]!.id)]);
    const tooLate = await api.graphql(ACCEPT, { id: registrations[1]!.id });
    expect(tooLate.data!.registrationAcceptOffer.errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('lapsed') }),
    ]);
    expect(await states(cohortId)).toEqual([
      ['OFFERED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
    ]);

    const logger = pino({ level: 'silent' });
    const runs = await Promise.all([
      new RegistrationJobs(api.orm, logger, 1000).runOnce(),
      new RegistrationJobs(secondProcess, logger, 1000).runOnce(),
    ]);
    expect(runs.reduce((sum, run) => sum + run.offersLapsed, 0)).toBe(1);
    expect(await states(cohortId)).toEqual([
      ['OFFERED', null],
      ['WAITLISTED', 1],
    ]);
    const lapsed = (await api.graphql(`query($id: ID!) { node(id: $id) { ... on Registration { status } } }`, { id: registrations[1]!.id }))
      .data!.node;
    expect(lapsed.status).toBe('LAPSED');
    expect(await counts(cohortId)).toEqual({ confirmedCount: 0, offeredCount: 1, waitlistCount: 1 });

    const refused = await api.graphql(ACCEPT, { id: registrations[1]!.id });
    expect(refused.data!.registrationAcceptOffer.errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('lapsed') }),
    ]);
    // A second round of both jobs finds nothing more to do.
    const again = await Promise.all([
      new RegistrationJobs(api.orm, logger, 1000).runOnce(),
      new RegistrationJobs(secondProcess, logger, 1000).runOnce(),
    ]);
    expect(again.every((run) => run.offersLapsed === 0)).toBe(true);
    // The one who lapsed may register again, at the end of the queue.
    const personId = (
      await api.graphql(`query($id: ID!) { node(id: $id) { ... on Registration { person { id } } } }`, { id: registrations[1]!.id })
    ).data!.node.person.id;
    expect((await register(cohortId, personId)).waitlistPosition).toBe(2);
  });
});

describe('seat quotas per organisation', () => {
  it('keeps each organisation within its quota before the release date, then gives released places to the queue in order', async () => {
    const [linkoping, motala, vadstena] = [organisationId, (await createOrganisation(api)).id, (await createOrganisation(api)).id];
    const cohortId = await openCohort({
      capacity: 5,
      seatQuotas: [
        { organisationId: linkoping, places: 2 },
        { organisationId: motala, places: 2 },
      ],
      quotaReleaseAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    const [l1, l2, l3] = await people(3, linkoping);
    const [v1, v2, v3] = await people(3, vadstena);
    const order = [l1, l2, v1, v2, l3, v3];
    const registered = [];
    for (const person of order) registered.push(await register(cohortId, person!));
    // Linköping has 2 reserved, Vadstena (no quota) the 1 open place; Motala's 2 stay free for Motala.
    expect(registered.map((registration) => [registration.status, registration.waitlistPosition])).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
      ['WAITLISTED', 3],
    ]);
    const quotas = async () =>
      (
        await api.graphql(`query($id: ID!) { cohort(id: $id) { seatQuotas { organisation { id } places taken } quotasReleased } }`, {
          id: cohortId,
        })
      ).data!.cohort;
    const seatQuotas = (await quotas()).seatQuotas;
    expect(seatQuotas).toHaveLength(2);
    expect(seatQuotas).toEqual(
      expect.arrayContaining([
        { organisation: { id: linkoping }, places: 2, taken: 2 },
        { organisation: { id: motala }, places: 2, taken: 0 },
      ]),
    );

    // A Linköping place freed before the release goes to the first Linköping person in the queue (l3, at 2).
    await api.graphql(CANCEL, { id: registered[0]!.id });
    expect(await states(cohortId)).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
      ['CONFIRMED', null],
      ['WAITLISTED', 2],
    ]);
    expect((await counts(cohortId)).confirmedCount).toBe(3);

    // The release date comes: Motala's two unused places go to the queue in order (v2, then v3).
    await sql(
      `update offering set quota_release_at = now() - interval '1 second' where id = (select offering_id from cohort where id = ?)`,
      [rowId(cohortId)],
    );
    const runs = await Promise.all([
      new RegistrationJobs(api.orm, pino({ level: 'silent' }), 1000).runOnce(),
      new RegistrationJobs(secondProcess, pino({ level: 'silent' }), 1000).runOnce(),
    ]);
    expect(runs.reduce((sum, run) => sum + run.quotasReleased, 0)).toBe(1);
    expect(await states(cohortId)).toEqual([
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['CONFIRMED', null],
      ['CONFIRMED', null],
    ]);
    expect((await quotas()).quotasReleased).toBe(true);
    expect(await counts(cohortId)).toEqual({ confirmedCount: 5, offeredCount: 0, waitlistCount: 0 });
  });

  it('refuses quotas without a capacity, beyond it, or twice for one organisation', async () => {
    const create = (input: Record<string, unknown>) =>
      api.graphql(`mutation($input: CohortCreateInput!) { cohortCreate(input: $input) { cohort { id } ${USER_ERRORS} } }`, {
        input: { programmeId, name: 'Omgång', ...input },
      });
    expect((await create({ seatQuotas: [{ organisationId, places: 2 }] })).data!.cohortCreate.errors).toEqual([
      expect.objectContaining({ field: 'capacity', code: 'INVALID' }),
    ]);
    expect((await create({ capacity: 3, seatQuotas: [{ organisationId, places: 4 }] })).data!.cohortCreate.errors).toEqual([
      expect.objectContaining({ field: 'seatQuotas', code: 'INVALID' }),
    ]);
    expect(
      (
        await create({
          capacity: 9,
          seatQuotas: [
            { organisationId, places: 2 },
            { organisationId, places: 2 },
          ],
        })
      ).data!.cohortCreate.errors,
    ).toEqual([expect.objectContaining({ field: 'seatQuotas.1.organisationId', code: 'INVALID' })]);
  });
});

describe('registering twice at the same moment', () => {
  it('gives one place and a typed CONFLICT for the others, with the counts intact', async () => {
    const cohortId = await openCohort({ capacity: 5 });
    const [personId] = await people(1);
    const answers = await Promise.all(Array.from({ length: 6 }, () => api.graphql(REGISTER, { input: { cohortId, personId } })));
    const payloads = answers.map((answer) => answer.data!.cohortRegister);
    expect(payloads.filter((payload) => payload.errors.length === 0)).toHaveLength(1);
    expect(payloads.filter((payload) => payload.errors.length > 0).map((payload) => payload.errors[0].code)).toEqual(
      Array(5).fill('CONFLICT'),
    );
    expect(await counts(cohortId)).toEqual({ confirmedCount: 1, offeredCount: 0, waitlistCount: 0 });
  });
});

describe('the waitlist', () => {
  it('lets administrators move a person in the queue; the others shift by one', async () => {
    const cohortId = await openCohort({ capacity: 1 });
    const registered = [];
    for (const person of await people(5)) registered.push(await register(cohortId, person));
    const moved = await api.graphql(
      `mutation($id: ID!) { registrationMove(input: { id: $id, position: 1 }) { registration { waitlistPosition } ${USER_ERRORS} } }`,
      { id: registered[4]!.id },
    );
    expect(moved.data!.registrationMove).toEqual({ registration: { waitlistPosition: 1 }, errors: [] });
    expect(await states(cohortId)).toEqual([
      ['CONFIRMED', null],
      ['WAITLISTED', 2],
      ['WAITLISTED', 3],
      ['WAITLISTED', 4],
      ['WAITLISTED', 1],
    ]);
    const back = await api.graphql(
      `mutation($id: ID!) { registrationMove(input: { id: $id, position: 4 }) { registration { waitlistPosition } ${USER_ERRORS} } }`,
      { id: registered[4]!.id },
    );
    expect(back.data!.registrationMove.errors).toEqual([]);
    expect(await states(cohortId)).toEqual([
      ['CONFIRMED', null],
      ['WAITLISTED', 1],
      ['WAITLISTED', 2],
      ['WAITLISTED', 3],
      ['WAITLISTED', 4],
    ]);
    const outOfRange = await api.graphql(`mutation($id: ID!) { registrationMove(input: { id: $id, position: 5 }) { ${USER_ERRORS} } }`, {
      id: registered[4]!.id,
    });
    expect(outOfRange.data!.registrationMove.errors).toEqual([expect.objectContaining({ field: 'position', code: 'INVALID' })]);
  });
});

describe('moving a registration to another cohort', () => {
  const TRANSFER = `mutation($input: RegistrationTransferInput!) { registrationTransfer(input: $input) { registration { id status waitlistPosition cohort { id } } ${USER_ERRORS} } }`;

  it('cancels the place here (the queue moves up) and registers there, also in both directions at once', async () => {
    const [from, to] = [await openCohort({ capacity: 1 }), await openCohort({ capacity: 1 })];
    const [a, b, c] = await people(3);
    const moving = await register(from, a!);
    await register(from, b!);
    await register(to, c!);
    const moved = await api.graphql(TRANSFER, { input: { id: moving.id, cohortId: to } });
    expect(moved.data!.registrationTransfer.errors).toEqual([]);
    expect(moved.data!.registrationTransfer.registration).toMatchObject({ status: 'WAITLISTED', waitlistPosition: 1, cohort: { id: to } });
    expect(await states(from)).toEqual([['CONFIRMED', null]]);
    expect(await counts(from)).toEqual({ confirmedCount: 1, offeredCount: 0, waitlistCount: 0 });
    expect(await counts(to)).toEqual({ confirmedCount: 1, offeredCount: 0, waitlistCount: 1 });
    // Already there: refused, nothing changes.
    const again = await api.graphql(TRANSFER, { input: { id: moved.data!.registrationTransfer.registration.id, cohortId: to } });
    expect(again.data!.registrationTransfer.errors).toEqual([expect.objectContaining({ code: 'CONFLICT', field: 'cohortId' })]);

    // Two moves in opposite directions at the same moment finish without a deadlock.
    const [x, y] = [await openCohort({ capacity: 5 }), await openCohort({ capacity: 5 })];
    const [p, q] = await people(2);
    const inX = await register(x, p!);
    const inY = await register(y, q!);
    const both = await Promise.all([
      api.graphql(TRANSFER, { input: { id: inX.id, cohortId: y } }),
      api.graphql(TRANSFER, { input: { id: inY.id, cohortId: x } }),
    ]);
    expect(both.map((answer) => answer.data!.registrationTransfer.errors)).toEqual([[], []]);
    expect([await counts(x), await counts(y)]).toEqual([
      { confirmedCount: 1, offeredCount: 0, waitlistCount: 0 },
      { confirmedCount: 1, offeredCount: 0, waitlistCount: 0 },
    ]);
  });
});

describe('who may register whom', () => {
  async function managerWithCoordinator() {
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    const [managerId, coordinatorId] = await people(2);
    await assignRole(api, { personId: managerId, role: 'MANAGER', workplaceId: workplace.id });
    await assignRole(api, { personId: coordinatorId, role: 'WORKPLACE_COORDINATOR', workplaceId: workplace.id });
    await api.createAccount(managerId!);
    const email = (await api.graphql(`query($id: ID!) { node(id: $id) { ... on Person { email } } }`, { id: managerId })).data!.node.email;
    return { managerId: managerId!, coordinatorId: coordinatorId!, client: await api.signIn(email) };
  }

  it('lets a manager register the workplace coordinator of their workplace for coordinator sessions only', async () => {
    const { coordinatorId, client } = await managerWithCoordinator();
    const coordinatorSession = await openCohort({ capacity: 10, audienceRoles: ['WORKPLACE_COORDINATOR'] });
    const managersOnly = await openCohort({ capacity: 10, audienceRoles: ['MANAGER'] });
    const allowed = await client(REGISTER, { input: { cohortId: coordinatorSession, personId: coordinatorId } });
    expect(allowed.data!.cohortRegister.errors).toEqual([]);
    expect(allowed.data!.cohortRegister.registration.status).toBe('CONFIRMED');
    const refused = await client(REGISTER, { input: { cohortId: managersOnly, personId: coordinatorId } });
    expect(refused.data!.cohortRegister.errors).toEqual([expect.objectContaining({ code: 'FORBIDDEN', field: 'personId' })]);
    // Another workplace's coordinator is not theirs to register.
    const other = await managerWithCoordinator();
    const notTheirs = await client(REGISTER, { input: { cohortId: coordinatorSession, personId: other.coordinatorId } });
    expect(notTheirs.data!.cohortRegister.errors).toEqual([expect.objectContaining({ field: 'personId' })]);
    expect((await counts(coordinatorSession)).confirmedCount).toBe(1);
  });
});

describe('sessions, attendance and the completion rule', () => {
  // Five sessions; the fourth starts 00:30 in Stockholm on 11 March, which is still 10 March in UTC.
  const SESSIONS = [
    ['2026-02-03T08:00:00Z', '2026-02-03T15:00:00Z'],
    ['2026-02-17T08:00:00Z', '2026-02-17T15:00:00Z'],
    ['2026-03-03T08:00:00Z', '2026-03-03T15:00:00Z'],
    ['2026-03-10T23:30:00Z', '2026-03-11T07:00:00Z'],
    ['2026-04-14T07:00:00Z', '2026-04-14T14:00:00Z'],
  ];

  async function cohortWithSessions() {
    return createCohortWithSessions(
      api,
      programmeId,
      { capacity: 10 },
      SESSIONS.map(([startsAt, endsAt]) => ({ startsAt, endsAt, venue: 'Linköpings stadshus', residential: false })),
    );
  }

  async function record(sessionId: string, entries: { registrationId: string; status: string }[], client: GraphQLClient = api.graphql) {
    return (await client(ATTENDANCE, { input: { sessionId, entries } })).data!.attendanceRecord;
  }

  it('completes on the day the threshold was reached: at, just under and over 80 %', async () => {
    const { cohortId, sessionIds } = await cohortWithSessions();
    const [at, under, over, late] = await people(4);
    const registrations = [
      await register(cohortId, at!),
      await register(cohortId, under!),
      await register(cohortId, over!),
      await register(cohortId, late!),
    ];
    // Who attended which of the five sessions (P present, A absent, E excused).
    const patterns = ['PPPPA', 'PPPAA', 'PPPPP', 'PPPEP'];
    const statusOf = { P: 'PRESENT', A: 'ABSENT', E: 'EXCUSED' } as const;
    for (const [index, sessionId] of sessionIds.entries()) {
      const recorded = await record(
        sessionId,
        registrations.map((registration, person) => ({
          registrationId: registration.id,
          status: statusOf[patterns[person]![index] as 'P' | 'A' | 'E'],
        })),
      );
      expect(recorded.errors).toEqual([]);
    }
    const completedOn = async () =>
      Promise.all(
        registrations.map(
          async (registration) =>
            (await api.graphql(`query($id: ID!) { node(id: $id) { ... on Registration { completedOn } } }`, { id: registration.id })).data!
              .node.completedOn,
        ),
      );
    // 4 of 5 = 80 %: completed with the fourth session, 11 March in Stockholm (10 March in UTC).
    expect(await completedOn()).toEqual(['2026-03-11', null, '2026-03-11', '2026-04-14']);

    // Correcting one absence brings the one just under over the threshold, on the day of that session.
    expect((await record(sessionIds[3]!, [{ registrationId: registrations[1]!.id, status: 'PRESENT' }])).errors).toEqual([]);
    expect((await completedOn())[1]).toBe('2026-03-11');

    // A sixth session raises the bar to 5 of 6: only those with five attended sessions stay completed.
    const sixth = await api.graphql(
      `mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { id } ${USER_ERRORS} } }`,
      {
        input: { cohortId, startsAt: '2026-05-05T07:00:00Z', endsAt: '2026-05-05T14:00:00Z', onlineUrl: 'https://meet.example.se/evikomp' },
      },
    );
    expect(sixth.data!.sessionCreate.errors).toEqual([]);
    expect(await completedOn()).toEqual([null, null, '2026-04-14', null]);
    await api.graphql(`mutation($id: ID!) { sessionDelete(input: { id: $id }) { ${USER_ERRORS} } }`, {
      id: sixth.data!.sessionCreate.session.id,
    });
    expect(await completedOn()).toEqual(['2026-03-11', '2026-03-11', '2026-03-11', '2026-04-14']);

    // The person shows the completed programme.
    const person = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Person { completions { completedOn cohort { programme { name } } } } } }`,
      { id: at },
    );
    expect(person.data!.node.completions).toEqual([
      { completedOn: '2026-03-11', cohort: { programme: { name: 'Ledarutbildning i arbetsplatslärande' } } },
    ]);
  });

  it('lets competence coordinators record attendance for the people of their workplaces only; others are refused and nothing changes', async () => {
    const { cohortId, sessionIds } = await cohortWithSessions();
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    const [coordinatorId, colleagueId, strangerId] = await people(3);
    await assignRole(api, { personId: coordinatorId, role: 'COMPETENCE_COORDINATOR', workplaceId: workplace.id });
    await assignRole(api, { personId: colleagueId, role: 'MANAGER', workplaceId: workplace.id });
    await api.createAccount(coordinatorId!);
    await api.createAccount(colleagueId!);
    const emailOf = async (id: string) =>
      (await api.graphql(`query($id: ID!) { node(id: $id) { ... on Person { email } } }`, { id })).data!.node.email;
    const coordinator = await api.signIn(await emailOf(coordinatorId!));
    const manager = await api.signIn(await emailOf(colleagueId!));
    const colleague = await register(cohortId, colleagueId!);
    const stranger = await register(cohortId, strangerId!);

    expect((await record(sessionIds[0]!, [{ registrationId: colleague.id, status: 'PRESENT' }], coordinator)).errors).toEqual([]);
    const refused = await record(
      sessionIds[0]!,
      [
        { registrationId: colleague.id, status: 'ABSENT' },
        { registrationId: stranger.id, status: 'PRESENT' },
      ],
      coordinator,
    );
    expect(refused.errors).toEqual([expect.objectContaining({ field: 'entries.1.registrationId', code: 'NOT_FOUND' })]);
    expect((await record(sessionIds[0]!, [{ registrationId: colleague.id, status: 'ABSENT' }], manager)).errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
    const attendance = await api.graphql(
      `query($id: ID!) { node(id: $id) { ... on Session { attendance { status registration { id } } } } }`,
      { id: sessionIds[0] },
    );
    expect(attendance.data!.node.attendance).toEqual([{ status: 'PRESENT', registration: { id: colleague.id } }]);
  });

  it('refuses a session that ends before it starts and an online link that is not https', async () => {
    const cohortId = await openCohort();
    const create = (input: Record<string, unknown>) =>
      api.graphql(`mutation($input: SessionCreateInput!) { sessionCreate(input: $input) { session { id } ${USER_ERRORS} } }`, {
        input: { cohortId, ...input },
      });
    expect((await create({ startsAt: '2026-02-03T15:00:00Z', endsAt: '2026-02-03T08:00:00Z' })).data!.sessionCreate.errors).toEqual([
      expect.objectContaining({ field: 'endsAt', code: 'INVALID' }),
    ]);
    expect(
      (await create({ startsAt: '2026-02-03T08:00:00Z', endsAt: '2026-02-03T15:00:00Z', onlineUrl: 'http://example.se' })).data!
        .sessionCreate.errors,
    ).toEqual([expect.objectContaining({ field: 'onlineUrl', code: 'INVALID' })]);
    const none = await api.graphql(`query($id: ID!) { cohort(id: $id) { sessions { id } } }`, { id: cohortId });
    expect(none.data!.cohort.sessions).toEqual([]);
  });
});
