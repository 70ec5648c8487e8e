import 'reflect-metadata';
import { fileURLToPath } from 'node:url';
import { MikroORM } from '@mikro-orm/postgresql';
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './common/config.js';
import { createLogger } from './common/logger.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './database/embedded-postgres.js';
import { migrate } from './database/migrate.js';
import { ormConfig } from './database/orm-config.js';
import { seedDemoDataIfEmpty } from './seed/seed-database.js';

const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../.data/postgres', import.meta.url));

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG
    }
    throw error;
  }
  const logger = createLogger(config);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir ?? DEFAULT_DATA_DIR, port: config.embeddedDbPort, databaseName: 'evikomp', logger });
    databaseUrl = embedded.url;
  }

  const orm = await MikroORM.init(ormConfig({ clientUrl: databaseUrl, logger }));
  const applied = await migrate(orm);
  if (applied.length > 0) logger.info({ applied }, 'applied migrations');
  if (config.seedDemoData) await seedDemoDataIfEmpty(orm, logger);

  const app = await createApp({ orm, logger, exposeQueryCount: config.nodeEnv !== 'production' });
  const running = await app.listen(config.port);
  logger.info({ url: `${running.url}/graphql`, embeddedDatabase: Boolean(embedded) }, 'Evikomp API ready');
  console.log(`\n  Evikomp API ready at ${running.url}/graphql\n`);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    try {
      await running.stop();
      await orm.close();
      await embedded?.stop();
    } catch (error) {
      logger.error({ err: error }, 'error during shutdown');
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error('Evikomp API failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
