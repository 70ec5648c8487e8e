import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';
import { generateNationalDirectory } from '@evikomp/api/seed/demo-data';
import { insertDirectory } from '@evikomp/api/seed/seed-database';

const QUERY = `{
  organisations(first: 10) {
    totalCount
    edges { node { name populations { year population }
      workplaces(first: 100) { totalCount edges { node { name
        manager { startsOn person { name homeOrganisation { name } roles { role } } }
        coordinator { person { name } }
        competenceCoordinators { person { name } }
        organisation { name }
      } } }
    } }
  }
}`;

async function apiWithWorkplaces(workplaces: number): Promise<TestApi> {
  const api = await startTestApi();
  await insertDirectory(api.orm, generateNationalDirectory({ organisations: 5, workplaces, people: workplaces * 3, seed: workplaces }));
  return api;
}

describe('SQL statements per query', () => {
  let small: TestApi;
  let large: TestApi;
  beforeAll(async () => {
    [small, large] = await Promise.all([apiWithWorkplaces(20), apiWithWorkplaces(200)]);
  });
  afterAll(async () => {
    await small?.stop();
    await large?.stop();
  });

  it('does not grow with the number of workplaces, managers and people returned', async () => {
    const smallResponse = await small.graphql(QUERY);
    const largeResponse = await large.graphql(QUERY);
    expect(smallResponse.errors).toBeUndefined();
    expect(largeResponse.errors).toBeUndefined();

    const countWorkplaces = (response: typeof smallResponse) =>
      response.data!.organisations.edges.reduce(
        (sum: number, edge: { node: { workplaces: { edges: unknown[] } } }) => sum + edge.node.workplaces.edges.length,
        0,
      );
    expect(countWorkplaces(smallResponse)).toBe(20);
    expect(countWorkplaces(largeResponse)).toBe(200);

    expect(largeResponse.sqlStatements).toBe(smallResponse.sqlStatements);
    // organisations (page + count), populations, workplaces (page + count), manager, coordinator, competence
    // coordinators, people, their roles, and organisations by id at two levels: one statement per level;
    // and two to know the caller (their session, and the roles they hold today).
    expect(smallResponse.sqlStatements).toBe(15);
  });

  it('keeps a list of people with their roles and organisations at a constant count', async () => {
    const query = `{ people(first: 100) { edges { node { name homeOrganisation { name } roles(includeEnded: true) { role workplace { name organisation { name } } } } } } }`;
    const smallResponse = await small.graphql(query);
    const largeResponse = await large.graphql(query);
    expect(largeResponse.data!.people.edges.length).toBeGreaterThan(smallResponse.data!.people.edges.length);
    expect(largeResponse.sqlStatements).toBe(smallResponse.sqlStatements);
  });
});
