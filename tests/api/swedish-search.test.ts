import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, createWorkplace, signedInManager } from '../support/factories.js';

/** Every SQL statement the API runs, as MikroORM logs it at trace level. */
const statements: string[] = [];
const sqlLog = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      const entry = JSON.parse(line) as { sql?: string };
      if (entry.sql) statements.push(entry.sql);
    }
    done();
  },
});

let api: TestApi;
let ids: Record<string, string>;
beforeAll(async () => {
  api = await startTestApi({ logger: pino({ level: 'trace' }, sqlLog) });
  const odeshog = await createOrganisation(api, { name: 'Ödeshögs kommun' });
  const region = await createOrganisation(api, { name: 'Region Östergötland', kind: 'REGION' });
  const workplace = await createWorkplace(api, odeshog.id, { name: 'Hemtjänst Centrum', city: 'Ödeshög' });
  // Created out of order: the list orders them, not the order of entry.
  const orjan = await createPerson(api, odeshog.id, { firstName: 'Örjan', lastName: 'Åberg' });
  const anna = await createPerson(api, odeshog.id, { firstName: 'Anna', lastName: 'Åberg' });
  const bertil = await createPerson(api, odeshog.id, { firstName: 'Bertil', lastName: 'Åberg' });
  ids = { odeshog: odeshog.id, region: region.id, workplace: workplace.id, orjan: orjan.id, anna: anna.id, bertil: bertil.id };
});
afterAll(() => api?.stop());

const ORGANISATIONS = `query($q: String) { organisations(filter: { search: $q }) { edges { node { id } } } }`;
const WORKPLACES = `query($q: String) { workplaces(filter: { search: $q }) { edges { node { id } } } }`;
const PEOPLE = `query($q: String, $after: String, $first: Int) {
  people(filter: { search: $q }, orderBy: { field: LAST_NAME, direction: ASC }, first: $first, after: $after) {
    edges { node { id } } pageInfo { endCursor }
  }
}`;

const found = (connection: { edges: { node: { id: string } }[] }) => connection.edges.map((edge) => edge.node.id);

/** The plan PostgreSQL makes for a statement the API ran, with sequential scans made a last resort. */
async function planOf(statement: string): Promise<string> {
  const connection = api.orm.em.getConnection();
  const knex = connection.getKnex();
  return knex.transaction(async (transaction) => {
    await transaction.raw('set local enable_seqscan = off');
    // The statement has its parameters as $1, $2…: the generic plan is the one for any value of them.
    const rows = (await transaction.raw(`explain (generic_plan) ${statement}`)) as { rows: { 'QUERY PLAN': string }[] };
    return rows.rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

/**
 * The last statement that searched the table (`search_text(…) like search_text(…)`), without MikroORM's notes:
 * the loader path's (`from "table"`) or the read compiler's (`from table alias`).
 */
function lastSearchStatement(table: string): string {
  const from = new RegExp(`from "?${table}"?\\s`);
  const statement = statements.findLast((sql) => from.test(sql) && /search_text\(.*like search_text\(/s.test(sql));
  expect(statement, `a search of ${table}`).toBeDefined();
  // eslint-disable-next-line no-control-regex -- the log colours the statement
  const plain = statement!.replace(/\x1b\[[0-9;]*m/g, '');
  return plain.replace(/^\[query\]\s*/, '').replace(/\s*\[took .*$/s, '');
}

describe('search as Swedish users expect', () => {
  it('finds Ödeshög, Östergötland and Åberg typed without the dots and rings, in any case', async () => {
    expect(found((await api.graphql(ORGANISATIONS, { q: 'odeshog' })).data!.organisations)).toEqual([ids.odeshog]);
    expect(found((await api.graphql(ORGANISATIONS, { q: 'ostergotland' })).data!.organisations)).toEqual([ids.region]);
    expect(found((await api.graphql(ORGANISATIONS, { q: 'ÖSTERGÖTLAND' })).data!.organisations)).toEqual([ids.region]);
    expect(found((await api.graphql(WORKPLACES, { q: 'odeshog' })).data!.workplaces)).toEqual([ids.workplace]);
    expect(found((await api.graphql(PEOPLE, { q: 'aberg' })).data!.people)).toHaveLength(3);
    expect(found((await api.graphql(PEOPLE, { q: 'ABERG' })).data!.people)).toHaveLength(3);
    expect(found((await api.graphql(PEOPLE, { q: 'orjan aberg' })).data!.people)).toEqual([ids.orjan]);
    // Wildcards stay plain characters.
    expect(found((await api.graphql(PEOPLE, { q: 'a_erg' })).data!.people)).toEqual([]);
  });

  it('lists people with the same last name by first name, page after page', async () => {
    expect(found((await api.graphql(PEOPLE, { q: 'aberg' })).data!.people)).toEqual([ids.anna, ids.bertil, ids.orjan]);
    const pages: string[] = [];
    let after: string | null = null;
    for (let page = 0; page < 3; page += 1) {
      const response: { data?: { people: { edges: { node: { id: string } }[]; pageInfo: { endCursor: string } } } } = await api.graphql(
        PEOPLE,
        { q: 'aberg', first: 1, after },
      );
      pages.push(...found(response.data!.people));
      after = response.data!.people.pageInfo.endCursor;
    }
    expect(pages).toEqual([ids.anna, ids.bertil, ids.orjan]);
  });

  it('answers each search from its trigram index', async () => {
    await api.graphql(ORGANISATIONS, { q: 'odeshog' });
    expect(await planOf(lastSearchStatement('organisation'))).toMatch(/Bitmap Index Scan on organisation_search_idx/);
    await api.graphql(WORKPLACES, { q: 'odeshog' });
    expect(await planOf(lastSearchStatement('workplace'))).toMatch(/Bitmap Index Scan on workplace_search_idx/);
    await api.graphql(PEOPLE, { q: 'aberg' });
    expect(await planOf(lastSearchStatement('person'))).toMatch(/Bitmap Index Scan on person_search_idx/);
    // Someone who may not see every e-mail address searches names only, on the names' index.
    const manager = await signedInManager(api, ids.odeshog!);
    expect((await manager.client(PEOPLE, { q: 'aberg' })).errors).toBeUndefined();
    expect(await planOf(lastSearchStatement('person'))).toMatch(/Bitmap Index Scan on person_name_search_idx/);
  });
});
