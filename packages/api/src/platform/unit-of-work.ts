import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from './access/actor.js';
import type { ServiceContext } from './context.js';
import { recordLockReleased } from './database/query-counter.js';

/** What a unit of work's audit entry records about the mutation, for work that writes the entry itself. */
export interface AuditEntryOwner {
  operation: string;
  actor: Actor;
  requestId: string | null;
}

const auditTakeOvers = new WeakMap<EntityManager, { owner: AuditEntryOwner; taken: boolean }>();

/**
 * For work that writes its changes and their audit entry in one statement of its own (a registration under
 * its offering's lock): what the entry records, and `written()` to call once the work wrote it, so that the
 * unit of work writes none (the work then changes nothing else). Null outside a unit of work.
 */
export function auditEntryOwner(em: EntityManager): (AuditEntryOwner & { written(): void }) | null {
  const slot = auditTakeOvers.get(em);
  if (!slot) return null;
  return { ...slot.owner, written: () => void (slot.taken = true) };
}

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
  const result = await ctx.em
    .transactional(
      async (em) => {
        const slot = { owner: { operation, actor: ctx.access.actor, requestId: ctx.requestId }, taken: false };
        auditTakeOvers.set(em, slot);
        const subject = await work(em);
        if (!slot.taken) ctx.audit.record(em, { operation, actor: ctx.access.actor, requestId: ctx.requestId, subject });
        auditTakeOvers.delete(em);
        if (then) {
          // Written first, so that the next entry holds only the follow-up's changes.
          await em.flush();
          await then(em, subject);
        }
        return subject;
      },
      { clear: true },
    )
    // A row lock taken in the transaction (a registration's offering) ends with it.
    .finally(recordLockReleased);
  ctx.afterChange?.();
  return result;
}
