import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Organisation } from '../organisation/organisation.entity.js';
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
  /** Waits for an organisation admin of the person's organisation (offerings that require approval): no place, no queue position. */
  PENDING_APPROVAL = 'PENDING_APPROVAL',
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  /** A freed place is held for them until the offer expires (the OFFER policy). */
  OFFERED = 'OFFERED',
  /** The offer expired unanswered; the place went to the next in line. */
  LAPSED = 'LAPSED',
  CANCELLED = 'CANCELLED',
  /** Not approved, with a reason; the person may register again. */
  REJECTED = 'REJECTED',
}

/** How a freed place goes to the first in line. */
export enum PromotionPolicy {
  /** Confirmed at once. */
  AUTOMATIC = 'AUTOMATIC',
  /** Held for them for the offering's hold time, to accept or decline. */
  OFFER = 'OFFER',
}

/** Statuses that hold a place (and count against capacity and quotas). */
export const PLACE_HOLDING = [RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED];
/** Statuses that end a registration; the person may register again. */
export const ENDED = [RegistrationStatus.CANCELLED, RegistrationStatus.LAPSED, RegistrationStatus.REJECTED];

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}

/**
 * Anything people register for: a leader-training cohort, a network meeting, an event. The counts are
 * kept on the row that every registration locks, so places are never overbooked.
 */
@Entity({ tableName: 'offering' })
export class Offering {
  [OptionalProps]?:
    | 'status'
    | 'capacity'
    | 'confirmedCount'
    | 'waitlistedCount'
    | 'registrationOpensAt'
    | 'registrationClosesAt'
    | 'audienceRoles'
    | 'audienceOrganisationIds'
    | 'promotionPolicy'
    | 'offeredCount'
    | 'offerHoldHours'
    | 'quotaReleaseAt'
    | 'quotasReleasedAt'
    | 'requiresApproval'
    | 'createdAt'
    | 'updatedAt';

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

  /** Places held by open offers. */
  @Property({ type: 'integer' })
  offeredCount: number = 0;

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

  @Enum({ items: () => PromotionPolicy, type: 'text' })
  promotionPolicy: PromotionPolicy = PromotionPolicy.AUTOMATIC;

  /** How long an offer holds a place (the OFFER policy). */
  @Property({ type: 'integer' })
  offerHoldHours: number = 48;

  /** When places reserved per organisation and still unused go to everyone; null: never. */
  @Property({ type: 'datetime', nullable: true })
  quotaReleaseAt: Date | null = null;

  /** When the release was carried out (by a registration or the scheduled job, whichever came first). */
  @Property({ type: 'datetime', nullable: true })
  quotasReleasedAt: Date | null = null;

  /** Registrations wait for an organisation admin of the person's organisation before they take a place. */
  @Property({ type: 'boolean' })
  requiresApproval: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  hasRoom(): boolean {
    return this.capacity === null || this.confirmedCount + this.offeredCount < this.capacity;
  }
}

/** Places of an offering reserved for one member organisation until the offering's release date. */
@Entity({ tableName: 'offering_quota' })
export class OfferingQuota {
  @ManyToOne(() => Offering, { primary: true, ref: true, deleteRule: 'cascade' })
  offering!: Ref<Offering>;

  @ManyToOne(() => Organisation, { primary: true, ref: true })
  organisation!: Ref<Organisation>;

  @Property({ type: 'integer' })
  places!: number;
}

/** One occasion of an offering: a training day, a residential stay, a meeting. */
@Entity({ tableName: 'offering_session' })
export class OfferingSession {
  [OptionalProps]?: 'title' | 'venue' | 'onlineUrl' | 'residential' | 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Offering, { ref: true })
  offering!: Ref<Offering>;

  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Property({ type: 'text', nullable: true })
  venue: string | null = null;

  @Property({ type: 'text', nullable: true })
  onlineUrl: string | null = null;

  /** A residential stay (chefsinternat). */
  @Property({ type: 'boolean' })
  residential: boolean = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

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

/** Whether a registered person attended one session. */
@Entity({ tableName: 'attendance' })
export class Attendance {
  [OptionalProps]?: 'recordedByPersonId' | 'recordedAt';

  @ManyToOne(() => OfferingSession, { primary: true, ref: true, deleteRule: 'cascade' })
  session!: Ref<OfferingSession>;

  @ManyToOne(() => Registration, { primary: true, ref: true })
  registration!: Ref<Registration>;

  @Enum({ items: () => AttendanceStatus, type: 'text' })
  status!: AttendanceStatus;

  @Property({ type: 'uuid', nullable: true })
  recordedByPersonId: string | null = null;

  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();
}
