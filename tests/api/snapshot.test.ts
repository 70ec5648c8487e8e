/** The "nothing changed" snapshot the other tests rely on: it must see a write to any table. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, snapshot } from '../support/factories.js';
import { createCohort, createProgramme } from '../support/training-factories.js';

let api: TestApi;
let organisationId: string;
const sql = <T = Record<string, unknown>>(query: string, params: unknown[] = []) => api.orm.em.getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

describe('the nothing-changed snapshot', () => {
  it('holds every table of the public schema', async () => {
    await createCohort(api, await createProgramme(api));
    const tables = (
      await sql<{ name: string }>(
        `select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      )
    ).map((row) => row.name);
    expect(tables.length).toBeGreaterThan(20);
    const seen = new Set((await snapshot(api)).split('\n').map((line) => line.split(' ')[0]));
    // Every table that has rows shows up; the training tables beyond the directory too.
    for (const table of ['organisation', 'person', 'role_assignment', 'programme', 'offering', 'cohort', 'session', 'account'])
      expect(seen).toContain(table);
    for (const table of seen) expect(tables).toContain(table);
  });

  it('is the same for the same data, also after reads', async () => {
    const before = await snapshot(api);
    await api.graphql(`{ organisations(first: 10) { totalCount } }`);
    expect(await snapshot(api)).toBe(before);
  });

  it('sees a new row, a changed column and a deleted row in a table outside the directory', async () => {
    const programmeId = rowId(await createProgramme(api, { name: 'Ögonblicksbild' }));
    const before = await snapshot(api);
    await sql(`update programme set name = 'Ögonblicksbild 2' where id = ?`, [programmeId]);
    const changed = await snapshot(api);
    expect(changed).not.toBe(before);
    await sql(`update programme set name = 'Ögonblicksbild' where id = ?`, [programmeId]);
    expect(await snapshot(api)).toBe(before);

    const person = await createPerson(api, organisationId);
    const withPerson = await snapshot(api);
    await sql(
      `insert into notification (id, kind, person_id, to_address, language, subject, body, dedupe_key) select gen_random_uuid(), 'REGISTRATION_CONFIRMED', id, email, 'sv', 'Ämne', 'Text', 'snapshot-test' from person where id = ?`,
      [rowId(person.id)],
    );
    expect(await snapshot(api)).not.toBe(withPerson);
    await sql(`delete from notification where dedupe_key = 'snapshot-test'`);
    expect(await snapshot(api)).toBe(withPerson);
  });
});
