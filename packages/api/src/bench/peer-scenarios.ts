/**
 * The scenarios measured on both sides, the API and PostGraphile: for each, the API's query, the peer's query for the
 * same data, how to map both answers to one shape (ids to row ids, names from their parts, instants to ISO strings) so
 * they can be compared, and one hand-written SQL statement reading the same data (the floor no server goes below).
 */
import pg from 'pg';

type Variables = Record<string, unknown>;
type Json = Record<string, unknown>;

export interface SideQuery {
  query: string;
  variables: Variables[];
}

export interface PeerScenario {
  key: string;
  title: string;
  project: SideQuery;
  peer: SideQuery;
  /** The same data as one canonical value, from either side's `data`. */
  normalise: { project(data: Json): unknown; peer(data: Json): unknown };
  /** One SQL statement reading the same data, with its parameters for each variable set; none for `{ __typename }`. */
  floor: { sql: string; params: unknown[][] } | null;
  /** Seconds per measured round, relative to BENCH_DURATION (heavy answers need longer windows). */
  durationFactor?: number;
  /**
   * At most this many connections (fewer than BENCH_CONNECTIONS): a request that keeps a core busy for
   * seconds saturates two cores with two connections, and more only queue (on a busy machine beyond the
   * load generator's 30 s timeout) and leave requests to drain after each round.
   */
  maxConnections?: number;
}

export interface PeerData {
  /** Row ids of workplaces (a few from each organisation). */
  workplaceIds: string[];
  /** Row id of the cohort read by the cohort scenario. */
  cohortId: string;
  today: string;
  searchTerms: string[];
}

/** The row id behind one of the API's global ids (base64url of `Type:uuid`). */
export function rowIdOf(globalId: unknown): string {
  const decoded = Buffer.from(String(globalId), 'base64url').toString('utf8');
  return decoded.slice(decoded.indexOf(':') + 1);
}

export function globalIdOf(type: string, rowId: string): string {
  return Buffer.from(`${type}:${rowId}`, 'utf8').toString('base64url');
}

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(String(value)).toISOString());
const fullName = (person: Json | null) => (person ? `${String(person.firstName)} ${String(person.lastName)}` : null);
const nodes = (connection: unknown): Json[] => ((connection as { nodes: Json[] }).nodes ?? []) as Json[];
const edgeNodes = (connection: unknown): Json[] => (connection as { edges: { node: Json }[] }).edges.map((edge) => edge.node);
const connection = (data: Json, field: string) => data[field] as Json;

/** The current manager as SQL: the same period rule and order as the API (and the peer's helper). */
const MANAGER_SQL = `(select json_build_object('startsOn', r.starts_on, 'person', json_build_object('name', p.first_name || ' ' || p.last_name, 'email', p.email))
  from role_assignment r join person p on p.id = r.person_id
  where r.workplace_id = w.id and r.role = 'MANAGER' and r.starts_on <= $1::date and (r.ends_on is null or r.ends_on > $1::date)
  order by r.starts_on, r.id limit 1)`;

export function peerScenarios(data: PeerData): PeerScenario[] {
  const workplaceVariables = data.workplaceIds.map((id) => ({ id: globalIdOf('Workplace', id) }));
  const peerWorkplaceVariables = data.workplaceIds.map((id) => ({ id }));
  return [
    {
      key: 'typename',
      title: '{ __typename } (fixed cost of a request)',
      project: { query: '{ __typename }', variables: [{}] },
      peer: { query: '{ __typename }', variables: [{}] },
      normalise: { project: () => 'Query', peer: () => 'Query' },
      floor: null,
    },
    {
      key: 'workplace',
      title: `(c) one workplace by id + its organisation's name (${data.workplaceIds.length} ids)`,
      project: { query: 'query($id: ID!) { workplace(id: $id) { name organisation { name } } }', variables: workplaceVariables },
      peer: {
        query: 'query($id: UUID!) { workplaceByRowId(rowId: $id) { name organisationByOrganisationId { name } } }',
        variables: peerWorkplaceVariables,
      },
      normalise: {
        project: (d) => {
          const w = d.workplace as Json;
          return { name: w.name, organisation: (w.organisation as Json).name };
        },
        peer: (d) => {
          const w = d.workplaceByRowId as Json;
          return { name: w.name, organisation: (w.organisationByOrganisationId as Json).name };
        },
      },
      floor: {
        sql: `select json_build_object('name', w.name, 'organisation', o.name) from workplace w join organisation o on o.id = w.organisation_id where w.id = $1`,
        params: data.workplaceIds.map((id) => [id]),
      },
    },
    {
      key: 'organisationsSmall',
      title: '(b) 20 organisations × first 5 workplaces, id + name',
      project: {
        query: '{ organisations(first: 20) { edges { node { id name workplaces(first: 5) { edges { node { id name } } } } } } }',
        variables: [{}],
      },
      peer: {
        query:
          '{ allOrganisations(first: 20, orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { rowId name workplacesByOrganisationId(first: 5, orderBy: [NAME_ASC, ROW_ID_ASC]) { nodes { rowId name } } } } }',
        variables: [{}],
      },
      normalise: {
        project: (d) =>
          edgeNodes(connection(d, 'organisations')).map((o) => ({
            id: rowIdOf(o.id),
            name: o.name,
            workplaces: edgeNodes(o.workplaces).map((w) => ({ id: rowIdOf(w.id), name: w.name })),
          })),
        peer: (d) =>
          nodes(connection(d, 'allOrganisations')).map((o) => ({
            id: o.rowId,
            name: o.name,
            workplaces: nodes(o.workplacesByOrganisationId).map((w) => ({ id: w.rowId, name: w.name })),
          })),
      },
      floor: {
        sql: `select json_agg(json_build_object('id', o.id, 'name', o.name, 'workplaces',
            (select coalesce(json_agg(json_build_object('id', w.id, 'name', w.name)), '[]') from
              (select w.id, w.name from workplace w where w.organisation_id = o.id order by w.name, w.id limit 5) w)))
          from (select o.id, o.name from organisation o order by o.name, o.id limit 20) o`,
        params: [[]],
      },
    },
    {
      key: 'peopleSearch',
      title: `people search, 20 per page with totalCount (${data.searchTerms.length} terms)`,
      project: {
        query:
          'query($q: String!) { people(first: 20, filter: { search: $q }) { totalCount edges { node { id name email homeOrganisation { name } } } } }',
        variables: data.searchTerms.map((q) => ({ q })),
      },
      peer: {
        query:
          'query($q: String!) { benchPeerSearchPeople(q: $q, first: 20) { totalCount nodes { rowId firstName lastName email organisationByHomeOrganisationId { name } } } }',
        variables: data.searchTerms.map((q) => ({ q })),
      },
      normalise: {
        project: (d) => {
          const c = connection(d, 'people');
          return {
            totalCount: c.totalCount,
            people: edgeNodes(c).map((p) => ({ id: rowIdOf(p.id), name: p.name, email: p.email, home: (p.homeOrganisation as Json).name })),
          };
        },
        peer: (d) => {
          const c = connection(d, 'benchPeerSearchPeople');
          return {
            totalCount: c.totalCount,
            people: nodes(c).map((p) => ({
              id: p.rowId,
              name: fullName(p),
              email: p.email,
              home: (p.organisationByHomeOrganisationId as Json).name,
            })),
          };
        },
      },
      floor: {
        sql: `with found as (select p.* from person p where search_text(p.first_name || ' ' || p.last_name || ' ' || p.email) like search_text('%' || $1 || '%'))
          select json_build_object('totalCount', (select count(*) from found), 'people', (select json_agg(json_build_object('id', f.id,
            'name', f.first_name || ' ' || f.last_name, 'email', f.email, 'home', o.name))
            from (select * from found order by last_name, first_name, id limit 20) f join organisation o on o.id = f.home_organisation_id))`,
        params: data.searchTerms.map((q) => [q]),
      },
    },
    {
      key: 'cohort',
      title: 'a cohort + its first 50 registrations with totalCount, status and person',
      project: {
        query:
          'query($id: ID!) { cohort(id: $id) { name registrations(first: 50) { totalCount edges { node { status waitlistPosition registeredAt person { id name } } } } } }',
        variables: [{ id: globalIdOf('Cohort', data.cohortId) }],
      },
      peer: {
        query:
          'query($id: UUID!) { cohortByRowId(rowId: $id) { name activeRegistrations(first: 50) { totalCount nodes { status waitlistPosition registeredAt personByPersonId { rowId firstName lastName } } } } }',
        variables: [{ id: data.cohortId }],
      },
      normalise: {
        project: (d) => {
          const cohort = d.cohort as Json;
          const c = cohort.registrations as Json;
          return {
            name: cohort.name,
            totalCount: c.totalCount,
            registrations: edgeNodes(c).map((r) => ({
              status: r.status,
              waitlistPosition: r.waitlistPosition,
              registeredAt: iso(r.registeredAt),
              person: { id: rowIdOf((r.person as Json).id), name: (r.person as Json).name },
            })),
          };
        },
        peer: (d) => {
          const cohort = d.cohortByRowId as Json;
          const c = cohort.activeRegistrations as Json;
          return {
            name: cohort.name,
            totalCount: c.totalCount,
            registrations: nodes(c).map((r) => {
              const person = r.personByPersonId as Json;
              return {
                status: r.status,
                waitlistPosition: r.waitlistPosition,
                registeredAt: iso(r.registeredAt),
                person: { id: person.rowId, name: fullName(person) },
              };
            }),
          };
        },
      },
      floor: {
        sql: `with active as (select r.* from registration r join cohort c on c.offering_id = r.offering_id
            where c.id = $1 and r.status not in ('CANCELLED', 'LAPSED', 'REJECTED'))
          select json_build_object('name', (select name from cohort where id = $1), 'totalCount', (select count(*) from active),
            'registrations', (select json_agg(json_build_object('status', a.status, 'waitlistPosition', a.waitlist_position,
              'registeredAt', a.registered_at, 'person', json_build_object('id', p.id, 'name', p.first_name || ' ' || p.last_name)))
            from (select * from active order by registered_at, id limit 50) a join person p on p.id = a.person_id))`,
        params: [[data.cohortId]],
      },
    },
    {
      key: 'organisations',
      title: '(a) 50 organisations × first 50 workplaces × manager, with totalCounts',
      project: {
        query:
          '{ organisations(first: 50) { totalCount edges { node { id name workplaces(first: 50) { totalCount edges { node { id name manager { startsOn person { name email } } } } } } } } }',
        variables: [{}],
      },
      peer: {
        query:
          '{ allOrganisations(first: 50, orderBy: [NAME_ASC, ROW_ID_ASC]) { totalCount nodes { rowId name workplacesByOrganisationId(first: 50, orderBy: [NAME_ASC, ROW_ID_ASC]) { totalCount nodes { rowId name manager { startsOn personByPersonId { firstName lastName email } } } } } } }',
        variables: [{}],
      },
      normalise: {
        project: (d) => {
          const c = connection(d, 'organisations');
          return {
            totalCount: c.totalCount,
            organisations: edgeNodes(c).map((o) => ({
              id: rowIdOf(o.id),
              name: o.name,
              totalCount: (o.workplaces as Json).totalCount,
              workplaces: edgeNodes(o.workplaces).map((w) => {
                const manager = w.manager as Json | null;
                const person = manager?.person as Json | undefined;
                return {
                  id: rowIdOf(w.id),
                  name: w.name,
                  manager: manager ? { startsOn: manager.startsOn, name: person?.name, email: person?.email } : null,
                };
              }),
            })),
          };
        },
        peer: (d) => {
          const c = connection(d, 'allOrganisations');
          return {
            totalCount: c.totalCount,
            organisations: nodes(c).map((o) => ({
              id: o.rowId,
              name: o.name,
              totalCount: (o.workplacesByOrganisationId as Json).totalCount,
              workplaces: nodes(o.workplacesByOrganisationId).map((w) => {
                const manager = w.manager as Json | null;
                const person = manager?.personByPersonId as Json | undefined;
                return {
                  id: w.rowId,
                  name: w.name,
                  manager: manager ? { startsOn: manager.startsOn, name: fullName(person ?? null), email: person?.email } : null,
                };
              }),
            })),
          };
        },
      },
      floor: {
        sql: `select json_build_object('totalCount', (select count(*) from organisation), 'organisations', json_agg(json_build_object(
            'id', o.id, 'name', o.name, 'totalCount', (select count(*) from workplace w where w.organisation_id = o.id),
            'workplaces', (select coalesce(json_agg(json_build_object('id', w.id, 'name', w.name, 'manager', ${MANAGER_SQL})), '[]')
              from (select w.id, w.name from workplace w where w.organisation_id = o.id order by w.name, w.id limit 50) w))))
          from (select o.id, o.name from organisation o order by o.name, o.id limit 50) o`,
        params: [[data.today]],
      },
      durationFactor: 3,
      maxConnections: 2,
    },
  ];
}

/** Median time of one statement of the floor, run one at a time on one connection, rotating over its parameter sets. */
export async function measureFloor(databaseUrl: string, floor: NonNullable<PeerScenario['floor']>, runs = 15): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const times: number[] = [];
    for (let i = 0; i < runs + 3; i++) {
      const params = floor.params[i % floor.params.length] ?? [];
      const started = performance.now();
      await client.query({ text: floor.sql, values: params });
      if (i >= 3) times.push(performance.now() - started); // the first three warm the plan cache
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)] ?? 0;
  } finally {
    await client.end();
  }
}
