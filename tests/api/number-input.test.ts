import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLResponse, type TestApi } from '@evikomp/api/testing';
import { buildApiSchema } from '@evikomp/api/schema';
import { createOrganisation, createWorkplace, snapshot, USER_ERRORS } from '../support/factories.js';
import { errorFieldOf, inputLeaves, isPayloadLeaf, requestFor, type InputLeaf } from '../support/schema-walk.js';

const LARGEST_INT = 2_147_483_647;

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

/** Null when the response refuses the leaf's value naming it (payload error INVALID, or BAD_USER_INPUT). */
function refusal(leaf: InputLeaf, response: GraphQLResponse): string | null {
  const field = errorFieldOf(leaf);
  if (isPayloadLeaf(leaf)) {
    const errors = (response.data?.[leaf.field.name] as { errors?: { field: string; code: string }[] } | undefined)?.errors ?? [];
    return errors.some((error) => error.field === field && error.code === 'INVALID')
      ? null
      : JSON.stringify(response.data ?? response.errors);
  }
  const error = response.errors?.[0];
  if (error?.extensions?.code === 'BAD_USER_INPUT' && error.extensions.argumentName === field) return null;
  // A page size is counted by the cost limit before anything runs (and bounded to 100 after it: below).
  const costRefused = field === 'first' && /cost limit of 50000 exceeded/i.test(error?.message ?? '');
  return costRefused ? null : JSON.stringify(response);
}

describe('numbers without plausible bounds', () => {
  it('refuses 2,147,483,647 in every number the API takes, naming it, and writes nothing', async () => {
    const leaves = inputLeaves(await buildApiSchema()).filter((leaf) => leaf.scalar === 'Int' || leaf.scalar === 'Float');
    expect(leaves.length).toBeGreaterThan(20);
    const before = await snapshot(api);
    const missed: string[] = [];
    for (const leaf of leaves) {
      const { query, variables } = requestFor(leaf, LARGEST_INT);
      const problem = refusal(leaf, await api.graphql(query, variables));
      if (problem) missed.push(`${leaf.name} (${errorFieldOf(leaf)}): ${problem}`);
    }
    expect(missed).toEqual([]);
    expect(await snapshot(api)).toBe(before);
  });

  it('bounds page sizes to 100 where the cost limit lets them through', async () => {
    const response = await api.graphql(`{ people(first: 101) { totalCount } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'first' });
  });

  it('takes a large but plausible employee count and population, and refuses one above them', async () => {
    const organisation = await createOrganisation(api, { populations: [{ year: 2025, population: 984_748 }] });
    const workplace = await createWorkplace(api, organisation.id, { employeeCount: 12_000 });
    const update = await api.graphql(
      `mutation($input: WorkplaceUpdateInput!) { workplaceUpdate(input: $input) { workplace { employeeCount } ${USER_ERRORS} } }`,
      { input: { id: workplace.id, employeeCount: 100_001 } },
    );
    expect(update.data!.workplaceUpdate).toEqual({
      workplace: null,
      errors: [expect.objectContaining({ field: 'employeeCount', code: 'INVALID' })],
    });
    const population = await api.graphql(
      `mutation($input: OrganisationPopulationSetInput!) { organisationPopulationSet(input: $input) { ${USER_ERRORS} } }`,
      { input: { organisationId: organisation.id, year: 2026, population: 15_000_001 } },
    );
    expect(population.data!.organisationPopulationSet.errors).toEqual([expect.objectContaining({ field: 'population', code: 'INVALID' })]);
  });
});
