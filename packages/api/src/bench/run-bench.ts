/**
 * `pnpm bench`: loads the national dataset into a PostgreSQL of its own, starts the built API as a child process and
 * drives canonical queries with autocannon. Prints a table and writes bench-results/latest.json.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { freePort } from '../common/free-port.js';
import { ensureBenchAdministrator, ensureNationalDataset, openBenchDatabase } from './bench-database.js';
import { canonicalScenarios, fetchWorkplaceIds, probeScenario, runLoad, signIn, type ScenarioResult } from './bench-queries.js';
import { startBenchServer } from './bench-server.js';
import { describeMachine } from './machine.js';
import { formatMb, formatRange, printTable } from './report.js';

const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DATA_DIR = join(REPO_ROOT, '.data', 'bench-postgres');
/** The built API next to this file: packages/api/dist/main.js. */
const MAIN_SCRIPT = fileURLToPath(new URL('../main.js', import.meta.url));
const RESULTS_FILE = join(REPO_ROOT, 'bench-results', 'latest.json');

function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, got "${raw}"`);
  return value;
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

async function main(): Promise<void> {
  const durationSeconds = positiveNumber('BENCH_DURATION', 10);
  const connections = Math.round(positiveNumber('BENCH_CONNECTIONS', 10));
  const warmupSeconds = Math.min(3, Math.max(1, Math.round(durationSeconds / 4)));
  const logger = pino({ level: process.env.BENCH_LOG_LEVEL ?? 'warn' });
  const machine = describeMachine();
  console.log(`Machine: ${machine.line}`);

  const database = await openBenchDatabase(DATA_DIR, logger);
  cleanups.push(database.stop);
  console.log(`Database: ${database.embedded ? `embedded PostgreSQL (${DATA_DIR})` : 'BENCH_DATABASE_URL'}`);
  const dataset = await ensureNationalDataset(database.url, logger);
  (globalThis as { gc?: () => void }).gc?.(); // the generated dataset is no longer needed
  const administrator = await ensureBenchAdministrator(database.url, logger);

  const server = await startBenchServer({ mainScript: MAIN_SCRIPT, databaseUrl: database.url, port: await freePort() });
  cleanups.push(server.stop);
  const startupRssMb = server.rssMb();
  console.log(`API: ${server.url} (pid ${server.pid}), RSS after start-up ${formatMb(startupRssMb)}`);

  await signIn(server.url, administrator.email, administrator.password);
  const workplaceIds = await fetchWorkplaceIds(server.url, 300);
  if (workplaceIds.length === 0) throw new Error('No workplaces found');
  const scenarios = canonicalScenarios(workplaceIds);

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

  const peakRssMb = server.peakRssMb();
  printTable(results, { startupRssMb, peakRssMb, machine: machine.line });
  mkdirSync(join(REPO_ROOT, 'bench-results'), { recursive: true });
  const report = {
    date: new Date().toISOString(),
    machine: machine.details,
    settings: { durationSeconds, warmupSeconds, connections, database: database.embedded ? 'embedded' : 'BENCH_DATABASE_URL' },
    dataset: { organisations: 290, workplaces: 20_000, people: 100_000, ...dataset },
    server: { startupRssMb, peakRssMb },
    results,
  };
  writeFileSync(RESULTS_FILE, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`Results written to ${RESULTS_FILE}`);
}

main()
  .then(cleanUp)
  .catch(async (error: unknown) => {
    console.error('\nBenchmark failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    await cleanUp();
    process.exit(1);
  });
