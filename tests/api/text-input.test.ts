import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApi, type GraphQLResponse, type TestApi } from '@evikomp/api/testing';
import { buildApiSchema } from '@evikomp/api/schema';
import { textKindOf, TextKind } from '@evikomp/api/platform/text';
import { createOrganisation, createPerson, snapshot, USER_ERRORS } from '../support/factories.js';
import { errorFieldOf, inputLeaves, isPayloadLeaf, requestFor, type InputLeaf } from '../support/schema-walk.js';

const CREATE_PERSON = `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id name email } ${USER_ERRORS} } }`;
const UPDATE_PERSON = `mutation($input: PersonUpdateInput!) { personUpdate(input: $input) { person { name } ${USER_ERRORS} } }`;

let api: TestApi;
let organisationId: string;
let textLeaves: InputLeaf[];
beforeAll(async () => {
  api = await startTestApi();
  organisationId = (await createOrganisation(api)).id;
  textLeaves = inputLeaves(await buildApiSchema()).filter((leaf) => leaf.scalar === 'String' || leaf.scalar === 'ID');
});
afterAll(() => api?.stop());

/** Whether the response refuses the leaf's value, naming it, as a payload error or as BAD_USER_INPUT. */
function refusal(leaf: InputLeaf, response: GraphQLResponse): string | null {
  const field = errorFieldOf(leaf);
  if (isPayloadLeaf(leaf)) {
    const errors = (response.data?.[leaf.field.name] as { errors?: { field: string; code: string }[] } | undefined)?.errors ?? [];
    return errors.some((error) => error.field === field && error.code === 'INVALID')
      ? null
      : JSON.stringify(response.data ?? response.errors);
  }
  const error = response.errors?.[0];
  return error?.extensions?.code === 'BAD_USER_INPUT' && error.extensions.argumentName === field ? null : JSON.stringify(response);
}

describe('text that is not text', () => {
  it('refuses a tab, a line break or a direction override in every text the API takes, naming it, and writes nothing', async () => {
    expect(textLeaves.length).toBeGreaterThan(80);
    const before = await snapshot(api);
    const missed: string[] = [];
    for (const leaf of textLeaves) {
      const kind = textKindOf(leaf.definition.extensions);
      const values = kind === TextKind.SINGLE_LINE ? ['a\tb', 'a\u202eb'] : kind === TextKind.MULTI_LINE ? ['a\u202eb'] : ['a\u0007b'];
      for (const value of values) {
        const { query, variables } = requestFor(leaf, value);
        const problem = refusal(leaf, await api.graphql(query, variables));
        if (problem) missed.push(`${leaf.name} (${errorFieldOf(leaf)}) took ${JSON.stringify(value)}: ${problem}`);
      }
    }
    expect(missed).toEqual([]);
    expect(await snapshot(api)).toBe(before);
  });

  it('lets line breaks only into descriptions and messages, and leaves passwords as typed', () => {
    const kinds = (kind: TextKind) =>
      textLeaves
        .filter((leaf) => textKindOf(leaf.definition.extensions) === kind)
        .map((leaf) => leaf.name)
        .filter((name, index, names) => names.indexOf(name) === index)
        .sort();
    expect(kinds(TextKind.MULTI_LINE)).toEqual([
      'ActionPlanCreateInput.needsNote',
      'ActionPlanProposeScheduleInput.comment',
      'ActionPlanSendBackInput.comment',
      'ActionPlanUpdateInput.needsNote',
      'CohortCreateInput.description',
      'EventCreateInput.description',
      'EventUpdateInput.description',
      'LearningModuleCreateInput.description',
      'LearningModuleUpdateInput.description',
      'LearningTrackCreateInput.description',
      'LearningTrackUpdateInput.description',
      'NetworkCreateInput.description',
      'NetworkMeetingCreateInput.description',
      'NetworkMeetingUpdateInput.description',
      'NetworkUpdateInput.description',
      'ProgrammeCreateInput.description',
      'RegistrationRejectInput.reason',
    ]);
    expect(kinds(TextKind.SECRET)).toEqual([
      'PasswordChangeInput.currentPassword',
      'PasswordChangeInput.newPassword',
      'PasswordResetInput.newPassword',
      'SignInInput.password',
    ]);
  });

  it.each([
    ['a header injection in a last name', { lastName: 'Andersson\r\nBcc: everyone@example.se' }, 'lastName'],
    ['a next-line character', { firstName: 'Karin\u0085Eva' }, 'firstName'],
    ['a line separator', { lastName: 'Anders\u2028son' }, 'lastName'],
    ['a paragraph separator', { firstName: 'Ka\u2029rin' }, 'firstName'],
    ['a right-to-left override', { lastName: 'nossrednA\u202e' }, 'lastName'],
    ['a directional isolate', { firstName: '\u2067Karin\u2069' }, 'firstName'],
    ['a name of zero-width characters only', { firstName: '\u200b\u200c\u200d\u2060' }, 'firstName'],
    ['a name of a Hangul filler', { lastName: '\u3164' }, 'lastName'],
    ['a tab in an e-mail address', { email: 'karin\t@example.se' }, 'email'],
    ['a line break in a phone number', { phone: '013-20\n10 00' }, 'phone'],
  ])('refuses %s in personCreate, naming the field', async (_case, fields, field) => {
    const before = await snapshot(api);
    const response = await api.graphql(CREATE_PERSON, {
      input: { firstName: 'Karin', lastName: 'Andersson', email: 'karin.text@example.se', homeOrganisationId: organisationId, ...fields },
    });
    expect(response.data!.personCreate).toEqual({ person: null, errors: [expect.objectContaining({ field, code: 'INVALID' })] });
    expect(await snapshot(api)).toBe(before);
  });

  it('names every bad text of a mutation at once', async () => {
    const response = await api.graphql(CREATE_PERSON, {
      input: { firstName: 'Ka\trin', lastName: '\u200b', email: 'karin.many@example.se', homeOrganisationId: organisationId },
    });
    expect(response.data!.personCreate.errors.map((error: { field: string }) => error.field)).toEqual(['firstName', 'lastName']);
  });

  it('keeps names with joiners, marks and letters of any script, trimmed', async () => {
    const person = await createPerson(api, organisationId, { firstName: '  Zoë  ', lastName: 'ميرزا\u200cزاده' });
    expect(person.name).toBe('Zoë ميرزا\u200cزاده');
  });

  it('keeps line breaks in a description as LF, and refuses a tab there', async () => {
    const create = `mutation($input: NetworkCreateInput!) { networkCreate(input: $input) { network { description } ${USER_ERRORS} } }`;
    const kept = await api.graphql(create, {
      input: { name: 'Nätverk för radbrytningar', description: 'Första raden.\r\nAndra raden.\rTredje.' },
    });
    expect(kept.data!.networkCreate).toEqual({ network: { description: 'Första raden.\nAndra raden.\nTredje.' }, errors: [] });
    const refused = await api.graphql(create, { input: { name: 'Nätverk med tabb', description: 'Kolumn\tkolumn' } });
    expect(refused.data!.networkCreate.errors).toEqual([expect.objectContaining({ field: 'description', code: 'INVALID' })]);
  });

  it('refuses a text of a query argument with BAD_USER_INPUT naming it', async () => {
    const response = await api.graphql(`query($q: String) { people(filter: { search: $q }) { totalCount } }`, { q: 'Anders\u202eson' });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: 'filter.search' });
    expect(response.errors?.[0]?.message).not.toMatch(/\bat\b.*\.ts/);
  });

  it('refuses a person update to a name of invisible characters', async () => {
    const person = await createPerson(api, organisationId);
    const response = await api.graphql(UPDATE_PERSON, { input: { id: person.id, lastName: '\u2800\u200b' } });
    expect(response.data!.personUpdate.errors).toEqual([expect.objectContaining({ field: 'lastName', code: 'INVALID' })]);
  });
});
