import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, TEST_PASSWORD, type TestApi } from '@evikomp/api/testing';
import { enqueueNotification, NotificationKind } from '@evikomp/api/notification/outbox';
import { assignRole, createOrganisation, createPerson, createWorkplace, USER_ERRORS } from '../support/factories.js';

const ERASE = `mutation($input: PersonEraseInput!) { personErase(input: $input) { person { id name email phone erasedAt } ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

/** Every text-like column of every table that holds `needle`, as "table.column". */
async function columnsHolding(needle: string): Promise<string[]> {
  const connection = api.orm.em.getConnection();
  const columns = await connection.execute<{ table_name: string; column_name: string }[]>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  );
  const found: string[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await connection.execute<{ n: number }[]>(
      `select count(*)::int as n from "${table_name}" where "${column_name}"::text ilike ?`,
      [`%${needle}%`],
    );
    if (rows[0]!.n > 0) found.push(`${table_name}.${column_name}`);
  }
  return found;
}

/** An e-mail to the person in the outbox, as the registration engine leaves one. */
function notify(personGlobalId: string) {
  const personId = rowId(personGlobalId);
  return api.orm.em.fork().transactional((em) =>
    enqueueNotification(em, {
      kind: NotificationKind.REGISTRATION_WAITLISTED,
      personId,
      data: { offeringName: 'Ledarutbildning', waitlistPosition: 2 },
    }),
  );
}

async function countsPerOrganisation() {
  return api.orm.em.getConnection().execute(
    `select o.id, (select count(*) from person p where p.home_organisation_id = o.id) as people,
            (select count(*) from role_assignment r join workplace w on w.id = r.workplace_id where w.organisation_id = o.id) as roles
     from organisation o order by o.id`,
  );
}

describe('personal data', () => {
  it('exports everything held about a person, for administrators only', async () => {
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    const person = await createPerson(api, organisationId, { firstName: 'Export', lastName: 'Exportsson', phone: '013-55 55 55' });
    await assignRole(api, { personId: person.id, role: 'MANAGER', workplaceId: workplace.id });
    await api.createAccount(person.id);
    await notify(person.id);
    const own = await api.signIn(person.email);
    // Training: a place with attendance, and a network membership.
    const programme = await api.graphql(`mutation { programmeCreate(input: { name: "Ledarutbildning" }) { programme { id } } }`);
    const cohort = await api.graphql(
      `mutation($p: ID!) { cohortCreate(input: { programmeId: $p, name: "Omgång", status: OPEN }) { cohort { id } } }`,
      { p: programme.data!.programmeCreate.programme.id },
    );
    const cohortId = cohort.data!.cohortCreate.cohort.id;
    const session = await api.graphql(
      `mutation($c: ID!) { sessionCreate(input: { cohortId: $c, startsAt: "2026-09-01T07:00:00Z", endsAt: "2026-09-01T15:00:00Z" }) { session { id } } }`,
      { c: cohortId },
    );
    const place = await api.graphql(
      `mutation($c: ID!, $p: ID!) { cohortRegister(input: { cohortId: $c, personId: $p }) { registration { id } } }`,
      { c: cohortId, p: person.id },
    );
    await api.graphql(`mutation($input: AttendanceRecordInput!) { attendanceRecord(input: $input) { errors { code } } }`, {
      input: {
        sessionId: session.data!.sessionCreate.session.id,
        entries: [{ registrationId: place.data!.cohortRegister.registration.id, status: 'PRESENT' }],
      },
    });
    const network = await api.graphql(`mutation { networkCreate(input: { name: "Lärande chefsnätverk" }) { network { id } } }`);
    await api.graphql(`mutation($n: ID!, $p: ID!) { networkJoin(input: { networkId: $n, personId: $p }) { errors { code } } }`, {
      n: network.data!.networkCreate.network.id,
      p: person.id,
    });
    const response = await api.graphql(`query($id: ID!) { personDataExport(id: $id) }`, { id: person.id });
    const data = response.data!.personDataExport;
    expect(data.person).toMatchObject({ firstName: 'Export', lastName: 'Exportsson', email: person.email, phone: '013-55 55 55' });
    expect(data.roleAssignments).toEqual([expect.objectContaining({ role: 'MANAGER' })]);
    expect(data.account).toMatchObject({ createdAt: expect.any(String) });
    expect(data.sessions).toHaveLength(1);
    expect(data.apiClientsCreated).toEqual([]);
    expect(data.registrations).toEqual([expect.objectContaining({ status: 'CONFIRMED', completedOn: '2026-09-01' })]);
    expect(data.attendance).toEqual([expect.objectContaining({ status: 'PRESENT', sessionStartsAt: '2026-09-01T07:00:00.000Z' })]);
    expect(data.networkMemberships).toEqual([expect.objectContaining({ network: 'Lärande chefsnätverk', role: 'MEMBER', leftAt: null })]);
    expect(data.notifications).toEqual([
      {
        createdAt: expect.any(String),
        kind: 'REGISTRATION_WAITLISTED',
        subject: 'Du står i kö: Ledarutbildning',
        status: 'PENDING',
        sentAt: null,
      },
      expect.objectContaining({ kind: 'REGISTRATION_CONFIRMED', subject: 'Du har fått en plats: Omgång' }),
    ]);
    expect(data.changesAbout.map((entry: { operation: string }) => entry.operation)).toEqual(['personCreate', 'roleAssignmentCreate']);
    expect(JSON.stringify(data)).not.toMatch(/argon2/);
    expect((await own(`query($id: ID!) { personDataExport(id: $id) }`, { id: person.id })).errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
    });
  });

  it('erases a person: no name, e-mail or phone of theirs is left in any column, and counts per organisation stay', async () => {
    const workplace = await createWorkplace(api, organisationId, { joinedOn: '2020-01-01' });
    const person = await createPerson(api, organisationId, {
      firstName: 'Zlatyxa',
      lastName: 'Qwertyborg',
      email: 'Zlatyxa.Qwertyborg@example.se',
      phone: '070-987 65 43',
    });
    await assignRole(api, { personId: person.id, role: 'WORKPLACE_COORDINATOR', workplaceId: workplace.id, startsOn: '2021-01-01' });
    await api.graphql(`mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: person.id, phone: '070-987 65 44' },
    });
    await api.createAccount(person.id);
    await api.signIn(person.email);
    await api.anonymous(`mutation { passwordResetRequest(input: { email: "zlatyxa.qwertyborg@example.se" }) { ok } }`);
    // Failed sign-ins are counted under the (hashed) address too.
    await api.anonymous(
      `mutation { signIn(input: { email: "zlatyxa.qwertyborg@example.se", password: "fel-lösenord" }) { errors { code } } }`,
    );
    await notify(person.id);
    expect((await columnsHolding('Zlatyxa')).sort()).toEqual(['notification.to_address', 'person.email', 'person.first_name']);

    const before = await countsPerOrganisation();
    const erased = await api.graphql(ERASE, { input: { id: person.id, confirm: true } });
    expect(erased.data!.personErase).toEqual({
      person: {
        id: person.id,
        name: 'Raderad person',
        email: expect.stringMatching(/^erased-.+@invalid$/),
        phone: null,
        erasedAt: expect.any(String),
      },
      errors: [],
    });

    for (const needle of ['Zlatyxa', 'Qwertyborg', 'zlatyxa.qwertyborg@example.se', '987 65']) {
      expect([needle, await columnsHolding(needle)]).toEqual([needle, []]);
    }
    expect(await countsPerOrganisation()).toEqual(before);
    await expect(api.signIn('zlatyxa.qwertyborg@example.se', TEST_PASSWORD)).rejects.toThrow(/sign-in/);
    const trail = await api.graphql(
      `query($id: ID!) { auditEntries(filter: { subjectId: $id, operation: "personErase" }) { totalCount } }`,
      { id: person.id },
    );
    expect(trail.data!.auditEntries.totalCount).toBe(1);
  });

  it('keeps no rejection reason of an erased person', async () => {
    const person = await createPerson(api, organisationId, { firstName: 'Ragnhild' });
    await api.createAccount(person.id);
    const own = await api.signIn(person.email);
    const programme = await api.graphql(`mutation { programmeCreate(input: { name: "Ledarutbildning" }) { programme { id } } }`);
    const cohort = await api.graphql(
      `mutation($p: ID!) { cohortCreate(input: { programmeId: $p, name: "Omgång", status: OPEN, requiresApproval: true }) { cohort { id } } }`,
      { p: programme.data!.programmeCreate.programme.id },
    );
    const pending = await own(`mutation($c: ID!) { cohortRegister(input: { cohortId: $c }) { registration { id status } } }`, {
      c: cohort.data!.cohortCreate.cohort.id,
    });
    expect(pending.data!.cohortRegister.registration.status).toBe('PENDING_APPROVAL');
    const rejected = await api.graphql(
      `mutation($id: ID!) { registrationReject(input: { id: $id, reason: "Ragnhild går redan omgång 1" }) { errors { code } } }`,
      { id: pending.data!.cohortRegister.registration.id },
    );
    expect(rejected.data!.registrationReject.errors).toEqual([]);
    expect(await columnsHolding('Ragnhild')).toContain('registration.rejection_reason');
    expect((await api.graphql(ERASE, { input: { id: person.id, confirm: true } })).data!.personErase.errors).toEqual([]);
    expect(await columnsHolding('Ragnhild')).toEqual([]);
  });

  it('lists the API clients a person created', async () => {
    await api.graphql(`mutation { apiClientCreate(input: { name: "Lärplattformen", scopes: [READ_TRAINING] }) { errors { code } } }`);
    const data = (await api.graphql(`query($id: ID!) { personDataExport(id: $id) }`, { id: api.administrator!.personId })).data!
      .personDataExport;
    expect(data.apiClientsCreated).toEqual([expect.objectContaining({ name: 'Lärplattformen', revokedAt: null })]);
  });

  it('gives the places an erased person held to the queue, and ends their memberships', async () => {
    const programme = await api.graphql(`mutation { programmeCreate(input: { name: "Ledarutbildning" }) { programme { id } } }`);
    const cohort = await api.graphql(
      `mutation($p: ID!) { cohortCreate(input: { programmeId: $p, name: "Omgång", status: OPEN, capacity: 1 }) { cohort { id } } }`,
      { p: programme.data!.programmeCreate.programme.id },
    );
    const cohortId = cohort.data!.cohortCreate.cohort.id;
    const [leaving, waiting] = [await createPerson(api, organisationId), await createPerson(api, organisationId)];
    for (const person of [leaving, waiting])
      await api.graphql(`mutation($c: ID!, $p: ID!) { cohortRegister(input: { cohortId: $c, personId: $p }) { errors { code } } }`, {
        c: cohortId,
        p: person.id,
      });
    const network = await api.graphql(`mutation { networkCreate(input: { name: "Nätverk" }) { network { id } } }`);
    const networkId = network.data!.networkCreate.network.id;
    await api.graphql(`mutation($n: ID!, $p: ID!) { networkJoin(input: { networkId: $n, personId: $p }) { errors { code } } }`, {
      n: networkId,
      p: leaving.id,
    });

    expect((await api.graphql(ERASE, { input: { id: leaving.id, confirm: true } })).data!.personErase.errors).toEqual([]);
    const state = await api.graphql(
      `query($c: ID!, $n: ID!) { cohort(id: $c) { confirmedCount waitlistCount registrations { edges { node { status person { id } } } } }
      network(id: $n) { members { totalCount edges { node { role } } } } }`,
      { c: cohortId, n: networkId },
    );
    expect(state.data!.cohort).toMatchObject({
      confirmedCount: 1,
      waitlistCount: 0,
      registrations: { edges: [{ node: { status: 'CONFIRMED', person: { id: waiting.id } } }] },
    });
    expect(state.data!.network.members).toEqual({ totalCount: 0, edges: [] });
  });

  it('asks for confirmation, refuses a second erasure, and is for administrators only', async () => {
    const person = await createPerson(api, organisationId);
    expect((await api.graphql(ERASE, { input: { id: person.id, confirm: false } })).data!.personErase.errors).toEqual([
      expect.objectContaining({ field: 'confirm', code: 'INVALID' }),
    ]);
    await api.graphql(ERASE, { input: { id: person.id, confirm: true } });
    expect((await api.graphql(ERASE, { input: { id: person.id, confirm: true } })).data!.personErase.errors).toEqual([
      expect.objectContaining({ code: 'CONFLICT' }),
    ]);

    const admin = await createPerson(api, organisationId);
    await api.createAccount(admin.id);
    await assignRole(api, { personId: admin.id, role: 'ORGANISATION_ADMIN', organisationId });
    const organisationAdmin = await api.signIn(admin.email);
    const target = await createPerson(api, organisationId);
    expect((await organisationAdmin(ERASE, { input: { id: target.id, confirm: true } })).data!.personErase.errors).toEqual([
      expect.objectContaining({ code: 'FORBIDDEN' }),
    ]);
  });
});
