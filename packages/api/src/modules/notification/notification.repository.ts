import { EntityRepository, LockMode, type RequiredEntityData } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type { Language } from '../person/person.entity.js';
import type { Notification, NotificationKind } from './notification.entity.js';
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

  /**
   * One statement, whether or not there is a recipient: inserts the message, in the recipient's language, for
   * the person the subquery `recipient` answers (one person_id, or no row), unless they were erased. How many
   * rows it inserted (0 or 1).
   */
  async insertForRecipient(
    kind: NotificationKind,
    texts: Record<Language, { subject: string; body: string }>,
    recipient: { sql: string; params: unknown[] },
  ): Promise<number> {
    const result = await this.getEntityManager()
      .getConnection()
      .execute<{ affectedRows: number }>(
        `insert into notification (id, kind, person_id, to_address, language, subject, body, status, attempts, next_attempt_at, created_at)
         select ?, ?, p.id, p.email, p.language,
           case p.language when 'en' then ? else ? end,
           case p.language when 'en' then ? else ? end,
           'PENDING', 0, now(), now()
         from person p
         where p.erased_at is null and p.id = (${recipient.sql})`,
        [randomUUID(), kind, texts.en.subject, texts.sv.subject, texts.en.body, texts.sv.body, ...recipient.params],
        'run',
      );
    return result.affectedRows;
  }
}
