import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from './context.js';

/**
 * Runs one mutation's work in a transaction, with its audit entry written in the same flush. The work
 * sees fresh copies of the entities: when it fails, nothing it changed lingers in the request's
 * EntityManager for a later mutation of the same request to flush, and no audit entry is written.
 * On success the changed entities are merged back into the request's EntityManager.
 */
export async function unitOfWork<T extends { id: string }>(
  ctx: ServiceContext,
  operation: string,
  work: (em: EntityManager) => Promise<T>,
  /**
   * More work in the same transaction after the entry is written (e.g. inviting the person just created),
   * which records its own audit entry; when it fails, everything rolls back.
   */
  then?: (em: EntityManager, subject: T) => Promise<void>,
): Promise<T> {
  const result = await ctx.em.transactional(
    async (em) => {
      const subject = await work(em);
      ctx.audit.record(em, { operation, actor: ctx.access.actor, requestId: ctx.requestId, subject });
      if (then) {
        // Written first, so that the next entry holds only the follow-up's changes.
        await em.flush();
        await then(em, subject);
      }
      return subject;
    },
    { clear: true },
  );
  ctx.afterChange?.();
  return result;
}
