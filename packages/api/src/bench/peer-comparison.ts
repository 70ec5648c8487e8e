/**
 * Runs each peer scenario against the API and PostGraphile in alternating rounds (API first in odd rounds, the peer
 * first in even ones, each with the machine otherwise idle), after checking that both answer the same data.
 */
import { isDeepStrictEqual } from 'node:util';
import pg from 'pg';
import { MAX_CALLER_LOOKUPS, postGraphQL, runLoad } from './bench-queries.js';
import type { BenchServer } from './bench-server.js';
import type { PeerServer } from './peer.js';
import { measureFloor, type PeerScenario, type SideQuery } from './peer-scenarios.js';
import { createCohort, register } from './registration-storm.js';

const PEER_HEADERS = { 'content-type': 'application/json', accept: 'application/json' };

export interface SideResult {
  /** Requests per second of each round, in order. */
  roundRates: number[];
  /** Requests over seconds, all rounds together. */
  requestsPerSecond: number;
  /** Median latency under load (the median of the rounds' p50). */
  latencyP50Ms: number;
  sqlStatements: { min: number; max: number };
  /** Median of single requests on an idle server. */
  singleRequestMs: number;
  /** Highest RSS sampled during this scenario's rounds. */
  peakRssMb: number | null;
  non2xx: number;
  errors: number;
}

export interface PeerScenarioResult {
  key: string;
  title: string;
  connections: number;
  secondsPerRound: number;
  api: SideResult;
  peer: SideResult | null;
  /** API requests/s over the peer's, all rounds; and the lowest and highest of the rounds' ratios. */
  ratio: { overall: number; min: number; max: number } | null;
  /** Median time of one hand-written SQL statement reading the same data. */
  sqlFloorMs: number | null;
  /** Null when not compared (no peer); otherwise whether every sampled answer was the same on both sides. */
  sameAnswers: boolean | null;
  mismatch: string | null;
}

interface Side {
  name: 'api' | 'peer';
  server: BenchServer;
  query: SideQuery;
  headers: Record<string, string> | undefined;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function answer(url: string, query: string, variables: Record<string, unknown>, headers?: Record<string, string>) {
  const started = performance.now();
  const response = headers
    ? await fetch(`${url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) }).then(async (r) => ({
        status: r.status,
        text: await r.text(),
        statements: null,
        callerLookedUp: false,
      }))
    : await postGraphQL(url, query, variables);
  const ms = performance.now() - started;
  const body = JSON.parse(response.text) as { data?: Record<string, unknown> | null; errors?: { message: string }[] };
  if (response.status !== 200 || body.errors?.length || !body.data)
    throw new Error(`HTTP ${response.status}: ${response.text.slice(0, 500)}\nquery: ${query}`);
  return { data: body.data, ms, statements: response.statements, callerLookedUp: response.callerLookedUp };
}

/** The first place where two values differ, as a path and both values (shortened). */
function firstDifference(a: unknown, b: unknown, path = '$'): string {
  if (isDeepStrictEqual(a, b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
      if (found) return found;
    }
  }
  return `${path}: API ${JSON.stringify(a)?.slice(0, 200)} / PostGraphile ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** Compares up to `samples` variable sets of the scenario; the first difference, or null when all are the same. */
async function compareAnswers(scenario: PeerScenario, api: BenchServer, peer: PeerServer, samples = 4): Promise<string | null> {
  const count = Math.min(samples, scenario.project.variables.length);
  for (let i = 0; i < count; i++) {
    const index = Math.floor((i * scenario.project.variables.length) / count);
    const ours = await answer(api.url, scenario.project.query, scenario.project.variables[index]!);
    const theirs = await answer(peer.url, scenario.peer.query, scenario.peer.variables[index]!, PEER_HEADERS);
    const difference = firstDifference(scenario.normalise.project(ours.data), scenario.normalise.peer(theirs.data));
    if (difference) return `variables ${JSON.stringify(scenario.project.variables[index])}: ${difference}`;
  }
  return null;
}

/** Single requests, one at a time: statements per request (the API's header, the peer's counter) and the median time. */
async function probe(side: Side, peer: PeerServer | null, samples = 6) {
  const counts: number[] = [];
  const times: number[] = [];
  const count = Math.min(samples, side.query.variables.length) + 1;
  let lookups = 0;
  for (let i = 0; i < count; i++) {
    const variables = side.query.variables[i % side.query.variables.length]!;
    const before = side.name === 'peer' ? await peer!.statements() : 0;
    const result = await answer(side.server.url, side.query.query, variables, side.headers);
    const statements = side.name === 'peer' ? (await peer!.statements()) - before : result.statements;
    if (statements === null || Number.isNaN(statements))
      throw new Error('No x-sql-statements header: is the API running outside production or with EXPOSE_SQL_STATEMENTS=true?');
    if (i === 0) continue; // the first one warms caches (the caller's session, the peer's plan)
    // Steady state: a request that had to look the caller up (its cache entry had just ended) is asked again.
    if (result.callerLookedUp && lookups++ < MAX_CALLER_LOOKUPS) {
      i -= 1;
      continue;
    }
    counts.push(statements);
    times.push(result.ms);
  }
  return { sqlStatements: { min: Math.min(...counts), max: Math.max(...counts) }, singleRequestMs: Math.round(median(times) * 10) / 10 };
}

export async function runPeerScenario(
  scenario: PeerScenario,
  options: {
    api: BenchServer;
    peer: PeerServer | null;
    databaseUrl: string;
    durationSeconds: number;
    warmupSeconds: number;
    rounds: number;
    connections: number;
  },
): Promise<PeerScenarioResult> {
  const { api, peer } = options;
  const connections = Math.min(options.connections, scenario.maxConnections ?? options.connections);
  const sides: Side[] = [{ name: 'api', server: api, query: scenario.project, headers: undefined }];
  if (peer) sides.push({ name: 'peer', server: peer, query: scenario.peer, headers: PEER_HEADERS });

  const mismatch = peer ? await compareAnswers(scenario, api, peer) : null;
  const probes = new Map<string, Awaited<ReturnType<typeof probe>>>();
  for (const side of sides) {
    await side.server.waitUntilIdle();
    probes.set(side.name, await probe(side, peer));
  }
  const sqlFloorMs = scenario.floor ? Math.round((await measureFloor(options.databaseUrl, scenario.floor)) * 100) / 100 : null;

  for (const side of sides) {
    await side.server.waitUntilIdle();
    await runLoad(side.server.url, side.query, { durationSeconds: options.warmupSeconds, connections, headers: side.headers });
  }

  const duration = Math.max(1, Math.round(options.durationSeconds * (scenario.durationFactor ?? 1)));
  const rounds = new Map<string, { rate: number; requests: number; seconds: number; p50: number; non2xx: number; errors: number }[]>(
    sides.map((side) => [side.name, []]),
  );
  const peaks = new Map<string, number | null>(sides.map((side) => [side.name, null]));
  for (let round = 0; round < options.rounds; round++) {
    const order = round % 2 === 0 ? sides : [...sides].reverse();
    for (const side of order) {
      await side.server.waitUntilIdle();
      const stopSampling = side.server.sampleRss();
      const load = await runLoad(side.server.url, side.query, { durationSeconds: duration, connections, headers: side.headers });
      const peak = stopSampling();
      const before = peaks.get(side.name) ?? null;
      peaks.set(side.name, peak === null ? before : Math.max(before ?? 0, peak));
      rounds.get(side.name)!.push({
        rate: load.requests.total / load.duration,
        requests: load.requests.total,
        seconds: load.duration,
        p50: load.latency.p50,
        non2xx: load.non2xx,
        errors: load.errors,
      });
    }
  }

  const result = (name: string): SideResult => {
    const list = rounds.get(name)!;
    const requests = list.reduce((sum, r) => sum + r.requests, 0);
    const seconds = list.reduce((sum, r) => sum + r.seconds, 0);
    return {
      roundRates: list.map((r) => Math.round(r.rate * 10) / 10),
      requestsPerSecond: Math.round((requests / seconds) * 10) / 10,
      latencyP50Ms: median(list.map((r) => r.p50)),
      ...probes.get(name)!,
      peakRssMb: peaks.get(name) ?? null,
      non2xx: list.reduce((sum, r) => sum + r.non2xx, 0),
      errors: list.reduce((sum, r) => sum + r.errors, 0),
    };
  };
  const apiResult = result('api');
  const peerResult = peer ? result('peer') : null;
  let ratio: PeerScenarioResult['ratio'] = null;
  if (peerResult && peerResult.requestsPerSecond > 0) {
    const perRound = apiResult.roundRates.map((rate, i) => rate / (peerResult.roundRates[i] || Number.NaN)).filter(Number.isFinite);
    ratio = {
      overall: Math.round((apiResult.requestsPerSecond / peerResult.requestsPerSecond) * 100) / 100,
      min: Math.round(Math.min(...perRound) * 100) / 100,
      max: Math.round(Math.max(...perRound) * 100) / 100,
    };
  }
  return {
    key: scenario.key,
    title: scenario.title,
    connections,
    secondsPerRound: duration,
    api: apiResult,
    peer: peerResult,
    ratio,
    sqlFloorMs,
    sameAnswers: peer ? mismatch === null : null,
    mismatch,
  };
}

export const READ_COHORT_NAME = 'Bench read cohort';
const READ_COHORT = { capacity: 40, registrations: 60 };

/**
 * The cohort the cohort scenario reads: 60 registrations for 40 places (so confirmed and waitlisted ones), made once
 * through the API as an administrator would, and reused on later runs.
 */
export async function ensureReadCohort(url: string, databaseUrl: string): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const existing = await client.query<{ id: string }>('select id from cohort where name = $1 order by created_at limit 1', [
      READ_COHORT_NAME,
    ]);
    if (existing.rows[0]) return existing.rows[0].id;
    const { cohortId } = await createCohort(url, READ_COHORT_NAME, READ_COHORT.capacity);
    const people = (
      await client.query<{ id: string }>('select id from person where erased_at is null order by id desc limit $1', [
        READ_COHORT.registrations,
      ])
    ).rows;
    for (const person of people) {
      const outcome = await register(url, cohortId, Buffer.from(`Person:${person.id}`, 'utf8').toString('base64url'));
      if (outcome.error) throw new Error(`Registering for the read cohort failed: ${outcome.error}`);
    }
    return Buffer.from(cohortId, 'base64url').toString('utf8').split(':')[1]!;
  } finally {
    await client.end();
  }
}
