/**
 * Security defect 5 of issue 10: a session a demo account opened outside production must not work when the
 * same database is served in production. Production refuses demo accounts at every request, not only at sign-in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, TEST_PASSWORD, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson } from '../support/factories.js';

let development: TestApi;
let production: TestApi | null = null;
beforeAll(async () => {
  development = await startTestApi();
});
afterAll(async () => {
  await production?.stop();
  await development?.stop();
});

/** Signs in and answers the session cookie the API set. */
async function signInCookie(api: TestApi, email: string): Promise<string> {
  const response = await api.anonymous(`mutation($input: SignInInput!) { signIn(input: $input) { errors { code } } }`, {
    input: { email, password: TEST_PASSWORD },
  });
  expect(response.data!.signIn.errors).toEqual([]);
  return response.setCookie!;
}

describe('a demo session when the database moves to production', () => {
  it('is refused at every request, and ended, while real accounts keep their sessions', async () => {
    const organisationId = (await createOrganisation(development)).id;
    const demo = await createPerson(development, organisationId);
    const real = await createPerson(development, organisationId);
    await development.createAccount(demo.id);
    await development.createAccount(real.id);
    await development.orm.em.getConnection().execute('update account set demo = true where person_id = ?', [rowId(demo.id)]);
    const demoCookie = await signInCookie(development, demo.email);
    const realCookie = await signInCookie(development, real.email);
    expect((await development.client(demoCookie)(`{ me { id } }`)).data).toEqual({ me: { id: demo.id } });

    // The same database, now served in production (the test administrator exists already).
    production = await startTestApi({ production: true, databaseUrl: development.databaseUrl, withAdministrator: false });
    const demoInProduction = production.client(demoCookie);
    expect((await demoInProduction(`{ me { id } }`)).data).toEqual({ me: null });
    const list = await demoInProduction(`{ organisations { totalCount } }`);
    expect(list.status).toBe(401);
    expect(list.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED' });
    const ended = await production.orm.em
      .getConnection()
      .execute<{ revoked: boolean }[]>('select revoked_at is not null as revoked from session where person_id = ?', [rowId(demo.id)]);
    expect(ended).toEqual([{ revoked: true }]);

    const realInProduction = production.client(realCookie);
    expect((await realInProduction(`{ me { id } }`)).data).toEqual({ me: { id: real.id } });
  });
});
