import { Entity, EntityRepositoryType, ManyToOne, OptionalProps, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { SecondFactorRepository } from './second-factor.repository.js';

/**
 * A person's TOTP second factor. The secret is sealed with the server's key (SECOND_FACTOR_KEY) and is
 * answered once, at setup; it counts for sign-in only once confirmed with a code.
 */
@Entity({ tableName: 'second_factor', repository: () => SecondFactorRepository })
export class SecondFactor {
  [EntityRepositoryType]?: SecondFactorRepository;
  [OptionalProps]?: 'confirmedAt' | 'lastTimeStep' | 'createdAt';

  @ManyToOne(() => Person, { primary: true, ref: true })
  person!: Ref<Person>;

  @Property({ type: 'text', hidden: true })
  sealedSecret!: string;

  /** Null while set up but not yet confirmed with a code: sign-in does not ask for it yet. */
  @Property({ type: 'datetime', nullable: true })
  confirmedAt: Date | null = null;

  /** The TOTP time step of the last code used: that code, and older ones, are refused. */
  @Property({ type: 'integer', nullable: true })
  lastTimeStep: number | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
