import type { EntityManager } from '@mikro-orm/postgresql';
import { OfferingStatus, PromotionPolicy, RegistrationStatus } from './offering.enums.js';
import type { Offering } from './offering.entity.js';
import { OfferingRepository } from './offering.repository.js';
import { hasRoom, hasRoomFor, nextToPromote, offerExpiresAt, quotaReleaseDue } from './queue-places.js';
import { Registration } from './registration.entity.js';
import type { OutboxMessage } from '../notification/outbox.js';

/** What happened to a registration, for the notifications that follow each change. */
export type RegistrationChange =
  'CONFIRMED' | 'WAITLISTED' | 'PROMOTED' | 'OFFERED' | 'OFFER_LAPSED' | 'CANCELLED' | 'APPROVAL_REQUESTED' | 'REJECTED';

/** Why a registration was ended by something other than its own cancellation. */
export type EndReason = 'NETWORK_LEFT' | 'OFFERING_CANCELLED';

/** Why a new registration queues: the offering is full, or its free places are held for other organisations' quotas. */
export type WaitlistReason = 'FULL' | 'QUOTA';

/** What else the messages about a change say. */
export interface ChangeDetail {
  endedBecause?: EndReason;
  waitlistReason?: WaitlistReason;
}

export type ChangeListener = ((
  change: RegistrationChange,
  registration: Registration,
  offering: Offering,
  detail?: ChangeDetail,
) => Promise<void>) & {
  /** Reads what the messages about an offering need (and who registers, by person id) before its row is locked, to keep the lock short. */
  prepare?: (offeringId: string, registeredByPersonId?: string | null) => Promise<void>;
  /** The messages a change would put in the outbox, without putting them there (a registration's single statement writes them). */
  messages?: (
    change: RegistrationChange,
    registration: NoticeSubject,
    offering: Offering,
    detail?: ChangeDetail,
  ) => Promise<OutboxMessage[]>;
};

/** What the messages about a registration read of it: a registration, or one about to be written. */
export type NoticeSubject = Pick<
  Registration,
  'id' | 'registeredByPersonId' | 'waitlistPosition' | 'offerExpiresAt' | 'rejectionReason'
> & {
  person: { id: string };
  organisation: { id: string };
};

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
      (await new OfferingRepository(this.em).findQuotas(this.offering.id)).map((quota) => [quota.organisation.id, quota.places]),
    );
    return this.quotas;
  }

  /** Whether a person of this organisation may take a free place now: capacity, then their quota or the open places. */
  async hasRoomFor(organisationId: string, counted?: Map<string, number>): Promise<boolean> {
    if (!hasRoom(this.offering)) return false;
    const quotas = await this.activeQuotas();
    if (quotas.size === 0) return true;
    const taken = counted ?? (await this.registrations.countPlacesByOrganisation(this.offering.id));
    return hasRoomFor(this.offering, quotas, taken, organisationId);
  }

  /**
   * A new registration: a place if there is room for their organisation, else the end of the queue.
   * `create` makes the row once its status is known (a half-made row must not be flushed by a count).
   */
  async admit(
    organisationId: string,
    create: (status: RegistrationStatus, waitlistPosition: number | null) => Registration,
  ): Promise<Registration> {
    const { status, waitlistPosition, waitlistReason } = await this.takePlaceOrQueue(organisationId);
    const registration = create(status, waitlistPosition);
    await this.onChange(status === RegistrationStatus.CONFIRMED ? 'CONFIRMED' : 'WAITLISTED', registration, this.offering, {
      waitlistReason,
    });
    return registration;
  }

  /** An existing registration without a place (an approved one): the same as `admit`, on its row. */
  async admitExisting(registration: Registration): Promise<void> {
    const { status, waitlistPosition, waitlistReason } = await this.takePlaceOrQueue(registration.organisation.id);
    Object.assign(registration, { status, waitlistPosition });
    await this.onChange(status === RegistrationStatus.CONFIRMED ? 'CONFIRMED' : 'WAITLISTED', registration, this.offering, {
      waitlistReason,
    });
  }

  /** Counts one more registration of this organisation: a place if there is room for it, else the end of the queue. */
  private async takePlaceOrQueue(organisationId: string): Promise<{
    status: RegistrationStatus.CONFIRMED | RegistrationStatus.WAITLISTED;
    waitlistPosition: number | null;
    waitlistReason?: WaitlistReason;
  }> {
    await this.releaseQuotasIfDue();
    if (await this.hasRoomFor(organisationId)) {
      this.offering.confirmedCount += 1;
      return { status: RegistrationStatus.CONFIRMED, waitlistPosition: null };
    }
    this.offering.waitlistedCount += 1;
    // Room in the offering but none for this organisation: the free places are held for others' quotas.
    const waitlistReason = hasRoom(this.offering) ? 'QUOTA' : 'FULL';
    return { status: RegistrationStatus.WAITLISTED, waitlistPosition: this.offering.waitlistedCount, waitlistReason };
  }

  /** Ends a registration (cancelled, declined, or lapsed); a place it held goes to the queue. */
  async end(
    registration: Registration,
    status: RegistrationStatus.CANCELLED | RegistrationStatus.LAPSED,
    endedBecause?: EndReason,
  ): Promise<void> {
    const previous = registration.status;
    const position = registration.waitlistPosition;
    registration.status = status;
    registration.waitlistPosition = null;
    if (status === RegistrationStatus.CANCELLED) {
      registration.cancelledAt = this.now;
      registration.offerExpiresAt = null;
    }
    await this.onChange(status === RegistrationStatus.CANCELLED ? 'CANCELLED' : 'OFFER_LAPSED', registration, this.offering, {
      endedBecause,
    });
    if (previous === RegistrationStatus.CONFIRMED) this.offering.confirmedCount -= 1;
    if (previous === RegistrationStatus.OFFERED) this.offering.offeredCount -= 1;
    if (previous === RegistrationStatus.WAITLISTED && position !== null) {
      this.offering.waitlistedCount -= 1;
      await this.closeUpBehind(position);
    }
    await this.promote();
  }

  /**
   * Ends every registration that has not ended (places, offers, the queue, those awaiting approval), for
   * an offering that will not take place: nothing is promoted, and the counts go to zero.
   */
  async endAll(endedBecause: EndReason): Promise<number> {
    const active = await this.registrations.findActiveIn(this.offering.id);
    for (const registration of active) {
      registration.status = RegistrationStatus.CANCELLED;
      registration.cancelledAt = this.now;
      registration.waitlistPosition = null;
      registration.offerExpiresAt = null;
      await this.onChange('CANCELLED', registration, this.offering, { endedBecause });
    }
    Object.assign(this.offering, { confirmedCount: 0, offeredCount: 0, waitlistedCount: 0 });
    return active.length;
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
    while (hasRoom(this.offering) && this.offering.waitlistedCount > 0) {
      const next = await this.firstWithRoom();
      if (!next) return;
      const position = next.waitlistPosition!;
      next.waitlistPosition = null;
      this.offering.waitlistedCount -= 1;
      if (this.offering.promotionPolicy === PromotionPolicy.OFFER) {
        next.status = RegistrationStatus.OFFERED;
        next.offerExpiresAt = offerExpiresAt(this.now, this.offering.offerHoldHours);
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
    const waitlist = (await this.registrations.findWaitlist(this.offering.id)).map((registration) => ({
      registration,
      organisationId: registration.organisation.id,
    }));
    return nextToPromote(waitlist, this.offering, await this.activeQuotas(), taken)?.registration ?? null;
  }

  /** Offers that expired unanswered lapse; their places go on down the queue. */
  async lapseExpiredOffers(): Promise<number> {
    const expired = await this.registrations.findExpiredOffers(this.offering.id, this.now);
    for (const registration of expired) await this.end(registration, RegistrationStatus.LAPSED);
    return expired.length;
  }

  /** On the release date, reserved places nobody took go to everyone: the queue in order. */
  async releaseQuotasIfDue(): Promise<boolean> {
    if (!quotaReleaseDue(this.offering, this.now)) return false;
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
