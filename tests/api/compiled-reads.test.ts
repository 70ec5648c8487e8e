import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setReadCompiler, startTestApi, type GraphQLClient, type TestApi } from '@evikomp/api/testing';
import { USER_ERRORS, assignRole, createOrganisation, createPerson, createWorkplace, signedInPerson } from '../support/factories.js';
import { createCohort, createProgramme, registerForCohort } from '../support/training-factories.js';

/**
 * The read compiler (one statement per root of the directory reads, the people search and a cohort with its
 * registrations) answers exactly what the loader path answers, for every kind of caller: the same nested
 * queries run through both paths and are compared as JSON text, on data of several organisations.
 */
let api: TestApi;
const callers: Record<string, GraphQLClient> = {};
const fixture = {
  workplaceA1: '',
  workplaceA2: '',
  workplaceB1: '',
  organisationA: '',
  organisationB: '',
  cohort: '',
  since: '',
  person: '',
};

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

async function apiKey(input: Record<string, unknown>): Promise<string> {
  const response = await api.graphql(`mutation($input: ApiClientCreateInput!) { apiClientCreate(input: $input) { key ${USER_ERRORS} } }`, {
    input: { name: `Integration ${Object.keys(callers).length}`, ...input },
  });
  expect(response.data!.apiClientCreate.errors).toEqual([]);
  return response.data!.apiClientCreate.key as string;
}

beforeAll(async () => {
  api = await startTestApi();
  const a = await createOrganisation(api, { name: 'Alingsås kommun' });
  const b = await createOrganisation(api, { name: 'Borås stad' });
  const c = await createOrganisation(api, { name: 'Ceders kommun' });
  fixture.organisationA = a.id;
  fixture.organisationB = b.id;
  const workplacesA = [];
  for (let index = 0; index < 7; index += 1) {
    workplacesA.push(
      await createWorkplace(api, a.id, {
        name: `Hemtjänst ${String.fromCharCode(65 + ((index * 3) % 7))}`,
        employeeCount: 10 + ((index * 7) % 5),
        city: index % 2 ? 'Alingsås' : null,
      }),
    );
  }
  const [wA1, wA2, wA3] = workplacesA;
  const wB1 = await createWorkplace(api, b.id, { name: 'Äldreboende Björken', type: 'NURSING_HOME' });
  const wB2 = await createWorkplace(api, b.id, { name: 'Korttidsboende Eken', type: 'SHORT_TERM_CARE', joinedOn: '2021-01-01' });
  await createWorkplace(api, c.id, { name: 'Daglig verksamhet Cedern', type: 'DAY_ACTIVITIES' });
  fixture.workplaceA1 = wA1!.id;
  fixture.workplaceA2 = wA2!.id;
  fixture.workplaceB1 = wB1.id;

  callers.administrator = api.graphql;
  callers.organisationAdmin = (await signedInPerson(api, a.id, { role: 'ORGANISATION_ADMIN', organisationId: a.id })).client;
  callers.manager = (await signedInPerson(api, a.id, { role: 'MANAGER', workplaceId: wA1!.id })).client;
  callers.workplaceCoordinator = (await signedInPerson(api, a.id, { role: 'WORKPLACE_COORDINATOR', workplaceId: wA1!.id })).client;
  callers.competenceCoordinator = (await signedInPerson(api, b.id, { role: 'COMPETENCE_COORDINATOR', workplaceId: wA2!.id })).client;
  callers.noRole = (await signedInPerson(api, a.id)).client;
  callers.otherOrganisation = (await signedInPerson(api, b.id, { role: 'MANAGER', workplaceId: wB1.id })).client;
  callers.apiClientRead = api.client(null, {
    authorization: `Bearer ${await apiKey({ scopes: ['READ_DIRECTORY'], organisationId: a.id })}`,
  });
  callers.apiClientCountyWide = api.client(null, {
    authorization: `Bearer ${await apiKey({ scopes: ['READ_DIRECTORY', 'READ_CONTACT_DETAILS'] })}`,
  });
  callers.apiClientTraining = api.client(null, {
    authorization: `Bearer ${await apiKey({ scopes: ['READ_TRAINING'], organisationId: a.id })}`,
  });
  callers.apiClientTrainingDirectory = api.client(null, {
    authorization: `Bearer ${await apiKey({ scopes: ['READ_TRAINING', 'READ_DIRECTORY'] })}`,
  });

  // More role holders: a second competence coordinator, people of other organisations at A's workplaces,
  // an ended role and one that starts later, phones for some.
  const withPhone = await createPerson(api, a.id, { phone: '0322-61 60 00' });
  const fromB = await createPerson(api, b.id, { phone: '033-35 70 00' });
  const later = await createPerson(api, c.id);
  const ended = await createPerson(api, a.id);
  fixture.person = fromB.id;
  await assignRole(api, { personId: withPhone.id, role: 'COMPETENCE_COORDINATOR', workplaceId: wA1!.id, startsOn: '2023-05-01' });
  await assignRole(api, { personId: fromB.id, role: 'COMPETENCE_COORDINATOR', workplaceId: wA1!.id, startsOn: '2023-05-01' });
  await assignRole(api, { personId: fromB.id, role: 'MANAGER', workplaceId: wA3!.id });
  await assignRole(api, { personId: later.id, role: 'MANAGER', workplaceId: wA2!.id, startsOn: day(30) });
  await assignRole(api, { personId: withPhone.id, role: 'WORKPLACE_COORDINATOR', workplaceId: wB2.id });
  const old = await assignRole(api, { personId: ended.id, role: 'MANAGER', workplaceId: wB2.id, startsOn: '2022-01-01' });
  const end = await api.graphql(
    `mutation($input: RoleAssignmentEndInput!) { roleAssignmentEnd(input: $input) { roleAssignment { id } ${USER_ERRORS} } }`,
    { input: { id: old.id, endsOn: '2023-01-01' } },
  );
  expect(end.data!.roleAssignmentEnd.errors).toEqual([]);
  await assignRole(api, { personId: ended.id, role: 'ORGANISATION_ADMIN', organisationId: c.id });

  // People whose names sort and search the Swedish way (å, ä, ö last; accents ignored in search), one
  // last name twice, in three organisations; some registered for a cohort of two places.
  fixture.since = new Date().toISOString();
  const swedish = [
    { firstName: 'Åsa', lastName: 'Öberg', home: a.id },
    { firstName: 'Örjan', lastName: 'Åberg', home: b.id },
    { firstName: 'Ärla', lastName: 'Åberg', home: a.id },
    { firstName: 'Anders', lastName: 'Aberg', home: c.id },
    { firstName: 'Zelma', lastName: 'Zetterberg', home: b.id },
    { firstName: 'Erik', lastName: 'Ängström', home: a.id },
  ];
  const people = [];
  for (const { home, ...names } of swedish) people.push(await createPerson(api, home, names));
  await assignRole(api, { personId: people[1]!.id, role: 'MANAGER', workplaceId: workplacesA[3]!.id });
  await assignRole(api, { personId: people[4]!.id, role: 'COMPETENCE_COORDINATOR', workplaceId: wA1!.id });
  const programme = await createProgramme(api, { name: 'Ledarutbildning i arbetsplatslärande' });
  fixture.cohort = await createCohort(api, programme, { name: 'Chefsinternat hösten 2026', capacity: 2 });
  const registered = [];
  for (const person of [people[0]!, people[1]!, withPhone, fromB, later, people[4]!, ended])
    registered.push(await registerForCohort(api.graphql, fixture.cohort, person.id));
  const cancel = await api.graphql(
    `mutation($id: ID!) { registrationCancel(input: { id: $id }) { registration { status } ${USER_ERRORS} } }`,
    { id: registered[3]!.id },
  );
  expect(cancel.data!.registrationCancel.errors).toEqual([]);
});

afterAll(async () => {
  setReadCompiler(true);
  await api?.stop();
});

const PERSON = 'id firstName lastName name language email phone erasedAt createdAt updatedAt homeOrganisation { id name }';
const ASSIGNMENT = `id role startsOn endsOn isActive createdAt person { ${PERSON} } workplace { id name } organisation { id name }`;
const WORKPLACE_FIELDS = `id name type streetAddress postalCode city employeeCount joinedOn status leftOn createdAt updatedAt
  organisation { id name kind } manager { ${ASSIGNMENT} } coordinator { ${ASSIGNMENT} } competenceCoordinators { ${ASSIGNMENT} }`;

const SHALLOW_WORKPLACE = `id name type streetAddress postalCode city employeeCount joinedOn status leftOn createdAt updatedAt
  organisation { id } manager { id role isActive endsOn } competenceCoordinators { startsOn }`;

/** The benchmark's shapes and variants: aliases, fragments, totalCount, orderings and contact details. */
const QUERIES: { name: string; query: string; variables?: () => Record<string, unknown> }[] = [
  {
    name: '(c) workplace by id + organisation name',
    query: `query($id: ID!) { workplace(id: $id) { name organisation { name } } }`,
    variables: () => ({ id: fixture.workplaceA1 }),
  },
  {
    name: '(c) of another organisation',
    query: `query($id: ID!) { workplace(id: $id) { name organisation { name } } }`,
    variables: () => ({ id: fixture.workplaceB1 }),
  },
  {
    name: 'workplace with its people and their contact details',
    query: `query($id: ID!) { workplace(id: $id) { name organisation { name } manager { person { name email phone } } coordinator { person { name email } } competenceCoordinators { person { name email phone } } } }`,
    variables: () => ({ id: fixture.workplaceA1 }),
  },
  {
    name: 'every field of a workplace, aliased, through fragments',
    query: `query($id: ID!, $other: ID!) {
      first: workplace(id: $id) { ...Everything }
      second: workplace(id: $other) { ... on Workplace { ...Everything } __typename }
      none: workplace(id: "bm9uZQ") { id }
    }
    fragment Everything on Workplace { ${WORKPLACE_FIELDS} boss: manager { who: person { n: name e: email } } ... on Node { id } }`,
    variables: () => ({ id: fixture.workplaceA1, other: fixture.workplaceA2 }),
  },
  {
    name: '(b) 20 organisations × first 5 workplaces',
    query: '{ organisations(first: 20) { edges { node { id name workplaces(first: 5) { edges { node { id name } } } } } } }',
  },
  {
    name: '(a) organisations × workplaces × manager, with totalCounts',
    query:
      '{ organisations(first: 50) { totalCount edges { node { id name workplaces(first: 50) { totalCount edges { node { id name manager { startsOn person { name email } } } } } } } } }',
  },
  {
    name: 'aliases, fragments, page info, cursors and orderings',
    query: `{
      a: organisations(first: 2) { ...Page }
      b: organisations(first: 1, orderBy: { field: CREATED_AT, direction: DESC }) {
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
        edges { cursor node { x: name ... on Organisation { kind organisationNumber isPrincipal createdAt updatedAt } } }
      }
      c: organisations(first: 0) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } }
    }
    fragment Page on OrganisationConnection {
      totalCount pageInfo { endCursor hasNextPage }
      edges { cursor node { id ...Org } }
    }
    fragment Org on Organisation {
      name
      w1: workplaces(first: 2) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { ${SHALLOW_WORKPLACE} } } }
      w2: workplaces(first: 3, orderBy: { field: EMPLOYEE_COUNT, direction: DESC }) { edges { cursor node { id employeeCount } } }
      w3: workplaces(first: 3, orderBy: { field: JOINED_ON }) { totalCount edges { cursor node { joinedOn } } }
      w4: workplaces(first: 0) { totalCount pageInfo { hasNextPage endCursor } }
    }`,
  },
  {
    name: 'the workplaces list',
    query: `{ workplaces(first: 4) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name city organisation { name } manager { person { name email } } } } } }`,
  },
  {
    name: 'one organisation with its workplaces',
    query: `query($id: ID!) { organisation(id: $id) { id name workplaces(first: 3, orderBy: { field: NAME, direction: DESC }) { totalCount edges { node { name coordinator { person { name phone } } } } } } }`,
    variables: () => ({ id: fixture.organisationA }),
  },
  {
    name: '(search) people search, 20 per page with totalCount',
    query: `query($q: String!) { people(first: 20, filter: { search: $q }) { totalCount edges { node { id name email homeOrganisation { name } } } } }`,
    variables: () => ({ q: 'berg' }),
  },
  {
    name: 'people search without å, ä, ö, and by e-mail address',
    query: `query($q: String!, $mail: String!) {
      plain: people(first: 20, filter: { search: $q }) { totalCount edges { cursor node { name homeOrganisation { id } } } }
      mail: people(first: 5, filter: { search: $mail }) { totalCount edges { node { name email phone } } }
      all: people(first: 50) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${PERSON} } } }
    }`,
    variables: () => ({ q: 'aberg', mail: 'example.se' }),
  },
  {
    name: 'people filtered and ordered',
    query: `query($org: ID!, $workplace: ID!, $since: DateTime!) {
      home: people(first: 10, filter: { homeOrganisationId: $org }, orderBy: { field: LAST_NAME, direction: DESC }) { totalCount edges { cursor node { name homeOrganisation { name } } } }
      managers: people(first: 10, filter: { role: MANAGER }) { edges { node { name email homeOrganisation { name } } } }
      atWorkplace: people(first: 10, filter: { workplaceId: $workplace, role: COMPETENCE_COORDINATOR }) { totalCount edges { node { name phone homeOrganisation { name } } } }
      recent: people(first: 3, filter: { updatedSince: $since }, orderBy: { field: CREATED_AT, direction: DESC }) { pageInfo { hasNextPage endCursor } edges { cursor node { name createdAt homeOrganisation { id } } } }
      none: people(first: 0) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } }
    }`,
    variables: () => ({ org: fixture.organisationB, workplace: fixture.workplaceA1, since: fixture.since }),
  },
  {
    name: 'one person by id',
    query: `query($id: ID!) { person(id: $id) { ${PERSON} } }`,
    variables: () => ({ id: fixture.person }),
  },
  {
    name: '(cohort) a cohort + its first 50 registrations with totalCount',
    query: `query($id: ID!) { cohort(id: $id) { name registrations(first: 50) { totalCount edges { node { status waitlistPosition registeredAt person { id name } } } } } }`,
    variables: () => ({ id: fixture.cohort }),
  },
  {
    name: 'a cohort with its offering fields, the queue and pages of registrations',
    query: `query($id: ID!) { cohort(id: $id) {
      id name description __typename
      ... on Offering { status capacity confirmedCount offeredCount waitlistCount registrationOpensAt registrationClosesAt audienceRoles promotionPolicy offerHoldHours quotaReleaseAt quotasReleased requiresApproval }
      queue: registrations(first: 2, status: WAITLISTED) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id waitlistPosition person { name email homeOrganisation { name } } } } }
      cancelled: registrations(status: CANCELLED) { totalCount edges { node { status cancelledAt offerExpiresAt completedOn rejectionReason person { name } } } }
      page: registrations(first: 3) { pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id status person { id } } } }
      none: registrations(first: 0) { pageInfo { hasNextPage } }
    } }`,
    variables: () => ({ id: fixture.cohort }),
  },
];

/** A query through the compiled path and through the loader path, as JSON text each, with the statement counts. */
async function bothPaths(client: GraphQLClient, query: string, variables?: Record<string, unknown>) {
  setReadCompiler(true);
  const compiled = await client(query, variables);
  setReadCompiler(false);
  const loaded = await client(query, variables);
  setReadCompiler(true);
  return {
    compiled: JSON.stringify({ data: compiled.data, errors: compiled.errors }),
    loaded: JSON.stringify({ data: loaded.data, errors: loaded.errors }),
    compiledStatements: compiled.sqlStatements,
    loadedStatements: loaded.sqlStatements,
  };
}

describe('compiled reads', () => {
  const roles = [
    'administrator',
    'organisationAdmin',
    'manager',
    'workplaceCoordinator',
    'competenceCoordinator',
    'apiClientRead',
    'apiClientCountyWide',
    'apiClientTraining',
    'apiClientTrainingDirectory',
    'noRole',
    'otherOrganisation',
  ];

  it.each(roles)('answer exactly what the loader path answers, as %s', async (role) => {
    const client = callers[role]!;
    for (const { name, query, variables } of QUERIES) {
      const answers = await bothPaths(client, query, variables?.());
      expect(answers.compiled, `${name} as ${role}`).toBe(answers.loaded);
      expect(answers.compiled, `${name} as ${role}`).not.toContain('"errors":[');
      // The compiled path was taken: fewer statements than the loader path.
      if (role === 'administrator') expect(answers.compiledStatements, name).toBeLessThan(answers.loadedStatements);
    }
  });

  it.each(roles)('continue after cursors as the loader path does, as %s', async (role) => {
    const client = callers[role]!;
    setReadCompiler(false);
    const first = await client(
      `{ organisations(first: 1) { pageInfo { endCursor } edges { node { workplaces(first: 2) { pageInfo { endCursor } } } } } workplaces(first: 2) { pageInfo { endCursor } } }`,
    );
    setReadCompiler(true);
    const organisationsAfter = first.data!.organisations.pageInfo.endCursor as string;
    const workplacesAfter = first.data!.organisations.edges[0].node.workplaces.pageInfo.endCursor as string | null;
    const listAfter = first.data!.workplaces.pageInfo.endCursor as string | null;
    const query = `query($after: String, $nested: String, $list: String) {
      organisations(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name workplaces(first: 2) { totalCount edges { node { name } } } } } }
      again: organisations(first: 1) { edges { node { workplaces(first: 2, after: $nested) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name } } } } } }
      workplaces(first: 3, after: $list) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { name } } }
    }`;
    const answers = await bothPaths(client, query, { after: organisationsAfter, nested: workplacesAfter, list: listAfter });
    expect(answers.compiled).toBe(answers.loaded);
    expect(answers.compiled).not.toContain('"errors":[');
  });

  it('report a bad cursor as the loader path does (which answers it)', async () => {
    const answers = await bothPaths(
      callers.administrator!,
      `{ organisations(first: 1) { edges { node { workplaces(first: 2, after: "bm90LWEtY3Vyc29y") { totalCount } } } } }`,
    );
    expect(answers.compiled).toBe(answers.loaded);
    expect(answers.compiled).toContain('BAD_USER_INPUT');
  });

  it('read (a), (b), (c), the people search and a cohort with its registrations in one data statement, whatever the number of rows', async () => {
    const caller = callers.administrator!;
    const fixed = (await caller('{ __typename }')).sqlStatements;
    const hot = QUERIES.filter((entry) => /^\((a|b|c|search|cohort)\)/.test(entry.name));
    expect(hot).toHaveLength(6);
    for (const { name, query, variables } of hot) {
      const answers = await bothPaths(caller, query, variables?.());
      // Finding the caller takes `fixed` statements (their session and today's roles); the data, one.
      expect(answers.compiledStatements - fixed, name).toBe(1);
      expect(answers.loadedStatements - fixed, name).toBeGreaterThan(1);
    }
  });

  it.each(roles)('read the hot paths in at most one data statement, as %s', async (role) => {
    const caller = callers[role]!;
    const fixed = (await caller('{ __typename }')).sqlStatements;
    for (const { name, query, variables } of QUERIES.filter((entry) => /^\((a|b|c|search|cohort)\)/.test(entry.name))) {
      const answers = await bothPaths(caller, query, variables?.());
      expect(answers.compiled, `${name} as ${role}`).toBe(answers.loaded);
      expect(answers.compiledStatements - fixed, `${name} as ${role}`).toBeLessThanOrEqual(1);
    }
  });

  it.each(roles)('continue people and registrations after cursors as the loader path does, as %s', async (role) => {
    const client = callers[role]!;
    const pages = `query($people: String, $byName: String, $queue: String, $registrations: String, $id: ID!) {
      people(first: 2, after: $people) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { name email } } }
      byName: people(first: 1, after: $byName, orderBy: { field: LAST_NAME, direction: DESC }) { pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { name } } }
      cohort(id: $id) {
        queue: registrations(first: 1, status: WAITLISTED, after: $queue) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { waitlistPosition person { name } } } }
        registrations(first: 2, after: $registrations) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { cursor node { status person { name } } } }
      }
    }`;
    // Three pages, each after the last page's end cursors, through both paths.
    let variables: Record<string, unknown> = { id: fixture.cohort };
    for (let page = 0; page < 3; page += 1) {
      const answers = await bothPaths(client, pages, variables);
      expect(answers.compiled, `page ${page} as ${role}`).toBe(answers.loaded);
      expect(answers.compiled).not.toContain('"errors":[');
      const data = JSON.parse(answers.loaded).data;
      variables = {
        id: fixture.cohort,
        people: data.people.pageInfo.endCursor,
        byName: data.byName.pageInfo.endCursor,
        queue: data.cohort?.queue.pageInfo.endCursor ?? null,
        registrations: data.cohort?.registrations.pageInfo.endCursor ?? null,
      };
    }
  });

  it.each(['administrator', 'apiClientCountyWide'])(
    'order people by e-mail as the loader path does, as %s (who sees every address)',
    async (role) => {
      const answers = await bothPaths(
        callers[role]!,
        `{ people(first: 3, orderBy: { field: EMAIL, direction: DESC }) { pageInfo { endCursor } edges { cursor node { name email homeOrganisation { id } } } } }`,
      );
      expect(answers.compiled).toBe(answers.loaded);
      expect(answers.compiled).not.toContain('"errors":[');
      expect(answers.compiledStatements).toBeLessThan(answers.loadedStatements);
    },
  );

  it('leave what the loader path refuses to it: sorting by e-mail without the right, an id of another type', async () => {
    const refused: [string, Record<string, unknown>][] = [
      ['{ people(first: 2, orderBy: { field: EMAIL }) { edges { node { name } } } }', {}],
      [
        `query($id: ID!) { people(first: 2, filter: { homeOrganisationId: $id }) { edges { node { name } } } }`,
        { id: fixture.workplaceB1 },
      ],
      [`query($id: ID!) { people(first: 2, filter: { workplaceId: $id }) { edges { node { name } } } }`, { id: fixture.organisationB }],
      ['{ people(first: 2, after: "bm90LWEtY3Vyc29y") { edges { node { name } } } }', {}],
    ];
    for (const [query, variables] of refused) {
      const answers = await bothPaths(callers.organisationAdmin!, query, variables);
      expect(answers.compiled).toBe(answers.loaded);
      expect(answers.compiled).toMatch(/FORBIDDEN|BAD_USER_INPUT/);
    }
  });

  it('leave fields they do not know to the loader path', async () => {
    const query = `{ organisations(first: 3) { edges { node { name populations { year } workplaces(first: 2) { edges { node { name manager { person { roles { role } } } } } } } } } }`;
    const answers = await bothPaths(callers.organisationAdmin!, query);
    expect(answers.compiled).toBe(answers.loaded);
    expect(answers.compiledStatements).toBe(answers.loadedStatements);
  });
});
