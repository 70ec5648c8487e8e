import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { RegistrationStatus } from './offering.enums.js';
import { Offering } from './offering.entity.js';
import { RegistrationRepository } from './registration.repository.js';

/** A person's place (or place in the queue) in an offering. */
@Entity({ tableName: 'registration', repository: () => RegistrationRepository })
export class Registration {
  [EntityRepositoryType]?: RegistrationRepository;
  [OptionalProps]?:
    | 'waitlistPosition'
    | 'registeredByPersonId'
    | 'registeredAt'
    | 'cancelledAt'
    | 'offerExpiresAt'
    | 'completedOn'
    | 'rejectionReason'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Offering, { ref: true })
  offering!: Ref<Offering>;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  /** The organisation the place counts for (quotas, statistics): the person's when they registered. */
  @ManyToOne(() => Organisation, { ref: true })
  organisation!: Ref<Organisation>;

  @Enum({ items: () => RegistrationStatus, type: 'text' })
  status!: RegistrationStatus;

  /** Until when an offered place is held. */
  @Property({ type: 'datetime', nullable: true })
  offerExpiresAt: Date | null = null;

  /** The day the completion rule was met (the attended session that reached the threshold). */
  @Property({ type: 'date', nullable: true })
  completedOn: string | null = null;

  /** 1 is next in line; set exactly while waitlisted. */
  @Property({ type: 'integer', nullable: true })
  waitlistPosition: number | null = null;

  @Property({ type: 'uuid', nullable: true })
  registeredByPersonId: string | null = null;

  @Property({ type: 'datetime' })
  registeredAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  /** Why it was not approved, in words meant for the person; set exactly when REJECTED. */
  @Property({ type: 'text', nullable: true })
  rejectionReason: string | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** What is read of a registration to answer it: the entity, or the plain row a registration's single statement answers. */
export type RegistrationFacts = Pick<
  Registration,
  'id' | 'status' | 'waitlistPosition' | 'registeredAt' | 'cancelledAt' | 'offerExpiresAt' | 'completedOn' | 'rejectionReason'
> & { person: { id: string }; offering: { id: string } };
