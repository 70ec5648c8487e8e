import { freePort } from '../platform/free-port.js';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { startEmbeddedPostgres } from '../platform/database/embedded-postgres.js';
import { migrate } from '../platform/database/migrate.js';
import { ormConfig } from '../composition.js';

export const TEMPLATE_DATABASE = 'evikomp_template';

/** A throwaway PostgreSQL with a migrated template database. */
export async function startTestPostgres(dataDir: string) {
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const port = await freePort();
  const database = await startEmbeddedPostgres({ dataDir, port, databaseName: TEMPLATE_DATABASE, logger });
  const orm = await MikroORM.init(ormConfig({ clientUrl: database.url }));
  try {
    await migrate(orm);
  } finally {
    await orm.close();
  }
  return {
    adminUrl: database.url.replace(`/${TEMPLATE_DATABASE}`, '/postgres'),
    templateDatabase: TEMPLATE_DATABASE,
    stop: database.stop,
  };
}
