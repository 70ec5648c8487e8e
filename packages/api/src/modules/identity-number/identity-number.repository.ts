import { EntityRepository, LockMode } from '@mikro-orm/postgresql';
import type { PersonIdentityNumber } from './person-identity-number.entity.js';

export class IdentityNumberRepository extends EntityRepository<PersonIdentityNumber> {
  findOfPerson(personId: string): Promise<PersonIdentityNumber | null> {
    return this.findOne({ person: personId });
  }

  /** The sealed numbers of these people, in one statement. */
  findOfPeople(personIds: readonly string[]): Promise<PersonIdentityNumber[]> {
    return this.find({ person: { $in: [...personIds] } });
  }

  /** Whoever holds a number with one of these lookup hashes (one per configured key). */
  findByLookupHashes(hashes: readonly Buffer[]): Promise<PersonIdentityNumber | null> {
    return this.findOne({ lookupHash: { $in: [...hashes] } });
  }

  /** Up to `limit` rows not sealed with this key, locked until the transaction ends. */
  lockBatchNotSealedWith(keyId: string, limit: number): Promise<PersonIdentityNumber[]> {
    return this.find({ keyId: { $ne: keyId } }, { limit, orderBy: { person: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** How many rows each key id sealed. */
  async countByKeyId(): Promise<Map<string, number>> {
    const rows: { key_id: string; count: string }[] = await this.em
      .getConnection()
      .execute('select key_id, count(*) as count from person_identity_number group by key_id');
    return new Map(rows.map((row) => [row.key_id, Number(row.count)]));
  }

  async deleteOfPerson(personId: string): Promise<void> {
    await this.nativeDelete({ person: personId });
  }
}
