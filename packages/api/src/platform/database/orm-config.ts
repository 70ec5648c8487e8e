import { DataloaderType, defineConfig, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '../logger.js';
import type { ModuleRegistry } from '../module/registry.js';
import { recordQuery } from './query-counter.js';

/** The ORM's options for the modules of a registry: their entities and migrations. */
export function ormConfigFor(
  registry: ModuleRegistry,
  options: {
    clientUrl: string;
    logger?: Logger;
    poolMax?: number;
    /** Count every statement for the request's `x-sql-statements` (tests, benchmarks); off in production. Default on. */
    countStatements?: boolean;
  },
): Options {
  // MikroORM formats every statement with its parameters for the query log: only when someone counts or reads it.
  const logQueries = (options.countStatements ?? true) || (options.logger?.isLevelEnabled('trace') ?? false);
  return defineConfig({
    driver: PostgreSqlDriver,
    clientUrl: options.clientUrl,
    entities: registry.entities,
    extensions: [Migrator],
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    migrations: { migrationsList: registry.migrations, transactional: true, allOrNothing: true, snapshot: false },
    // Batches Reference.load() and Collection.load() across a request: no N+1 through relations.
    dataloader: DataloaderType.ALL,
    forceUtcTimezone: true,
    allowGlobalContext: false,
    pool: { min: 0, max: options.poolMax ?? 20 },
    // Every statement passes the logger: that is where they are counted (and logged at trace level).
    debug: logQueries ? ['query'] : false,
    logger: (message) => {
      recordQuery();
      options.logger?.trace({ sql: message }, 'sql');
    },
    dynamicImportProvider: (id) => import(id),
  });
}
