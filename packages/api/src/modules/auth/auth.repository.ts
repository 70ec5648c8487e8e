import { EntityRepository, LockMode } from '@mikro-orm/postgresql';
import type { Account } from './account.entity.js';
import type { AccountInvitation } from './account-invitation.entity.js';
import type { PasswordReset } from './password-reset.entity.js';
import type { Session } from './session.entity.js';

/** Every query of the auth module: accounts, sessions and password resets, by person or by token hash. */
export class AccountRepository extends EntityRepository<Account> {
  findForPerson(personId: string): Promise<Account | null> {
    return this.findOne({ person: personId });
  }

  deleteForPerson(personId: string): Promise<number> {
    return this.nativeDelete({ person: personId });
  }

  /** The person's account, row-locked for a change of its state (deactivation, reactivation). */
  lockForPerson(personId: string): Promise<Account | null> {
    return this.findOne({ person: personId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The ids among these people who have an account (active or deactivated). */
  async personIdsWithAccount(personIds: string[]): Promise<Set<string>> {
    if (personIds.length === 0) return new Set();
    const rows = await this.find({ person: { $in: personIds } }, { fields: ['person'] });
    return new Set(rows.map((row) => row.person.id));
  }

  /**
   * What each person's sign-in looks like, in one statement for many people: the account (when activated,
   * deactivated), the open invitation (the newest unused, unexpired one) and the last sign-in.
   */
  async statesOf(personIds: readonly string[]): Promise<AccountStateRow[]> {
    if (personIds.length === 0) return [];
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<Record<keyof AccountStateRow, string | boolean | null>[]>(
        `select p.id as person_id, a.person_id is not null as has_account, a.created_at as activated_at, a.deactivated_at,
           (select max(s.created_at) from session s where s.person_id = p.id) as last_sign_in_at,
           i.created_at as invited_at, i.expires_at as invitation_expires_at
         from person p
         left join account a on a.person_id = p.id
         left join lateral (
           select created_at, expires_at from account_invitation ai
           where ai.person_id = p.id and ai.used_at is null and ai.expires_at > now()
           order by ai.created_at desc limit 1
         ) i on true
         where p.id in (?)`,
        [[...personIds]],
      );
    const moment = (value: string | boolean | null) => (value === null ? null : new Date(value as string));
    return rows.map((row) => ({
      person_id: row.person_id as string,
      has_account: row.has_account as boolean,
      activated_at: moment(row.activated_at),
      deactivated_at: moment(row.deactivated_at),
      last_sign_in_at: moment(row.last_sign_in_at),
      invited_at: moment(row.invited_at),
      invitation_expires_at: moment(row.invitation_expires_at),
    }));
  }
}

/** One person's sign-in state, as `AccountRepository.statesOf` reads it. */
export interface AccountStateRow {
  person_id: string;
  has_account: boolean;
  activated_at: Date | null;
  deactivated_at: Date | null;
  last_sign_in_at: Date | null;
  invited_at: Date | null;
  invitation_expires_at: Date | null;
}

export class SessionRepository extends EntityRepository<Session> {
  /** The session behind a token, unless it is revoked or expired. */
  findActiveByTokenHash(tokenHash: string): Promise<Session | null> {
    return this.findOne({ tokenHash, revokedAt: null, expiresAt: { $gt: new Date() } });
  }

  /** Records a use of the session and moves its idle end. */
  touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<number> {
    return this.nativeUpdate({ id }, { lastSeenAt, expiresAt });
  }

  /** Whether the session's sign-in passed a second factor. */
  async signedInWithSecondFactor(id: string): Promise<boolean> {
    const session = await this.findOne({ id }, { fields: ['secondFactor'] });
    return session?.secondFactor ?? false;
  }

  revoke(id: string): Promise<number> {
    return this.nativeUpdate({ id, revokedAt: null }, { revokedAt: new Date() });
  }

  /** Ends every open session of the person, but the one in `exceptId`. */
  revokeAllOf(personId: string, exceptId: string | null = null): Promise<number> {
    return this.nativeUpdate(
      exceptId === null ? { person: personId, revokedAt: null } : { person: personId, revokedAt: null, id: { $ne: exceptId } },
      { revokedAt: new Date() },
    );
  }

  findForPerson(personId: string): Promise<Session[]> {
    return this.find({ person: personId }, { orderBy: { createdAt: 'asc' } });
  }

  deleteForPerson(personId: string): Promise<number> {
    return this.nativeDelete({ person: personId });
  }
}

export class PasswordResetRepository extends EntityRepository<PasswordReset> {
  /**
   * One statement, whether or not the person has an account: creates the reset when `personId` has an
   * account that may sign in (not deactivated; in production not a demo account). How many rows it made (0 or 1).
   */
  async insertIfAccount(reset: { id: string; tokenHash: string; personId: string; expiresAt: Date; production: boolean }): Promise<number> {
    const result = await this.getEntityManager()
      .getConnection()
      .execute<{ affectedRows: number }>(
        `insert into password_reset (id, token_hash, person_id, created_at, expires_at)
         select ?, ?, a.person_id, now(), ? from account a
         where a.person_id = ? and a.deactivated_at is null and not (a.demo and ?)`,
        [reset.id, reset.tokenHash, reset.expiresAt, reset.personId, reset.production],
        'run',
      );
    return result.affectedRows;
  }

  /** A subquery answering the person a reset is for (no row when there is no such reset), for the outbox. */
  recipientOf(resetId: string): { sql: string; params: unknown[] } {
    return { sql: 'select person_id from password_reset where id = ?', params: [resetId] };
  }

  /** The reset behind a token, row-locked: a token is single-use even when two requests race with it. */
  lockByTokenHash(tokenHash: string): Promise<PasswordReset | null> {
    return this.findOne({ tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Links sent earlier stop working. */
  expireAllOf(personId: string): Promise<number> {
    return this.nativeUpdate({ person: personId, usedAt: null }, { usedAt: new Date() });
  }

  findForPerson(personId: string): Promise<PasswordReset[]> {
    return this.find({ person: personId }, { orderBy: { createdAt: 'asc' } });
  }

  deleteForPerson(personId: string): Promise<number> {
    return this.nativeDelete({ person: personId });
  }
}

export class AccountInvitationRepository extends EntityRepository<AccountInvitation> {
  /** The invitation behind a token, row-locked: a link is single-use even when two requests race with it. */
  lockByTokenHash(tokenHash: string): Promise<AccountInvitation | null> {
    return this.findOne({ tokenHash }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The invitation behind a token while it still works (unused, unexpired), with its person. */
  findUsableByTokenHash(tokenHash: string): Promise<AccountInvitation | null> {
    return this.findOne({ tokenHash, usedAt: null, expiresAt: { $gt: new Date() } }, { populate: ['person'] });
  }

  /** Links sent earlier stop working (a newer one replaces them, or the account was activated or deactivated). */
  expireAllOf(personIds: string[]): Promise<number> {
    if (personIds.length === 0) return Promise.resolve(0);
    return this.nativeUpdate({ person: { $in: personIds }, usedAt: null }, { usedAt: new Date() });
  }

  findForPerson(personId: string): Promise<AccountInvitation[]> {
    return this.find({ person: personId }, { orderBy: { createdAt: 'asc' } });
  }

  deleteForPerson(personId: string): Promise<number> {
    return this.nativeDelete({ person: personId });
  }
}
