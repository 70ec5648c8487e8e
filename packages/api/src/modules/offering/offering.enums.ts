import { registerEnumType } from 'type-graphql';

/** Which owner an offering belongs to: a cohort, a network meeting or an event. */
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

registerEnumType(OfferingStatus, {
  name: 'OfferingStatus',
  description: 'Where an offering (a cohort, a network meeting, an event) stands: only OPEN ones take registrations.',
  valuesConfig: {
    DRAFT: { description: 'Being prepared: not shown as open and takes no registrations.' },
    OPEN: { description: 'Takes registrations (within its registration window).' },
    CLOSED: { description: 'Takes no new registrations; places freed still go to the waitlist.' },
    COMPLETED: { description: 'Has taken place; its registrations stay as they are.' },
    CANCELLED: { description: 'Will not take place: cancelling ended every place, offer and queue entry and told each person; final.' },
  },
});

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

registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Where a registration for a cohort, a network meeting or an event stands.',
  valuesConfig: {
    PENDING_APPROVAL: { description: "Waits for an organisation admin of the person's organisation to approve it; holds no place yet." },
    CONFIRMED: { description: 'Has a place.' },
    WAITLISTED: { description: 'In the queue (see waitlistPosition).' },
    OFFERED: { description: 'A freed place is held for them until offerExpiresAt: accept or decline.' },
    LAPSED: { description: 'An offer expired unanswered; the place went to the next in line.' },
    CANCELLED: { description: 'Cancelled, left the queue, or declined an offer.' },
    REJECTED: { description: 'Not approved (see rejectionReason); the person may register again.' },
  },
});

/** How a freed place goes to the first in line. */
export enum PromotionPolicy {
  /** Confirmed at once. */
  AUTOMATIC = 'AUTOMATIC',
  /** Held for them for the offering's hold time, to accept or decline. */
  OFFER = 'OFFER',
}

registerEnumType(PromotionPolicy, {
  name: 'PromotionPolicy',
  description: 'How a freed place goes to the first on the waitlist.',
  valuesConfig: {
    AUTOMATIC: { description: 'Confirmed at once.' },
    OFFER: { description: 'Held for them for the offer hold time, to accept or decline.' },
  },
});

export enum AttendanceStatus {
  PRESENT = 'PRESENT',
  ABSENT = 'ABSENT',
  EXCUSED = 'EXCUSED',
}

registerEnumType(AttendanceStatus, {
  name: 'AttendanceStatus',
  description: 'Whether a participant attended a session.',
  valuesConfig: {
    PRESENT: { description: 'The participant attended the session.' },
    ABSENT: { description: 'Did not attend, without notice.' },
    EXCUSED: { description: 'Did not attend, with notice given.' },
  },
});

/** Statuses that hold a place (and count against capacity and quotas). */
export const PLACE_HOLDING = [RegistrationStatus.CONFIRMED, RegistrationStatus.OFFERED];
/** Statuses that end a registration; the person may register again. */
export const ENDED = [RegistrationStatus.CANCELLED, RegistrationStatus.LAPSED, RegistrationStatus.REJECTED];
