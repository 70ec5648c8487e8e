import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, TEST_PASSWORD, type TestApi } from '@evikomp/api/testing';
import { assignRole, createOrganisation, createPerson, createWorkplace, USER_ERRORS } from '../support/factories.js';
import {
  createCohortWithSessions,
  createNetwork,
  createProgramme,
  recordAttendance,
  registerForCohort,
} from '../support/training-factories.js';

let api: TestApi;
let linkoping: { id: string; organisationNumber: string };
let motala: { id: string; organisationNumber: string };

const DASHBOARD = `query($organisationId: ID, $from: String, $to: String) {
  dashboard(organisationId: $organisationId, from: $from, to: $to) {
    organisation { id } from to months series { key label labelEn: label(language: EN) values }
  }
}`;
const SERIES = [
  'workplacesJoined',
  'workplacesTotal',
  'peopleReached',
  'managersTrained',
  'networkMembers',
  'learningSessions',
  'attestedHours',
];

// Months are Swedish calendar months; the dashboard's default range ends with this one.
const THIS_MONTH = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date()).slice(0, 7);
function monthsAgo(count: number): string {
  const index = Number(THIS_MONTH.slice(0, 4)) * 12 + Number(THIS_MONTH.slice(5, 7)) - 1 - count;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
const RANGE = Array.from({ length: 12 }, (_value, index) => monthsAgo(11 - index));

type Dashboard = {
  organisation: { id: string } | null;
  from: string;
  to: string;
  months: string[];
  series: { key: string; label: string; labelEn: string; values: number[] }[];
};

async function dashboard(organisationId: string | null = null): Promise<Dashboard> {
  const response = await api.graphql(DASHBOARD, { organisationId });
  expect(response.errors).toBeUndefined();
  return response.data!.dashboard;
}

/** A person with the role and an account; their session cookie (for the export URLs) and GraphQL client. */
async function signedIn(organisationId: string, role: Record<string, unknown>) {
  const person = await createPerson(api, organisationId);
  await assignRole(api, { personId: person.id, ...role });
  await api.createAccount(person.id);
  const response = await api.anonymous(`mutation($input: SignInInput!) { signIn(input: $input) { errors { code } } }`, {
    input: { email: person.email, password: TEST_PASSWORD },
  });
  return { cookie: response.setCookie!, client: api.client(response.setCookie!) };
}

function exportUrl(format: 'csv' | 'xlsx', query: Record<string, string> = {}): string {
  return `${api.url}/exports/dashboard.${format}?${new URLSearchParams(query).toString()}`;
}

function fetchExport(format: 'csv' | 'xlsx', query: Record<string, string> = {}, cookie: string | null = api.sessionCookie) {
  return fetch(exportUrl(format, query), { headers: cookie ? { cookie: `evikomp_session=${cookie}` } : {} });
}

/**
 * The figures counted directly in SQL, independently of the series' own statements: for a month (YYYY-MM) and
 * the organisations (row ids) of a unit.
 */
async function countedInSql(month: string, organisationIds: string[]): Promise<Record<string, number>> {
  const connection = api.orm.em.getConnection();
  const first = `${month}-01`;
  const bounds = `(?::date)::timestamp at time zone 'Europe/Stockholm'`;
  const next = `((?::date) + interval '1 month')::timestamp at time zone 'Europe/Stockholm'`;
  const count = async (sql: string, bindings: unknown[]) => Number((await connection.execute<{ n: number }[]>(sql, bindings))[0]!.n);
  return {
    workplacesJoined: await count(
      `select count(*) as n from workplace where organisation_id in (?) and to_char(joined_on, 'YYYY-MM') = ?`,
      [organisationIds, month],
    ),
    workplacesTotal: await count(
      `select count(*) as n from workplace where organisation_id in (?) and joined_on <= (date_trunc('month', ?::date) + interval '1 month - 1 day')::date
         and (left_on is null or left_on > (date_trunc('month', ?::date) + interval '1 month - 1 day')::date)`,
      [organisationIds, first, first],
    ),
    peopleReached: await count(
      `select count(distinct person_id) as n from (
         select person_id from registration where organisation_id in (?) and status in ('CONFIRMED', 'WAITLISTED', 'OFFERED')
           and registered_at >= ${bounds} and registered_at < ${next}
         union
         select r.person_id from attendance a join registration r on r.id = a.registration_id join offering_session s on s.id = a.session_id
         where r.organisation_id in (?) and a.status = 'PRESENT' and s.starts_at >= ${bounds} and s.starts_at < ${next}) reached`,
      [organisationIds, first, first, organisationIds, first, first],
    ),
    managersTrained: await count(
      `select count(distinct r.person_id) as n from registration r join offering o on o.id = r.offering_id
       where r.organisation_id in (?) and o.kind = 'COHORT' and o.audience_roles @> array['MANAGER'] and to_char(r.completed_on, 'YYYY-MM') = ?`,
      [organisationIds, month],
    ),
    networkMembers: await count(
      `select count(distinct person_id) as n from network_membership where organisation_id in (?) and role = 'MEMBER'
         and joined_at < ${next} and (left_at is null or left_at >= ${next})`,
      [organisationIds, first, first],
    ),
    learningSessions: await count(
      `select count(*) as n from learning_session where organisation_id in (?) and cancelled_at is null and to_char(held_on, 'YYYY-MM') = ?`,
      [organisationIds, month],
    ),
    attestedHours: await count(
      `select coalesce(round(sum(h.minutes) / 60.0), 0) as n from learning_hours h join learning_session s on s.id = h.session_id
       where s.organisation_id in (?) and h.attestation_id is not null and h.month = ?`,
      [organisationIds, month],
    ),
  };
}

/** The dashboard's values by series key and month. */
function byMonth(view: Dashboard): Record<string, number>[] {
  return view.months.map((_month, index) => Object.fromEntries(view.series.map((series) => [series.key, series.values[index]!])));
}

beforeAll(async () => {
  api = await startTestApi();
  linkoping = await createOrganisation(api, { name: 'Linköpings kommun' });
  motala = await createOrganisation(api, { name: 'Motala kommun' });

  // Workplaces: two join five months ago, one joins two months ago and leaves the month after, one joined long before.
  await createWorkplace(api, linkoping.id, { joinedOn: `${monthsAgo(5)}-05` });
  await createWorkplace(api, linkoping.id, { joinedOn: `${monthsAgo(5)}-28` });
  const leaving = await createWorkplace(api, linkoping.id, { joinedOn: `${monthsAgo(2)}-01` });
  const left = await api.graphql(`mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { ${USER_ERRORS} } }`, {
    input: { id: leaving.id, status: 'LEFT', leftOn: `${monthsAgo(1)}-15` },
  });
  expect(left.data!.workplaceUpdate.errors).toEqual([]);
  const longStanding = await createWorkplace(api, linkoping.id, { joinedOn: '2020-01-01' });
  const motalaWorkplace = await createWorkplace(api, motala.id, { joinedOn: `${monthsAgo(2)}-10` });

  // The leader training (for managers): sessions three and two months ago. Two of Linköping and one of Motala
  // complete; a third of Linköping attends once. A programme for others completes someone who is no manager.
  const leaderProgramme = await createProgramme(api, { name: 'Ledarutbildning', completionThresholdPercent: 100 });
  const leader = await createCohortWithSessions(api, leaderProgramme, { capacity: 10, audienceRoles: ['MANAGER'] }, [
    { startsAt: '2099-01-10T08:00:00Z', endsAt: '2099-01-10T15:00:00Z' },
    { startsAt: '2099-02-10T08:00:00Z', endsAt: '2099-02-10T15:00:00Z' },
  ]);
  const otherProgramme = await createProgramme(api, { name: 'Språkombud', completionThresholdPercent: 100 });
  const other = await createCohortWithSessions(api, otherProgramme, { capacity: 10 }, [
    { startsAt: '2099-01-10T08:00:00Z', endsAt: '2099-01-10T15:00:00Z' },
  ]);
  const people = [
    await createPerson(api, linkoping.id),
    await createPerson(api, linkoping.id),
    await createPerson(api, linkoping.id),
    await createPerson(api, motala.id),
  ];
  // Learning sessions, written as rows (the learning-session tests cover how they are made and attested): last month
  // one held and one cancelled at Linköping, 90 minutes attested and 60 only confirmed; two months ago one at Motala
  // with 150 minutes attested.
  const sql = api.orm.em.getConnection();
  const session = async (workplace: { id: string }, organisation: { id: string }, day: string, cancelled: boolean) => {
    const [row] = await sql.execute<{ id: string }[]>(
      `insert into learning_session (id, workplace_id, organisation_id, held_on, starts_at, ends_at, type, cancelled_at)
       values (gen_random_uuid(), ?, ?, ?, '09:00', '11:30', 'REFLECTION', ${cancelled ? 'now()' : 'null'}) returning id`,
      [rowId(workplace.id), rowId(organisation.id), day],
    );
    return row!.id;
  };
  const hours = async (
    sessionId: string,
    workplace: { id: string },
    person: { id: string },
    day: string,
    minutes: number,
    attested: boolean,
  ) => {
    const step = async (name: string) =>
      (
        await sql.execute<{ id: string }[]>(
          `insert into learning_attestation (id, step, participant_person_id, workplace_id, month, minutes, method)
           values (gen_random_uuid(), ?, ?, ?, ?, ?, 'PASSWORD') returning id`,
          [name, rowId(person.id), rowId(workplace.id), day.slice(0, 7), minutes],
        )
      )[0]!.id;
    const confirmation = await step('CONFIRMED');
    const attestation = attested ? await step('ATTESTED') : null;
    await sql.execute(
      `insert into learning_hours (id, session_id, person_id, workplace_id, held_on, month, minutes, confirmation_id, attestation_id)
       values (gen_random_uuid(), ?, ?, ?, ?, ?, ?, ?, ?)`,
      [sessionId, rowId(person.id), rowId(workplace.id), day, day.slice(0, 7), minutes, confirmation, attestation],
    );
  };
  const held = await session(longStanding, linkoping, `${monthsAgo(1)}-12`, false);
  await session(longStanding, linkoping, `${monthsAgo(1)}-14`, true);
  const atMotala = await session(motalaWorkplace, motala, `${monthsAgo(2)}-03`, false);
  await hours(held, longStanding, people[0]!, `${monthsAgo(1)}-12`, 90, true);
  await hours(held, longStanding, people[1]!, `${monthsAgo(1)}-12`, 60, false);
  await hours(atMotala, motalaWorkplace, people[3]!, `${monthsAgo(2)}-03`, 150, true);
  const places = [];
  for (const person of people) places.push((await registerForCohort(api.graphql, leader.cohortId, person.id)).id);
  const otherPlace = (await registerForCohort(api.graphql, other.cohortId, people[3]!.id)).id;
  // Held in the past: attendance is recorded once a session has started.
  const move = async (sessionId: string, day: string) => {
    const moved = await api.graphql(`mutation($input: SessionUpdateInput!) { sessionUpdate(input: $input) { ${USER_ERRORS} } }`, {
      input: { id: sessionId, startsAt: `${day}T08:00:00Z`, endsAt: `${day}T15:00:00Z` },
    });
    expect(moved.data!.sessionUpdate.errors).toEqual([]);
  };
  await move(leader.sessionIds[0]!, `${monthsAgo(3)}-10`);
  await move(leader.sessionIds[1]!, `${monthsAgo(2)}-10`);
  await move(other.sessionIds[0]!, `${monthsAgo(2)}-12`);
  await recordAttendance(api, leader.sessionIds[0]!, places);
  await recordAttendance(api, leader.sessionIds[1]!, [places[0]!, places[1]!, places[3]!]);
  await recordAttendance(api, other.sessionIds[0]!, [otherPlace]);

  // Network members: two of Linköping join now, one of them leaves again; a facilitator does not count.
  const networkId = await createNetwork(api, { name: 'Lärande chefsnätverk' });
  for (const person of people.slice(0, 2)) {
    const joined = await api.graphql(`mutation($input: NetworkMembershipInput!) { networkJoin(input: $input) { ${USER_ERRORS} } }`, {
      input: { networkId, personId: person.id },
    });
    expect(joined.data!.networkJoin.errors).toEqual([]);
  }
  const leftNetwork = await api.graphql(`mutation($input: NetworkMembershipInput!) { networkLeave(input: $input) { ${USER_ERRORS} } }`, {
    input: { networkId, personId: people[1]!.id },
  });
  expect(leftNetwork.data!.networkLeave.errors).toEqual([]);
});
afterAll(() => api?.stop());

describe('the dashboard', () => {
  it('shows the last twelve months, each series with a value per month and Swedish and English labels', async () => {
    const view = await dashboard();
    expect([view.organisation, view.from, view.to, view.months]).toEqual([null, RANGE[0], THIS_MONTH, RANGE]);
    expect(view.series.map((series) => series.key)).toEqual(SERIES);
    expect(view.series.map((series) => [series.label, series.labelEn])).toEqual([
      ['Nya arbetsplatser', 'Workplaces joined'],
      ['Arbetsplatser totalt', 'Workplaces in total'],
      ['Nådda personer', 'People reached'],
      ['Utbildade chefer', 'Managers trained'],
      ['Nätverksmedlemmar', 'Network members'],
      ['Lärtillfällen', 'Learning sessions'],
      ['Attesterade timmar', 'Attested hours'],
    ]);
    for (const series of view.series) expect(series.values).toHaveLength(12);
  });

  it('equals, month by month, the counts computed directly in SQL for the county and for each organisation', async () => {
    const organisationIds = (await api.orm.em.getConnection().execute<{ id: string }[]>('select id from organisation')).map(
      (row) => row.id,
    );
    const units: [string | null, string[]][] = [
      [null, organisationIds],
      [linkoping.id, [rowId(linkoping.id)]],
      [motala.id, [rowId(motala.id)]],
    ];
    for (const [organisationId, ids] of units) {
      const view = await dashboard(organisationId);
      const expected = [];
      for (const month of view.months) expected.push(await countedInSql(month, ids));
      expect(byMonth(view)).toEqual(expected);
    }
  });

  it('counts what the seeded data says: workplaces joined and left, managers trained, people reached, network members', async () => {
    const of = (view: Dashboard, key: string, month: string) =>
      view.series.find((series) => series.key === key)!.values[view.months.indexOf(month)];
    const county = await dashboard();
    const own = await dashboard(linkoping.id);
    expect(of(own, 'workplacesJoined', monthsAgo(5))).toBe(2);
    expect([monthsAgo(3), monthsAgo(2), monthsAgo(1)].map((month) => of(own, 'workplacesTotal', month))).toEqual([3, 4, 3]);
    expect(of(county, 'workplacesJoined', monthsAgo(2))).toBe(2);
    // Completions on the second session's day; the other programme's completion is not leader training.
    expect([of(county, 'managersTrained', monthsAgo(3)), of(county, 'managersTrained', monthsAgo(2))]).toEqual([0, 3]);
    expect(of(own, 'managersTrained', monthsAgo(2))).toBe(2);
    // Reached: all four registered this month; four attended three months ago, three two months ago (one of them at both programmes).
    expect([of(county, 'peopleReached', monthsAgo(3)), of(county, 'peopleReached', monthsAgo(2))]).toEqual([4, 3]);
    expect(of(county, 'peopleReached', THIS_MONTH)).toBe(4);
    expect(of(own, 'networkMembers', THIS_MONTH)).toBe(1);
    expect(of(own, 'networkMembers', monthsAgo(1))).toBe(0);
    // Learning: the cancelled session and the hours only confirmed do not count; 90 minutes round to 2 hours.
    expect([of(own, 'learningSessions', monthsAgo(1)), of(own, 'attestedHours', monthsAgo(1))]).toEqual([1, 2]);
    expect([of(county, 'learningSessions', monthsAgo(2)), of(county, 'attestedHours', monthsAgo(2))]).toEqual([1, 3]);
  });

  it('takes the months asked for and refuses a bad range, naming the argument', async () => {
    const view = (await api.graphql(DASHBOARD, { from: monthsAgo(2), to: monthsAgo(1) })).data!.dashboard;
    expect(view.months).toEqual([monthsAgo(2), monthsAgo(1)]);
    const backwards = await api.graphql(DASHBOARD, { from: monthsAgo(1), to: monthsAgo(2) });
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'from' });
    const malformed = await api.graphql(DASHBOARD, { to: '2026-13' });
    expect(malformed.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'to' });
  });

  it('takes one statement per series, whatever the number of organisations', async () => {
    const few = await api.graphql(DASHBOARD, {});
    for (let index = 0; index < 3; index += 1)
      await createWorkplace(api, (await createOrganisation(api)).id, { joinedOn: `${THIS_MONTH}-01` });
    const more = await api.graphql(DASHBOARD, {});
    expect(more.sqlStatements).toBe(few.sqlStatements);
    expect(few.sqlStatements).toBeLessThanOrEqual(SERIES.length + 3);
  });
});

describe('who reads the dashboard', () => {
  it('shows administrators and competence coordinators the county and every organisation', async () => {
    const coordinator = await signedIn(motala.id, {
      role: 'COMPETENCE_COORDINATOR',
      workplaceId: (await createWorkplace(api, motala.id)).id,
    });
    for (const client of [api.graphql, coordinator.client]) {
      expect((await client(DASHBOARD, {})).data!.dashboard.organisation).toBeNull();
      expect((await client(DASHBOARD, { organisationId: linkoping.id })).data!.dashboard.organisation).toEqual({ id: linkoping.id });
    }
    const scopes = await coordinator.client(`{ dashboardScopes { county organisations { id } } }`);
    expect(scopes.data!.dashboardScopes.county).toBe(true);
    expect(scopes.data!.dashboardScopes.organisations.map((o: { id: string }) => o.id)).toEqual(
      expect.arrayContaining([linkoping.id, motala.id]),
    );
  });

  it('shows organisation admins their own organisation, and refuses another one and the county', async () => {
    const admin = await signedIn(motala.id, { role: 'ORGANISATION_ADMIN', organisationId: motala.id });
    expect((await admin.client(DASHBOARD, { organisationId: motala.id })).data!.dashboard.organisation).toEqual({ id: motala.id });
    for (const variables of [{ organisationId: linkoping.id }, {}]) {
      const refused = await admin.client(DASHBOARD, variables);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const scopes = await admin.client(`{ dashboardScopes { county organisations { id } } }`);
    expect(scopes.data!.dashboardScopes).toEqual({ county: false, organisations: [{ id: motala.id }] });
  });

  it('refuses managers and workplace coordinators', async () => {
    const workplace = await createWorkplace(api, linkoping.id);
    for (const role of ['MANAGER', 'WORKPLACE_COORDINATOR']) {
      const person = await signedIn(linkoping.id, { role, workplaceId: workplace.id });
      for (const variables of [{}, { organisationId: linkoping.id }]) {
        expect((await person.client(DASHBOARD, variables)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      }
      expect((await fetchExport('csv', { organisationId: linkoping.id }, person.cookie)).status).toBe(403);
      expect((await person.client(`{ dashboardScopes { county organisations { id } } }`)).data!.dashboardScopes).toEqual({
        county: false,
        organisations: [],
      });
    }
  });
});

describe('the dashboard exports', () => {
  /** The export's rows as [area, organisation number, month, ...values], without the header. */
  function expectedRows(views: { name: string; number: string; view: Dashboard }[]): (string | number)[][] {
    return views.flatMap(({ name, number, view }) =>
      view.months.map((month, index) => [name, number, month, ...view.series.map((series) => series.values[index]!)]),
    );
  }

  it('give the county and then every organisation by name, month by month, as CSV equal to the query', async () => {
    const response = await fetchExport('csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="instrumentpanel-lanet-${RANGE[0]}-${THIS_MONTH}.csv"`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = parse(Buffer.from(bytes), { delimiter: ';', bom: true }) as string[][];
    expect(header).toEqual([
      'Område',
      'Organisationsnummer',
      'Månad',
      'Nya arbetsplatser',
      'Arbetsplatser totalt',
      'Nådda personer',
      'Utbildade chefer',
      'Nätverksmedlemmar',
      'Lärtillfällen',
      'Attesterade timmar',
    ]);
    const organisations = await api.orm.em
      .getConnection()
      .execute<{ id: string; name: string; organisation_number: string }[]>(
        'select id, name, organisation_number from organisation order by name, id',
      );
    expect(rows).toHaveLength(12 * (organisations.length + 1));
    const county = await dashboard();
    const linkopingView = await dashboard(linkoping.id);
    const motalaView = await dashboard(motala.id);
    const text = (table: (string | number)[][]) => table.map((row) => row.map(String));
    expect(rows.slice(0, 12)).toEqual(text(expectedRows([{ name: 'Hela länet', number: '', view: county }])));
    const at = (id: string) => 12 * (1 + organisations.findIndex((organisation) => organisation.id === rowId(id)));
    expect(rows.slice(at(linkoping.id), at(linkoping.id) + 12)).toEqual(
      text(expectedRows([{ name: 'Linköpings kommun', number: linkoping.organisationNumber, view: linkopingView }])),
    );
    expect(rows.slice(at(motala.id), at(motala.id) + 12)).toEqual(
      text(expectedRows([{ name: 'Motala kommun', number: motala.organisationNumber, view: motalaView }])),
    );
  });

  it("give an organisation's months as XLSX equal to the query, with English headings when asked", async () => {
    const response = await fetchExport('xlsx', { organisationId: linkoping.id, from: monthsAgo(5), to: THIS_MONTH, language: 'en' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="dashboard-${linkoping.organisationNumber}-${monthsAgo(5)}-${THIS_MONTH}.xlsx"`,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.getWorksheet('Dashboard')!;
    const values: (string | number)[][] = [];
    sheet.eachRow((row) => values.push((row.values as (string | number)[]).slice(1)));
    const view = (await api.graphql(DASHBOARD, { organisationId: linkoping.id, from: monthsAgo(5), to: THIS_MONTH })).data!.dashboard;
    expect(values[0]).toEqual([
      'Area',
      'Organisation number',
      'Month',
      'Workplaces joined',
      'Workplaces in total',
      'People reached',
      'Managers trained',
      'Network members',
      'Learning sessions',
      'Attested hours',
    ]);
    expect(values.slice(1)).toEqual(expectedRows([{ name: 'Linköpings kommun', number: linkoping.organisationNumber, view }]));
  });

  it('follow the dashboard access rules, and refuse bad arguments before writing anything', async () => {
    expect((await fetchExport('csv', {}, null)).status).toBe(401);
    const admin = await signedIn(motala.id, { role: 'ORGANISATION_ADMIN', organisationId: motala.id });
    expect((await fetchExport('xlsx', { organisationId: motala.id }, admin.cookie)).status).toBe(200);
    const other = await fetchExport('csv', { organisationId: linkoping.id }, admin.cookie);
    expect([other.status, ((await other.json()) as { code: string }).code]).toEqual([403, 'FORBIDDEN']);
    expect((await fetchExport('csv', {}, admin.cookie)).status).toBe(403);
    const bad = await fetchExport('csv', { from: '2026-13' });
    expect([bad.status, await bad.json()]).toEqual([400, expect.objectContaining({ code: 'BAD_USER_INPUT', argumentName: 'from' })]);
    expect((await fetchExport('csv', { organisationId: 'nonsense' })).status).toBe(400);
    expect((await fetch(`${api.url}/exports/dashboard.pdf`, { headers: { cookie: `evikomp_session=${api.sessionCookie}` } })).status).toBe(
      400,
    );
  });

  it('answer an API client with READ_STATISTICS by its key', async () => {
    const created = await api.graphql(`mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { key ${USER_ERRORS} } }`, {
      input: { name: 'Statistiksystem', scopes: ['READ_STATISTICS'], organisationId: motala.id },
    });
    const key = created.data!.apiClientCreate.key as string;
    const own = await fetch(exportUrl('csv', { organisationId: motala.id }), { headers: { authorization: `Bearer ${key}` } });
    expect(own.status).toBe(200);
    const county = await fetch(exportUrl('csv'), { headers: { authorization: `Bearer ${key}` } });
    expect(county.status).toBe(403);
    expect((await fetch(exportUrl('csv'), { headers: { authorization: 'Bearer evk_wrong' } })).status).toBe(401);
  });
});
