import { DataloaderType, defineConfig, PostgreSqlDriver, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { Logger } from '../logger.js';
import type { ModuleRegistry } from '../module/registry.js';
import { recordQuery } from './query-counter.js';

/** The ORM's options for the modules of a registry: their entities and migrations. */
export function ormConfigFor(registry: ModuleRegistry, options: { clientUrl: string; logger?: Logger; poolMax?: number }): Options {
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
    // Every statement passes the logger: that is where they are counted (and logged at debug level).
    debug: ['query'],
    logger: (message) => {
      recordQuery();
      options.logger?.trace({ sql: message }, 'sql');
    },
    dynamicImportProvider: (id) => import(id),
  });
}
