import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { IdentityNumberRepository } from './identity-number.repository.js';

/**
 * A person's Swedish personal identity number (or coordination number), sealed with AES-256-GCM under the
 * key `keyId` names, with a keyed hash beside it to find the person by number. No column holds the digits.
 */
@Entity({ tableName: 'person_identity_number', repository: () => IdentityNumberRepository })
export class PersonIdentityNumber {
  [EntityRepositoryType]?: IdentityNumberRepository;
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @ManyToOne(() => Person, { primary: true, ref: true })
  person!: Ref<Person>;

  /** Which configured key sealed it and made the hash (a public id derived from the key, never the key). */
  @Property({ type: 'text' })
  keyId!: string;

  /** Version byte, IV, authentication tag and ciphertext of the twelve digits; the person's id is the additional data. */
  @Property({ type: 'blob', hidden: true })
  sealed!: Buffer;

  /** HMAC-SHA-256 of the twelve digits under a key derived from `keyId`'s key. */
  @Property({ type: 'blob', hidden: true })
  lookupHash!: Buffer;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
