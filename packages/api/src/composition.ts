import type { Options } from '@mikro-orm/postgresql';
import { baselineMigrations } from './migrations/index.js';
import { MODULES } from './modules/index.js';
import { ormConfigFor } from './platform/database/orm-config.js';
import type { Logger } from './platform/logger.js';
import { ModuleRegistry } from './platform/module/registry.js';

/** The running system: the registry of every module in `modules/index.ts`. */
export const defaultRegistry = new ModuleRegistry(MODULES, baselineMigrations);

/** The ORM's options for the running system (or for another registry, e.g. one with a test module). */
export function ormConfig(options: {
  clientUrl: string;
  logger?: Logger;
  poolMax?: number;
  registry?: ModuleRegistry;
  countStatements?: boolean;
}): Options {
  return ormConfigFor(options.registry ?? defaultRegistry, options);
}
