import { EntityRepository, LockMode, type RequiredEntityData } from '@mikro-orm/postgresql';
import type { Notification } from './notification.entity.js';
import { NotificationStatus } from './notification.entity.js';

export class NotificationRepository extends EntityRepository<Notification> {
  /** All of a person's rows, oldest first (for the personal-data export). */
  findAllOfPerson(personId: string): Promise<Notification[]> {
    return this.find({ person: personId }, { orderBy: { createdAt: 'asc' } });
  }

  async deleteOfPerson(personId: string): Promise<void> {
    await this.nativeDelete({ person: personId });
  }

  /**
   * Locks up to `limit` due messages, oldest first, skipping those another worker holds: two workers
   * never claim the same message. The locks last until the caller's transaction ends.
   */
  claimDue(limit: number, now: Date, skipIds: readonly string[]): Promise<Notification[]> {
    return this.find(
      { status: NotificationStatus.PENDING, nextAttemptAt: { $lte: now }, ...(skipIds.length ? { id: { $nin: [...skipIds] } } : {}) },
      { orderBy: { createdAt: 'asc', id: 'asc' }, limit, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
  }

  /** Inserts at once, in the EntityManager's transaction; nothing when a message with the same dedupe key exists. Whether it inserted. */
  async insertOnce(data: RequiredEntityData<Notification> & { dedupeKey: string }): Promise<boolean> {
    const result = await this.createQueryBuilder().insert(data).onConflict('dedupeKey').ignore().execute('run');
    return result.affectedRows > 0;
  }
}
