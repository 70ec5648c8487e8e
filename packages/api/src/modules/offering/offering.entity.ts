import { randomUUID } from 'node:crypto';
import { Entity, Enum, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { OfferingKind, OfferingStatus, PromotionPolicy } from './offering.enums.js';
import { hasRoom } from './queue-places.js';

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
    return hasRoom(this);
  }
}
