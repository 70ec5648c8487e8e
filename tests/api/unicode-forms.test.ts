import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowId, startTestApi, TEST_PASSWORD, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, createPerson, createWorkplace, snapshot, USER_ERRORS } from '../support/factories.js';

const CREATE_PERSON = `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id name email } ${USER_ERRORS} } }`;
const MIGRATION = 'Migration20261201600000_unicode_composed_form';

/** "å" as one code point (NFC) and as "a" followed by a combining ring (NFD). */
const COMPOSED = 'åsa.öberg@example.se';
const DECOMPOSED = COMPOSED.normalize('NFD');

let api: TestApi;
let organisationId: string;
beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
});
afterAll(() => api?.stop());

describe('Unicode look-alikes', () => {
  it('knows the decomposed form of an e-mail address as the same person as its composed twin', async () => {
    expect(DECOMPOSED).not.toBe(COMPOSED);
    await createPerson(api, organisationId, { email: COMPOSED });
    const before = await snapshot(api);
    for (const email of [DECOMPOSED, DECOMPOSED.toUpperCase()]) {
      const response = await api.graphql(CREATE_PERSON, {
        input: { firstName: 'Åsa', lastName: 'Öberg', email, homeOrganisationId: organisationId },
      });
      expect(response.data!.personCreate.errors).toEqual([expect.objectContaining({ field: 'email', code: 'TAKEN' })]);
    }
    expect(await snapshot(api)).toBe(before);
  });

  it('stores names and e-mail addresses composed, whatever form they were sent in', async () => {
    const person = await createPerson(api, organisationId, {
      firstName: 'Åsa'.normalize('NFD'),
      lastName: 'Ödeshög-Ärlig'.normalize('NFD'),
      email: 'ärlig.ödeshög@example.se'.normalize('NFD'),
    });
    expect(person).toMatchObject({ name: 'Åsa Ödeshög-Ärlig', email: 'ärlig.ödeshög@example.se' });
    const [row] = await api.orm.em
      .getConnection()
      .execute<{ composed: boolean }[]>(
        `select first_name is nfc normalized and last_name is nfc normalized and email is nfc normalized as composed from person where id = ?`,
        [rowId(person.id)],
      );
    expect(row!.composed).toBe(true);
    const found = await api.graphql(`query($q: String) { people(filter: { search: $q }) { edges { node { id } } } }`, {
      q: 'Ödeshög'.normalize('NFD'),
    });
    expect(found.data!.people.edges).toEqual([{ node: { id: person.id } }]);
  });

  it('signs in and sends a reset link for an address typed in the other form', async () => {
    const person = await createPerson(api, organisationId, { email: 'örjan.åkesson@example.se' });
    await api.createAccount(person.id);
    const signIn = await api.anonymous(`mutation($input: SignInInput!) { signIn(input: $input) { me { id } ${USER_ERRORS} } }`, {
      input: { email: 'örjan.åkesson@example.se'.normalize('NFD'), password: TEST_PASSWORD },
    });
    expect(signIn.data!.signIn).toEqual({ me: { id: person.id }, errors: [] });
    const sent = api.resetMessages.length;
    await api.anonymous(`mutation($input: PasswordResetRequestInput!) { passwordResetRequest(input: $input) { ${USER_ERRORS} } }`, {
      input: { email: 'ÖRJAN.ÅKESSON@EXAMPLE.SE'.normalize('NFD') },
    });
    expect(api.resetMessages.slice(sent).map((message) => message.personId)).toEqual([rowId(person.id)]);
  });

  it('composes what was stored before, and refuses to guess between two people who differ only in form', async () => {
    const connection = api.orm.em.getConnection();
    const migrator = api.orm.getMigrator();
    await migrator.down({ migrations: [MIGRATION] });
    const workplace = await createWorkplace(api, organisationId);
    const insertPerson = (email: string, lastName = 'Ärlig') =>
      connection.execute<{ id: string }[]>(
        `insert into person (id, first_name, last_name, email, home_organisation_id) values (gen_random_uuid(), ?, ?, ?, ?) returning id`,
        ['Åke'.normalize('NFD'), lastName.normalize('NFD'), email, rowId(organisationId)],
      );
    const [stored] = await insertPerson('åke.ärlig@example.se'.normalize('NFD'));
    await connection.execute(`update workplace set name = ?, city = ? where id = ?`, [
      'Hemtjänst Ödeshög'.normalize('NFD'),
      'Ödeshög'.normalize('NFD'),
      rowId(workplace.id),
    ]);
    // A composed twin of a decomposed address: which of the two is the person is not the migration's to say.
    const [twin] = await insertPerson('åke.ärlig@example.se');
    await expect(migrator.up({ migrations: [MIGRATION] })).rejects.toThrow(/differ only in their Unicode form \(person .+\)/);
    await connection.execute(`delete from person where id = ?`, [twin!.id]);

    await migrator.up({ migrations: [MIGRATION] });
    const [person] = await connection.execute<{ first_name: string; last_name: string; email: string }[]>(
      `select first_name, last_name, email from person where id = ?`,
      [stored!.id],
    );
    expect(person).toEqual({ first_name: 'Åke', last_name: 'Ärlig', email: 'åke.ärlig@example.se' });
    const [place] = await connection.execute<{ name: string; city: string }[]>(`select name, city from workplace where id = ?`, [
      rowId(workplace.id),
    ]);
    expect(place).toEqual({ name: 'Hemtjänst Ödeshög', city: 'Ödeshög' });
    // From now on the database keeps them composed, whoever writes.
    await expect(insertPerson('ny.person@example.se', 'Ärlig')).rejects.toThrow(/person_texts_composed/);
  });
});
