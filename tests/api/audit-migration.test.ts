import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, type TestApi } from '@evikomp/api/testing';
import { createCohort, createProgramme, createSession } from '../support/training-factories.js';

const BEFORE = 'Migration20261126070000_session_start_index';

describe('the migration that names audit subjects by GraphQL type', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api?.stop());

  it('rewrites entries written before it, although the trail refuses updates otherwise', async () => {
    const programmeId = await createProgramme(api);
    const cohortId = await createCohort(api, programmeId);
    const sessionId = await createSession(api, { cohortId });
    const connection = api.orm.em.getConnection();
    // Back to the state before it: sessions named by their entity class, and a job's entry about an offering.
    await api.orm.getMigrator().down({ to: BEFORE });
    await connection.execute(
      `insert into audit_entry (id, operation, entity_type, entity_id, changes)
       select gen_random_uuid(), 'offerLapse', 'Offering', offering_id, '[]'::jsonb from cohort where id = ?`,
      [rowId(cohortId)],
    );
    const types = async () =>
      (await connection.execute<{ entity_type: string }[]>(`select distinct entity_type from audit_entry order by 1`)).map(
        (row) => row.entity_type,
      );
    expect(await types()).toEqual(expect.arrayContaining(['Offering', 'OfferingSession']));

    await api.orm.getMigrator().up();

    expect(await types()).not.toEqual(expect.arrayContaining(['Offering']));
    expect(await types()).not.toEqual(expect.arrayContaining(['OfferingSession']));
    const lapse = await connection.execute<{ entity_type: string; entity_id: string }[]>(
      `select entity_type, entity_id from audit_entry where operation = 'offerLapse'`,
    );
    expect(lapse).toEqual([{ entity_type: 'Cohort', entity_id: rowId(cohortId) }]);
    const found = await api.graphql(
      `query($id: ID!) { auditEntries(filter: { subjectId: $id }) { edges { node { operation subjectType } } } }`,
      {
        id: sessionId,
      },
    );
    expect(found.data!.auditEntries.edges).toEqual([{ node: { operation: 'sessionCreate', subjectType: 'Session' } }]);
    // And the trail is append-only again.
    await expect(connection.execute(`update audit_entry set operation = 'changed'`)).rejects.toThrow(/cannot be changed/);
  });
});
