import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type TestApi } from '@evikomp/api/testing';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

describe('query limits', () => {
  it('refuses a query deeper than 12 before it touches the database', async () => {
    const response = await api.graphql(
      `{ organisations { edges { node { workplaces { edges { node { organisation { workplaces { edges { node { organisation { workplaces { edges { node { name } } } } } } } } } } } } } } }`,
    );
    expect(response.errors?.[0]?.message).toMatch(/depth limit of 12 exceeded/i);
    expect(response.sqlStatements).toBe(0);
  });

  it('refuses a query that could return too many objects, before it touches the database', async () => {
    const response = await api.graphql(
      `{ organisations(first: 100) { edges { node { workplaces(first: 100) { edges { node { manager { person { name homeOrganisation { name } } } coordinator { person { name } } } } } } } } }`,
    );
    expect(response.errors?.[0]?.message).toMatch(/cost limit of 50000 exceeded/i);
    expect(response.sqlStatements).toBe(0);
  });

  it('counts page sizes given as variables, and the default page size when left out', async () => {
    const query = `query($n: Int) { organisations(first: $n) { edges { node { workplaces(first: $n) { edges { node { manager { person { name homeOrganisation { name } } } coordinator { person { name } } } } } } } } }`;
    const response = await api.graphql(query, { n: 100 });
    expect(response.errors?.[0]?.message).toMatch(/cost limit of 50000 exceeded/i);
    expect(response.sqlStatements).toBe(0);
    expect((await api.graphql(query, { n: 20 })).errors).toBeUndefined();
  });

  it('counts the declared default of a variable that is not sent, and a list of ids sent as a variable', async () => {
    const nested = `workplaces(first: $n) { edges { node { organisation { workplaces(first: $n) { edges { node { organisation {
      workplaces(first: $n) { edges { node { id } } } } } } } } } } }`;
    const refused = await api.graphql(`query($n: Int = 100) { ${nested} }`);
    expect(refused.errors?.[0]?.message).toMatch(/cost limit of 50000 exceeded/i);
    expect(refused.sqlStatements).toBe(0);
    expect((await api.graphql(`query($n: Int = 5) { ${nested} }`)).errors).toBeUndefined();
    // A sent value wins over the default.
    expect((await api.graphql(`query($n: Int = 100) { ${nested} }`, { n: 5 })).errors).toBeUndefined();
    const ids = Array.from({ length: 100 }, () => 'T3JnYW5pc2F0aW9uOjA');
    const many = await api.graphql(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Organisation { workplaces(first: 100) { edges { node { organisation {
      workplaces(first: 100) { edges { node { id } } } } } } } } } }`,
      { ids },
    );
    expect(many.errors?.[0]?.message).toMatch(/cost limit of 50000 exceeded/i);
  });

  it('allows 50 organisations with 50 workplaces and their managers', async () => {
    const response = await api.graphql(
      `{ organisations(first: 50) { totalCount edges { node { id name workplaces(first: 50) { totalCount edges { node { id name manager { startsOn person { name email } } } } } } } } }`,
    );
    expect(response.errors).toBeUndefined();
  });

  it('refuses more than 15 aliases', async () => {
    const aliases = Array.from({ length: 16 }, (_, index) => `a${index}: me { id }`).join(' ');
    const response = await api.graphql(`{ ${aliases} }`);
    expect(response.errors?.[0]?.message).toMatch(/aliases limit of 15 exceeded/i);
    expect(response.sqlStatements).toBe(0);
  });

  it('refuses more than 50 directives', async () => {
    const directives = Array.from({ length: 51 }, () => '@include(if: true)').join(' ');
    const response = await api.graphql(`{ me ${directives} { id } }`);
    expect(response.errors?.[0]?.message).toMatch(/directives limit of 50 exceeded/i);
  });

  it('refuses a document of more than 2,000 tokens with a clear error, not a crash', async () => {
    const fields = Array.from({ length: 2100 }, () => 'id').join(' ');
    const response = await api.graphql(`{ me { ${fields} } }`);
    expect(response.status).toBe(400);
    expect(response.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/more tha[nt] 2000 tokens/i),
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    });
  });

  it('gives no field suggestions', async () => {
    const response = await api.graphql(`{ organisatons { totalCount } }`);
    expect(response.errors?.[0]?.message).not.toMatch(/did you mean/i);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `evikomp_session=${api.sessionCookie}` },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
  });
});
