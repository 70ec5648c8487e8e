import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, OptionalProps, ManyToOne, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { PersonRepository } from './person.repository.js';
import { Language } from './person.enums.js';

export { Language };

/** The language of the texts a person receives. */

/** A person known to the model: staff of a member organisation. Names, e-mail and phone are personal data. */
@Entity({ tableName: 'person', repository: () => PersonRepository })
export class Person {
  [EntityRepositoryType]?: PersonRepository;
  [OptionalProps]?: 'phone' | 'language' | 'createdAt' | 'updatedAt' | 'erasedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  firstName!: string;

  @Property({ type: 'text' })
  lastName!: string;

  /** Unique whatever the letter case (a unique index on lower(email)). */
  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', nullable: true })
  phone: string | null = null;

  @Enum({ items: () => Language, type: 'text' })
  language: Language = Language.SV;

  @ManyToOne(() => Organisation, { ref: true })
  homeOrganisation!: Ref<Organisation>;

  /** Set when the person's personal data was erased; the anonymous record stays for the statistics. */
  @Property({ type: 'datetime', nullable: true })
  erasedAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
