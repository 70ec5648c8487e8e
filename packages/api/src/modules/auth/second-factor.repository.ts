import { EntityRepository, LockMode } from '@mikro-orm/postgresql';
import type { RecoveryCode } from './recovery-code.entity.js';
import type { SecondFactor } from './second-factor.entity.js';

/** Every query of second factors: by person, row-locked where a code is used. */
export class SecondFactorRepository extends EntityRepository<SecondFactor> {
  findForPerson(personId: string): Promise<SecondFactor | null> {
    return this.findOne({ person: personId });
  }

  /** Row-locked: two sign-ins with one code must not both pass the replay check. */
  lockForPerson(personId: string): Promise<SecondFactor | null> {
    return this.findOne({ person: personId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Whether the person's second factor is confirmed (sign-in asks for it). */
  async isConfirmed(personId: string): Promise<boolean> {
    return (await this.count({ person: personId, confirmedAt: { $ne: null } })) > 0;
  }

  deleteForPerson(personId: string): Promise<number> {
    return this.nativeDelete({ person: personId });
  }
}

export class RecoveryCodeRepository extends EntityRepository<RecoveryCode> {
  /** Uses the person's unused code with this hash; answers whether there was one. Single use even when two requests race. */
  async useOnce(personId: string, codeHash: string): Promise<boolean> {
    return (await this.nativeUpdate({ person: personId, codeHash, usedAt: null }, { usedAt: new Date() })) === 1;
  }

  countUnused(personId: string): Promise<number> {
    return this.count({ person: personId, usedAt: null });
  }

  findForPerson(personId: string): Promise<RecoveryCode[]> {
    return this.find({ person: personId }, { orderBy: { createdAt: 'asc' } });
  }

  deleteForPerson(personId: string): Promise<number> {
    return this.nativeDelete({ person: personId });
  }
}
