import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

describe('smoke', () => {
  it('creates and lists an organisation', async () => {
    const created = await api.graphql(`mutation { organisationCreate(input: { name: "Linköpings kommun", kind: MUNICIPALITY, organisationNumber: "212000-0449", isPrincipal: true, populations: [{ year: 2024, population: 167000 }] }) { organisation { id name populations { year population } } errors { field message code } } }`);
    console.log(JSON.stringify(created));
    const list = await api.graphql(`{ organisations(first: 5) { totalCount edges { cursor node { id name workplaces(first: 5) { totalCount } } } } }`);
    console.log(JSON.stringify(list));
    expect(list.data?.organisations.totalCount).toBe(1);
  });
});
