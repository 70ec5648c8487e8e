import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, startTestApi, type TestApi } from '@evikomp/api/testing';
import { ensureDatabase } from '@evikomp/api/database/embedded-postgres';
import { inject } from 'vitest';

let api: TestApi;
beforeAll(async () => {
  api = await startTestApi();
});
afterAll(() => api?.stop());

describe('the HTTP server', () => {
  it('answers /healthz while the process is alive and /readyz when the database is migrated', async () => {
    expect(await (await fetch(`${api.url}/healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${api.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
  });

  it('is not ready on a database without the migrations', async () => {
    const adminUrl = inject('postgresAdminUrl');
    const name = `empty_${Date.now()}`;
    await ensureDatabase(adminUrl, name);
    const unmigrated = await startTestApi({ databaseUrl: adminUrl.replace(/\/postgres$/, `/${name}`), withAdministrator: false });
    try {
      const response = await fetch(`${unmigrated.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: 'migrations pending' });
    } finally {
      await unmigrated.stop();
    }
  });

  it('keeps or gives every response a request id', async () => {
    const given = await fetch(`${api.url}/healthz`, { headers: { 'x-request-id': 'hr-system-42' } });
    expect(given.headers.get('x-request-id')).toBe('hr-system-42');
    const generated = await fetch(`${api.url}/healthz`);
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('hides unexpected errors behind a code, without stack traces or SQL', async () => {
    const databaseUrl = await createTestDatabase();
    const broken = await startTestApi({ databaseUrl });
    try {
      // Something the code does not expect: a table is gone.
      await broken.orm.em.getConnection().execute('drop table organisation_population');
      const response = await broken.graphql(`{ organisations(first: 1) { edges { node { populations { year } } } } }`);
      expect(response.status).toBe(200);
      expect(response.errors).toEqual([
        {
          message: 'Internal server error',
          locations: expect.any(Array),
          path: ['organisations', 'edges', 0, 'node', 'populations'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ]);
      expect(JSON.stringify(response)).not.toMatch(/organisation_population|relation|select|stack|\.ts:/i);
    } finally {
      await broken.stop();
    }
  });

  it('explains a syntax error and an unknown field to the client', async () => {
    const syntax = await api.graphql('{ organisations { ');
    expect(syntax.status).toBe(400);
    expect(syntax.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_PARSE_FAILED' });
    const unknown = await api.graphql('{ organisations { nope } }');
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(JSON.stringify(unknown)).not.toMatch(/stacktrace/);
  });

  it('answers a malformed request body without a stack trace', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(response.status).toBe(400);
    const body = await response.text();
    expect(body).not.toMatch(/stack|\.js:|\.ts:|node_modules/i);
  });

  it('refuses a request body over the size limit', async () => {
    const response = await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ organisations { totalCount } }`, variables: { padding: 'x'.repeat(2_000_000) } }),
    });
    expect(response.status).toBe(413);
  });

  it('keeps Apollo CSRF prevention on for simple GET requests', async () => {
    const response = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ organisations { totalCount } }')}`);
    expect(response.status).toBe(400);
    const allowed = await fetch(`${api.url}/graphql?query=${encodeURIComponent('{ organisations { totalCount } }')}`, {
      headers: { 'apollo-require-preflight': 'true', cookie: `evikomp_session=${api.sessionCookie}` },
    });
    expect(allowed.status).toBe(200);
  });
});
