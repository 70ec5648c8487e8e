import type { EntityManager } from '@mikro-orm/postgresql';
import { todayInSweden } from './graphql/calendar.js';
import type { Logger } from './logger.js';
import { createLoaders, type Loaders } from './loaders.js';

/** Everything one GraphQL request works with: its own EntityManager and its own DataLoaders. */
export interface RequestContext {
  requestId: string;
  em: EntityManager;
  logger: Logger;
  loaders: Loaders;
  /** Today in Sweden, fixed for the request: what "active" means in every field of one answer. */
  today: string;
}

export function createRequestContext(options: { em: EntityManager; requestId: string; logger: Logger }): RequestContext {
  const em = options.em.fork();
  return { requestId: options.requestId, em, logger: options.logger, loaders: createLoaders(em), today: todayInSweden() };
}
