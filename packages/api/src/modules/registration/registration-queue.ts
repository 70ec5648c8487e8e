import type { EntityManager } from '@mikro-orm/postgresql';
import { Offering, OfferingQuota, OfferingStatus, PromotionPolicy, Registration, RegistrationStatus } from './registration.entities.js';

/** What happened to a registration, for the notifications that follow each change. */
export type RegistrationChange =
  'CONFIRMED' | 'WAITLISTED' | 'PROMOTED' | 'OFFERED' | 'OFFER_LAPSED' | 'CANCELLED' | 'APPROVAL_REQUESTED' | 'REJECTED';

export type ChangeListener = ((change: RegistrationChange, registration: Registration, offering: Offering) => Promise<void>) & {
  /** Reads what the messages about an offering need before its row is locked, to keep the lock short. */
  prepare?: (offeringId: string) => Promise<void>;
};

const HOUR_MS = 3_600_000;

/**
 * The place mechanics every offering shares: who gets a place, who queues, and where a freed place
 * goes. Callers hold the offering's row lock (see `RegistrationRepository.lockOffering`), so the
 * counts and the queue change one transaction at a time, whichever API process runs it.
 */
export class RegistrationQueue {
  private quotas: Map<string, number> | undefined;

  constructor(
    private readonly em: EntityManager,
    private readonly offering: Offering,
    private readonly now: Date,
    private readonly onChange: ChangeListener,
  ) {}

  private get registrations() {
    return this.em.getRepository(Registration);
  }

  /** Places reserved per organisation, while they still hold (before the release). */
  private async activeQuotas(): Promise<Map<string, number>> {
    if (this.offering.quotasReleasedAt) return new Map();
    this.quotas ??= new Map(
      (await this.em.find(OfferingQuota, { offering: this.offering.id })).map((quota) => [quota.organisation.id, quota.places]),
    );
    return this.quotas;
  }

  /** Whether a person of this organisation may take a free place now: capacity, then their quota or the open places. */
  async hasRoomFor(organisationId: string, counted?: Map<string, number>): Promise<boolean> {
    if (!this.offering.hasRoom()) return false;
    const quotas = await this.activeQuotas();
    if (quotas.size === 0) return true;
    const taken = counted ?? (await this.registrations.countPlacesByOrganisation(this.offering.id));
    const own = quotas.get(organisationId);
    if (own !== undefined) return (taken.get(organisationId) ?? 0) < own;
    const reserved = [...quotas.values()].reduce((sum, places) => sum + places, 0);
    const takenByOthers = [...taken].filter(([organisation]) => !quotas.has(organisation)).reduce((sum, [, count]) => sum + count, 0);
    return takenByOthers < this.offering.capacity! - reserved;
  }

  /**
   * A new registration: a place if there is room for their organisation, else the end of the queue.
   * `create` makes the row once its status is known (a half-made row must not be flushed by a count).
   */
  async admit(
    organisationId: string,
    create: (status: RegistrationStatus, waitlistPosition: number | null) => Registration,
  ): Promise<Registration> {
    const { status, waitlistPosition } = await this.takePlaceOrQueue(organisationId);
    const registration = create(status, waitlistPosition);
    await this.onChange(status === RegistrationStatus.CONFIRMED ? 'CONFIRMED' : 'WAITLISTED', registration, this.offering);
    return registration;
  }

  /** An existing registration without a place (an approved one): the same as `admit`, on its row. */
  async admitExisting(registration: Registration): Promise<void> {
    const { status, waitlistPosition } = await this.takePlaceOrQueue(registration.organisation.id);
    Object.assign(registration, { status, waitlistPosition });
    await this.onChange(status === RegistrationStatus.CONFIRMED ? 'CONFIRMED' : 'WAITLISTED', registration, this.offering);
  }

  /** Counts one more registration of this organisation: a place if there is room for it, else the end of the queue. */
  private async takePlaceOrQueue(
    organisationId: string,
  ): Promise<{ status: RegistrationStatus.CONFIRMED | RegistrationStatus.WAITLISTED; waitlistPosition: number | null }> {
    await this.releaseQuotasIfDue();
    if (await this.hasRoomFor(organisationId)) {
      this.offering.confirmedCount += 1;
      return { status: RegistrationStatus.CONFIRMED, waitlistPosition: null };
    }
    this.offering.waitlistedCount += 1;
    return { status: RegistrationStatus.WAITLISTED, waitlistPosition: this.offering.waitlistedCount };
  }

  /** Ends a registration (cancelled, declined, or lapsed); a place it held goes to the queue. */
  async end(registration: Registration, status: RegistrationStatus.CANCELLED | RegistrationStatus.LAPSED): Promise<void> {
    const previous = registration.status;
    const position = registration.waitlistPosition;
    registration.status = status;
    registration.waitlistPosition = null;
    if (status === RegistrationStatus.CANCELLED) {
      registration.cancelledAt = this.now;
      registration.offerExpiresAt = null;
    }
    await this.onChange(status === RegistrationStatus.CANCELLED ? 'CANCELLED' : 'OFFER_LAPSED', registration, this.offering);
    if (previous === RegistrationStatus.CONFIRMED) this.offering.confirmedCount -= 1;
    if (previous === RegistrationStatus.OFFERED) this.offering.offeredCount -= 1;
    if (previous === RegistrationStatus.WAITLISTED && position !== null) {
      this.offering.waitlistedCount -= 1;
      await this.closeUpBehind(position);
    }
    await this.promote();
  }

  /** Accepts a held place. */
  async accept(registration: Registration): Promise<void> {
    registration.status = RegistrationStatus.CONFIRMED;
    registration.offerExpiresAt = null;
    this.offering.offeredCount -= 1;
    this.offering.confirmedCount += 1;
    await this.onChange('CONFIRMED', registration, this.offering);
  }

  /**
   * Gives free places to the queue in order, by the promotion policy. While quotas hold, a place
   * reserved for one organisation goes to the first of that organisation in the queue.
   */
  async promote(): Promise<void> {
    // A draft, cancelled or completed offering gives no places (its registrations stay as they are).
    if (this.offering.status !== OfferingStatus.OPEN && this.offering.status !== OfferingStatus.CLOSED) return;
    await this.releaseQuotasIfDue();
    while (this.offering.hasRoom() && this.offering.waitlistedCount > 0) {
      const next = await this.firstWithRoom();
      if (!next) return;
      const position = next.waitlistPosition!;
      next.waitlistPosition = null;
      this.offering.waitlistedCount -= 1;
      if (this.offering.promotionPolicy === PromotionPolicy.OFFER) {
        next.status = RegistrationStatus.OFFERED;
        next.offerExpiresAt = new Date(this.now.getTime() + this.offering.offerHoldHours * HOUR_MS);
        this.offering.offeredCount += 1;
        await this.onChange('OFFERED', next, this.offering);
      } else {
        next.status = RegistrationStatus.CONFIRMED;
        this.offering.confirmedCount += 1;
        await this.onChange('PROMOTED', next, this.offering);
      }
      await this.closeUpBehind(position);
    }
  }

  private async firstWithRoom(): Promise<Registration | null> {
    if ((await this.activeQuotas()).size === 0) return this.registrations.findAtPosition(this.offering.id, 1);
    // The places held per organisation, counted once for the whole walk down the queue.
    const taken = await this.registrations.countPlacesByOrganisation(this.offering.id);
    for (const waiting of await this.registrations.findWaitlist(this.offering.id)) {
      if (await this.hasRoomFor(waiting.organisation.id, taken)) return waiting;
    }
    return null;
  }

  /** Offers that expired unanswered lapse; their places go on down the queue. */
  async lapseExpiredOffers(): Promise<number> {
    const expired = await this.registrations.findExpiredOffers(this.offering.id, this.now);
    for (const registration of expired) await this.end(registration, RegistrationStatus.LAPSED);
    return expired.length;
  }

  /** On the release date, reserved places nobody took go to everyone: the queue in order. */
  async releaseQuotasIfDue(): Promise<boolean> {
    if (this.offering.quotasReleasedAt || !this.offering.quotaReleaseAt || this.offering.quotaReleaseAt > this.now) return false;
    this.offering.quotasReleasedAt = this.now;
    this.quotas = new Map();
    await this.promote();
    return true;
  }

  /** Moves a waitlisted registration to another place in the queue; those between shift by one. */
  async moveInQueue(registration: Registration, position: number): Promise<void> {
    const from = registration.waitlistPosition!;
    if (position === from) return;
    await this.em.flush();
    await this.registrations.shiftQueue(
      this.offering.id,
      position < from ? { from: position, to: from - 1, by: 1 } : { from: from + 1, to: position, by: -1 },
    );
    registration.waitlistPosition = position;
  }

  private async closeUpBehind(position: number): Promise<void> {
    // Pending changes first: the bulk update must see who has already left the queue.
    await this.em.flush();
    await this.registrations.closeUpBehind(this.offering.id, position);
  }
}
