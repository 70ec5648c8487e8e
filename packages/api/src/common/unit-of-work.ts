import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Runs one mutation's work in a transaction on fresh copies of the entities: when it fails, nothing it
 * changed lingers in the request's EntityManager to be flushed by a later mutation of the same request.
 * On success the changed entities are merged back into the request's EntityManager.
 */
export function unitOfWork<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  return em.transactional(work, { clear: true });
}
