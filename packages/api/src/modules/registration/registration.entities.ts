import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { RegistrationRepository } from './registration.repository.js';

export enum OfferingKind {
  COHORT = 'COHORT',
  MEETING = 'MEETING',
  EVENT = 'EVENT',
}

export enum OfferingStatus {
  DRAFT = 'DRAFT',
  OPEN = 'OPEN',
  CLOSED = 'CLOSED',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}

export enum RegistrationStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}

/**
 * Anything people register for: a leader-training cohort, a network meeting, an event. The counts are
 * kept on the row that every registration locks, so places are never overbooked.
 */
@Entity({ tableName: 'offering' })
export class Offering {
  [OptionalProps]?: 'status' | 'capacity' | 'confirmedCount' | 'waitlistedCount' | 'registrationOpensAt' | 'registrationClosesAt' | 'audienceRoles' | 'audienceOrganisationIds' | 'promotionPolicy' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Enum({ items: () => OfferingKind, type: 'text' })
  kind!: OfferingKind;

  @Enum({ items: () => OfferingStatus, type: 'text' })
  status: OfferingStatus = OfferingStatus.DRAFT;

  /** Places; null: no limit. */
  @Property({ type: 'integer', nullable: true })
  capacity: number | null = null;

  @Property({ type: 'integer' })
  confirmedCount: number = 0;

  @Property({ type: 'integer' })
  waitlistedCount: number = 0;

  @Property({ type: 'datetime', nullable: true })
  registrationOpensAt: Date | null = null;

  @Property({ type: 'datetime', nullable: true })
  registrationClosesAt: Date | null = null;

  /** Roles one of which a registrant must hold; empty: anyone. */
  @Property({ type: 'text[]' })
  audienceRoles: string[] = [];

  /** Organisations a registrant must belong to; empty: all. */
  @Property({ type: 'uuid[]' })
  audienceOrganisationIds: string[] = [];

  @Property({ type: 'text' })
  promotionPolicy: string = 'AUTOMATIC';

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  hasRoom(): boolean {
    return this.capacity === null || this.confirmedCount < this.capacity;
  }
}

/** A person's place (or place in the queue) in an offering. */
@Entity({ tableName: 'registration', repository: () => RegistrationRepository })
export class Registration {
  [EntityRepositoryType]?: RegistrationRepository;
  [OptionalProps]?: 'waitlistPosition' | 'registeredByPersonId' | 'registeredAt' | 'cancelledAt' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Offering, { ref: true })
  offering!: Ref<Offering>;

  @ManyToOne(() => Person, { ref: true })
  person!: Ref<Person>;

  @Enum({ items: () => RegistrationStatus, type: 'text' })
  status!: RegistrationStatus;

  /** 1 is next in line; set exactly while waitlisted. */
  @Property({ type: 'integer', nullable: true })
  waitlistPosition: number | null = null;

  @Property({ type: 'uuid', nullable: true })
  registeredByPersonId: string | null = null;

  @Property({ type: 'datetime' })
  registeredAt: Date = new Date();

  @Property({ type: 'datetime', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
