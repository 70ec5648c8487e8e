import 'reflect-metadata';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createApp } from './app.js';
import type { AppConfig } from './platform/config.js';
import type { Logger } from './platform/logger.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './platform/database/embedded-postgres.js';
import { migrate } from './platform/database/migrate.js';
import { defaultRegistry, ormConfig } from './composition.js';
import { seedDemoDataIfEmpty } from './seed/seed-database.js';
import { DEFAULT_PORTAL_DIR, portalManifest } from './portal-static.js';
import { developmentIdentityNumberKey, IdentityNumberKeyring } from './modules/identity-number/identity-number-keys.js';
import { reencryptIdentityNumbers } from './modules/identity-number/identity-number.rotation.js';

const STARTUP_LOCK = 7_301_322; // any constant: the key of the advisory lock

/** Runs `work` holding a PostgreSQL advisory lock on its own connection, released whatever happens. */
async function withStartupLock<T>(databaseUrl: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [STARTUP_LOCK]);
    return await work();
  } finally {
    await client.end(); // ending the session releases the lock
  }
}

/** The repository's ignored data folder: the embedded database survives restarts there. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data/postgres', import.meta.url));

/**
 * The keys of personal identity numbers: IDENTITY_NUMBER_KEY (required in production), or outside production
 * a key generated into the data folder (the folder holding DATA_DIR, `.data/` by default) as `identity-number.key`.
 */
export function identityNumberKeys(config: AppConfig): IdentityNumberKeyring {
  const current =
    config.identityNumberKey ?? developmentIdentityNumberKey(join(dirname(config.dataDir ?? DEFAULT_DATA_DIR), 'identity-number.key'));
  return new IdentityNumberKeyring(current, config.identityNumberKeyPrevious ? [config.identityNumberKeyPrevious] : []);
}

export interface RunningServer {
  /** Base URL, e.g. http://localhost:4000 */
  url: string;
  /** Whether this start ran its own PostgreSQL (no DATABASE_URL). */
  embeddedDatabase: boolean;
  /** Whether this start loaded the demo dataset (only into an empty database). */
  seeded: boolean;
  appliedMigrations: string[];
  stop(): Promise<void>;
}

/**
 * Starts everything the API needs: the database (the given one, or an embedded one), pending migrations,
 * the demo data when the database is empty, the HTTP server and the notification worker.
 */
export async function startServer(config: AppConfig, logger: Logger): Promise<RunningServer> {
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir ?? DEFAULT_DATA_DIR,
      port: config.embeddedDbPort,
      databaseName: 'evikomp',
      logger,
    });
    databaseUrl = embedded.url;
  }
  try {
    const keys = identityNumberKeys(config);
    const production = config.nodeEnv === 'production';
    // Statements are counted only where the count is shown (outside production, and for a benchmark).
    const orm = await MikroORM.init(ormConfig({ clientUrl: databaseUrl, logger, countStatements: config.exposeSqlStatements }));
    // Processes starting together take turns: one migrates and seeds, the others then find it done.
    const { appliedMigrations, seeded } = await withStartupLock(databaseUrl, async () => {
      const applied = await migrate(orm);
      if (applied.length > 0) logger.info({ applied }, 'applied migrations');
      // After a key rotation, nothing may stay sealed with the previous key.
      await reencryptIdentityNumbers(orm, keys, logger);
      return { appliedMigrations: applied, seeded: config.seedDemoData ? await seedDemoDataIfEmpty(orm, logger, { production }) : false };
    });

    const portalDir = config.portalDir ?? DEFAULT_PORTAL_DIR;
    const portal = { dir: portalDir, manifest: portalManifest(portalDir, config.portalManifest) };
    const app = await createApp({
      orm,
      logger,
      exposeQueryCount: config.exposeSqlStatements,
      production,
      portal,
      publicUrl: config.publicUrl,
      ...(config.trustProxy ? { trustProxy: config.trustProxy } : {}),
      ...(config.secondFactorKey ? { secondFactorKey: config.secondFactorKey } : {}),
      identityNumberKeys: keys,
      learningEvidenceRetentionYears: config.learningEvidenceRetentionYears,
    });
    const running = await app.listen(config.port, config.host);
    const jobs = defaultRegistry.jobs({ orm, logger, config });
    for (const job of jobs) job.start();
    logger.info(
      { url: `${running.url}/graphql`, embeddedDatabase: Boolean(embedded), notifications: config.smtpUrl ? 'smtp' : 'log' },
      'Evikomp API ready',
    );
    return {
      url: running.url,
      embeddedDatabase: Boolean(embedded),
      seeded,
      appliedMigrations,
      async stop() {
        await running.stop();
        await Promise.all(jobs.map((job) => job.stop()));
        await orm.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}
