import { generate } from 'otplib';
import autocannon from 'autocannon';

type Variables = Record<string, unknown>;

export interface Scenario {
  key: string;
  title: string;
  query: string;
  /** Variable sets the load rotates over. */
  variables: Variables[];
}

export interface ScenarioResult {
  key: string;
  title: string;
  durationSeconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  sqlStatements: { min: number; max: number };
  /** Median latency of single requests on an idle server. */
  unloadedLatencyMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  /** Highest resident set size of the server sampled during the load. */
  serverPeakRssMb: number | null;
}

const HEADERS: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };

async function signInRequest(url: string, input: Record<string, unknown>): Promise<{ cookie: string | undefined; text: string }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      query: `mutation($input: SignInInput!) { signIn(input: $input) { errors { code message } } }`,
      variables: { input },
    }),
  });
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('evikomp_session='));
  return { cookie: cookie?.split(';')[0], text: await response.text() };
}

async function asSession<T>(url: string, cookie: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', cookie },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
  if (!body.data || body.errors?.length) throw new Error(`${query.slice(0, 40)}… failed: ${JSON.stringify(body)}`);
  return body.data;
}

/**
 * Signs in (every query needs a signed-in caller); later requests and loads carry the session cookie. The
 * API runs in production mode, where an administrator without a second factor may only set one up: the
 * bench administrator (whose second factor `ensureBenchAdministrator` removed) enrols one as a person would,
 * with a code computed from the secret the API answers, and signs in again with one of the recovery codes.
 */
export async function signIn(url: string, email: string, password: string): Promise<void> {
  const first = await signInRequest(url, { email, password });
  if (!first.cookie) throw new Error(`Sign-in as ${email} failed: ${first.text}`);
  const status = await asSession<{ secondFactor: { required: boolean } }>(url, first.cookie, '{ secondFactor { required } }');
  if (!status.secondFactor.required) {
    HEADERS.cookie = first.cookie;
    return;
  }
  const setup = await asSession<{ secondFactorSetup: { secret: string | null; errors: unknown[] } }>(
    url,
    first.cookie,
    'mutation { secondFactorSetup { secret errors { code message } } }',
  );
  const secret = setup.secondFactorSetup.secret;
  if (!secret) throw new Error(`Second-factor setup failed: ${JSON.stringify(setup)}`);
  const confirmed = await asSession<{ secondFactorConfirm: { recoveryCodes: string[]; errors: unknown[] } }>(
    url,
    first.cookie,
    'mutation($input: SecondFactorConfirmInput!) { secondFactorConfirm(input: $input) { recoveryCodes errors { code message } } }',
    { input: { code: await generate({ secret }) } },
  );
  const [recoveryCode] = confirmed.secondFactorConfirm.recoveryCodes;
  if (!recoveryCode) throw new Error(`Second-factor confirmation failed: ${JSON.stringify(confirmed)}`);
  const second = await signInRequest(url, { email, password, secondFactorCode: recoveryCode });
  if (!second.cookie) throw new Error(`Sign-in as ${email} with a recovery code failed: ${second.text}`);
  HEADERS.cookie = second.cookie;
}

export const WORKPLACE_QUERY = `query($id: ID!) { workplace(id: $id) { name organisation { name } manager { person { name email phone } } coordinator { person { name email } } competenceCoordinators { person { name } } } }`;

export const PEOPLE_SEARCH_QUERY = `query($q: String!) { people(first: 20, filter: { search: $q }) { totalCount edges { node { name email homeOrganisation { name } } } } }`;

/** Common fragments of Swedish names, as people type them into a search box. */
export const SEARCH_TERMS = ['lind', 'berg', 'karl', 'anna j', 'ström', 'nils', 'johan', 'sson', 'erik', 'maria', 'holm', 'lundq'];

export const WORKPLACE_SEARCH_QUERY = `query($q: String!) { workplaces(first: 20, filter: { search: $q }) { totalCount edges { node { name city organisation { name } } } } }`;

/** Names and places typed without å, ä and ö, as on a keyboard without them: the search must ignore accents. */
export const ACCENT_FREE_PEOPLE_TERMS = ['aberg', 'ostrom', 'soderberg', 'angstrom', 'hakan', 'bjorn', 'asa', 'goran'];
export const ACCENT_FREE_PLACE_TERMS = ['odeshog', 'norrkoping', 'linkoping', 'hemtjanst', 'aldreboende', 'vardcentral', 'sater'];

const WORKPLACE_IDS_QUERY = `query($after: String) { organisations(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { workplaces(first: 3) { edges { node { id } } } } } } }`;

interface GraphQLResponse {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

/** One GraphQL request as the signed-in caller, unchecked: the HTTP status, the raw answer and the x-sql-statements count. */
export async function postGraphQL(
  url: string,
  query: string,
  variables: Variables = {},
): Promise<{ status: number; text: string; statements: number | null; lockHeldMs: number | null; callerLookedUp: boolean }> {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: HEADERS, body: JSON.stringify({ query, variables }) });
  const text = await response.text();
  const header = response.headers.get('x-sql-statements');
  const lockHeld = response.headers.get('x-lock-held-ms');
  return {
    status: response.status,
    text,
    statements: header === null ? null : Number(header),
    lockHeldMs: lockHeld === null ? null : Number(lockHeld),
    // The API read the caller from the database (not its cache): not a steady-state request.
    callerLookedUp: response.headers.get('x-caller-looked-up') === '1',
  };
}

/** One GraphQL request; fails loudly on a non-2xx status, on `errors`, or on a null top-level field. */
export async function graphql(
  url: string,
  query: string,
  variables: Variables = {},
): Promise<{ data: Record<string, unknown>; statements: number | null; callerLookedUp: boolean }> {
  const { status, text, statements, callerLookedUp } = await postGraphQL(url, query, variables);
  if (status < 200 || status >= 300) throw new Error(`GraphQL request failed with HTTP ${status}: ${text.slice(0, 500)}`);
  const body = JSON.parse(text) as GraphQLResponse;
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors).slice(0, 500)}\nquery: ${query}`);
  const data = body.data;
  if (!data || Object.values(data).some((value) => value === null))
    throw new Error(`Empty GraphQL result: ${text.slice(0, 500)}\nquery: ${query}`);
  return { data, statements, callerLookedUp };
}

/** Real workplace ids, a few from each organisation, up to `limit`. */
export async function fetchWorkplaceIds(url: string, limit: number): Promise<string[]> {
  type Page = {
    organisations: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      edges: { node: { workplaces: { edges: { node: { id: string } }[] } } }[];
    };
  };
  const ids: string[] = [];
  let after: string | null = null;
  do {
    const { data } = await graphql(url, WORKPLACE_IDS_QUERY, { after });
    const page = (data as Page).organisations;
    for (const edge of page.edges) ids.push(...edge.node.workplaces.edges.map((w) => w.node.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after !== null && ids.length < limit);
  return ids.slice(0, limit);
}

/**
 * The canonical queries, lightest first: the server's heap does not shrink after a heavy load, so the RSS sampled
 * during a scenario only says something about that scenario when the heavier ones come after it.
 */
export function canonicalScenarios(workplaceIds: string[]): Scenario[] {
  return [
    {
      key: 'workplacePeople',
      title: `workplace by id + people (${workplaceIds.length} ids)`,
      query: WORKPLACE_QUERY,
      variables: workplaceIds.map((id) => ({ id })),
    },
    {
      key: 'accentFreeSearch',
      title: `people search without å, ä, ö (${ACCENT_FREE_PEOPLE_TERMS.length} terms)`,
      query: PEOPLE_SEARCH_QUERY,
      variables: ACCENT_FREE_PEOPLE_TERMS.map((q) => ({ q })),
    },
    {
      key: 'workplaceSearch',
      title: `workplace search without å, ä, ö (${ACCENT_FREE_PLACE_TERMS.length} terms)`,
      query: WORKPLACE_SEARCH_QUERY,
      variables: ACCENT_FREE_PLACE_TERMS.map((q) => ({ q })),
    },
  ];
}

/** How many probe requests that looked the caller up are asked again, at most: a cache that never holds shows in the count. */
export const MAX_CALLER_LOOKUPS = 2;

/** Checks a few responses of the scenario, one at a time, and reads how many SQL statements each one ran. */
export async function probeScenario(
  url: string,
  scenario: Scenario,
  samples = 6,
): Promise<{ sqlStatements: { min: number; max: number }; latencyMs: number }> {
  const counts: number[] = [];
  const times: number[] = [];
  const count = Math.min(samples, scenario.variables.length);
  let lookups = 0;
  for (let i = 0; i < count; i++) {
    const variables = scenario.variables[Math.floor((i * scenario.variables.length) / count)] ?? {};
    const started = performance.now();
    const { statements, callerLookedUp } = await graphql(url, scenario.query, variables);
    times.push(performance.now() - started);
    if (statements === null || Number.isNaN(statements))
      throw new Error('No x-sql-statements header: is the API running outside production or with EXPOSE_SQL_STATEMENTS=true?');
    // Steady state: a request that had to look the caller up (its cache entry had ended) is asked again.
    if (callerLookedUp && lookups++ < MAX_CALLER_LOOKUPS) {
      i -= 1;
      continue;
    }
    counts.push(statements);
  }
  times.sort((a, b) => a - b);
  return {
    sqlStatements: { min: Math.min(...counts), max: Math.max(...counts) },
    latencyMs: Math.round(times[Math.floor(times.length / 2)] ?? 0),
  };
}

/** Drives the scenario with autocannon, rotating over its variable sets. */
export async function runLoad(
  url: string,
  scenario: Pick<Scenario, 'query' | 'variables'>,
  options: { durationSeconds: number; connections: number; headers?: Record<string, string> },
) {
  const bodies = scenario.variables.map((variables) => JSON.stringify({ query: scenario.query, variables }));
  let next = 0;
  const rotate = (request: autocannon.Request): autocannon.Request => ({ ...request, body: bodies[next++ % bodies.length] });
  return autocannon({
    url: `${url}/graphql`,
    connections: options.connections,
    duration: options.durationSeconds,
    timeout: 30,
    requests: [{ method: 'POST', path: '/graphql', headers: options.headers ?? HEADERS, setupRequest: rotate }],
  });
}
