import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from './logger.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Everything one GraphQL request works with: its own EntityManager and its own DataLoaders. */
export interface RequestContext {
  requestId: string;
  em: EntityManager;
  logger: Logger;
  loaders: Loaders;
}

export function createRequestContext(options: { em: EntityManager; requestId: string; logger: Logger }): RequestContext {
  const em = options.em.fork();
  return { requestId: options.requestId, em, logger: options.logger, loaders: createLoaders(em) };
}
