import { EntityRepository, LockMode } from '@mikro-orm/postgresql';
import type { Account } from './account.entity.js';
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
