import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setReadCompiler, startTestApi, type TestApi } from '@evikomp/api/testing';
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

  it('counts totals only when the query asks for them, however it asks', async () => {
    const nested = (top: string, inner: string) =>
      `query { organisations(first: 5) { ${top} edges { node { id workplaces(first: 2) { ${inner} edges { node { id } } } } } } }`;
    // The loader path (the read compiler off): organisations and their workplaces, one statement each (the
    // caller is cached since the file's first request); the totals one more each.
    setReadCompiler(false);
    const without = await small.graphql(nested('', ''));
    const withTotals = await small.graphql(nested('totalCount', 'totalCount'));
    setReadCompiler(true);
    expect(without.errors).toBeUndefined();
    expect(withTotals.errors).toBeUndefined();
    expect(without.sqlStatements).toBe(2);
    expect(withTotals.sqlStatements).toBe(4);
    // The read compiler counts inside its one statement, and the same totals.
    const compiled = await small.graphql(nested('totalCount', 'totalCount'));
    expect(compiled.sqlStatements).toBe(1);
    expect(compiled.data).toEqual(withTotals.data);
    // The totals, checked against full lists of the same rows.
    const everything = await small.graphql(
      `{ organisations(first: 100) { edges { node { workplaces(first: 100) { edges { node { id } } } } } } }`,
    );
    type Full = { node: { workplaces: { edges: unknown[] } } };
    expect(withTotals.data!.organisations.totalCount).toBe(everything.data!.organisations.edges.length);
    const totals = withTotals.data!.organisations.edges.map(
      (edge: { node: { workplaces: { totalCount: number } } }) => edge.node.workplaces.totalCount,
    );
    expect(totals).toEqual(everything.data!.organisations.edges.slice(0, 5).map((edge: Full) => edge.node.workplaces.edges.length));

    // Through a fragment spread, an inline fragment or an alias, the totals are counted too.
    const indirect = await small.graphql(
      `query { all: organisations(first: 5) { ...Total edges { node { workplaces(first: 2) { ... on WorkplaceConnection { totalCount } } } } } }
       fragment Total on OrganisationConnection { totalCount }`,
    );
    expect(indirect.errors).toBeUndefined();
    expect(indirect.data!.all.totalCount).toBe(withTotals.data!.organisations.totalCount);
    const indirectTotals = indirect.data!.all.edges.map(
      (edge: { node: { workplaces: { totalCount: number } } }) => edge.node.workplaces.totalCount,
    );
    expect(indirectTotals).toEqual(totals);

    const people = await small.graphql(`{ people(first: 3) { edges { node { name } } } }`);
    const peopleWithTotal = await small.graphql(`{ people(first: 3) { totalCount edges { node { name } } } }`);
    expect(peopleWithTotal.sqlStatements).toBe(people.sqlStatements + 1);
    const allPeople = await small.graphql(`{ people(first: 100) { edges { node { id } } } }`);
    expect(peopleWithTotal.data!.people.totalCount).toBe(allPeople.data!.people.edges.length);
  });
});
