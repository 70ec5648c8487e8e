import { Field, Int, InterfaceType, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime, LocalDate } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import type { Attendance } from './attendance.entity.js';
import { AttendanceStatus, OfferingStatus, PromotionPolicy, RegistrationStatus } from './offering.enums.js';
import type { OfferingSession } from './offering-session.entity.js';
import type { Offering } from './offering.entity.js';
import type { RegistrationFacts } from './registration.entity.js';

/**
 * What cohorts, network meetings and events share: places, the registration window, the audience, the
 * status; its sessions, registrations and seat quotas are resolved once, here, for all three
 * (`OfferingResolver`).
 */
@InterfaceType('Offering', {
  implements: Node,
  description: 'Anything people register for: a cohort, a network meeting or an event.',
})
export abstract class OfferingObject extends Node {
  offeringEntityId!: string;

  @Field(() => OfferingStatus, { description: 'Whether it takes registrations (OPEN).' })
  status!: OfferingStatus;

  @Field(() => Int, { nullable: true, description: 'Places; null: no limit.' })
  capacity!: number | null;

  @Field(() => Int, { description: 'Confirmed registrations.' })
  confirmedCount!: number;

  @Field(() => Int, { description: 'Places held by open offers.' })
  offeredCount!: number;

  @Field(() => Int, { description: 'People on the waitlist.' })
  waitlistCount!: number;

  @Field(() => DateTime, { nullable: true, description: 'When registration opens.' })
  registrationOpensAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When registration closes.' })
  registrationClosesAt!: Date | null;

  @Field(() => [Role], { description: 'Roles one of which a registrant must hold; empty: anyone.' })
  audienceRoles!: Role[];

  @Field(() => PromotionPolicy, { description: 'How a freed place goes to the first on the waitlist.' })
  promotionPolicy!: PromotionPolicy;

  @Field(() => Int, { description: 'Hours an offered place is held (OFFER policy).' })
  offerHoldHours!: number;

  @Field(() => DateTime, { nullable: true, description: 'When places reserved per organisation and unused go to everyone.' })
  quotaReleaseAt!: Date | null;

  @Field(() => Boolean, { description: 'Whether the reserved places have been released.' })
  quotasReleased!: boolean;

  @Field(() => Boolean, { description: "Whether registrations wait for approval by an organisation admin of the person's organisation." })
  requiresApproval!: boolean;
}

/** The offering's part of a cohort's, meeting's or event's GraphQL object. */
export type OfferingFields = Omit<OfferingObject, 'id'>;

export function offeringFields(offering: Offering): OfferingFields {
  return {
    offeringEntityId: offering.id,
    status: offering.status,
    capacity: offering.capacity,
    confirmedCount: offering.confirmedCount,
    offeredCount: offering.offeredCount,
    waitlistCount: offering.waitlistedCount,
    registrationOpensAt: offering.registrationOpensAt,
    registrationClosesAt: offering.registrationClosesAt,
    audienceRoles: offering.audienceRoles as Role[],
    promotionPolicy: offering.promotionPolicy,
    offerHoldHours: offering.offerHoldHours,
    quotaReleaseAt: offering.quotaReleaseAt,
    quotasReleased: offering.quotasReleasedAt !== null,
    requiresApproval: offering.requiresApproval,
  };
}

@ObjectType('Session', {
  implements: Node,
  description: 'One occasion of a cohort, a network meeting or an event: a training day, a residential stay, a meeting.',
})
export class SessionObject extends Node {
  entityId!: string;
  offeringEntityId!: string;

  @Field(() => String, { nullable: true, description: 'The session\'s own title, if it has one (e.g. "Dag 1: Lärande i vardagen").' })
  title!: string | null;

  @Field(() => DateTime, { description: 'When the session starts (an instant; shown in Swedish time).' })
  startsAt!: Date;

  @Field(() => DateTime, { description: 'When the session ends (an instant; shown in Swedish time).' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Where the session is held: a room and address, or a link for online sessions.' })
  venue!: string | null;

  @Field(() => String, { nullable: true, description: 'Link for online participation.' })
  onlineUrl!: string | null;

  @Field(() => Boolean, { description: 'A residential stay (chefsinternat).' })
  residential!: boolean;
}

@ObjectType('Attendance', { description: 'Whether a participant attended a session of a cohort, a network meeting or an event.' })
export class AttendanceObject {
  registrationEntityId!: string;

  @Field(() => AttendanceStatus, { description: 'Present, absent or excused.' })
  status!: AttendanceStatus;

  @Field(() => DateTime, { description: 'When it was recorded.' })
  recordedAt!: Date;
}

@ObjectType('SeatQuota', {
  description: 'Places of an offering (today: a cohort) reserved for one member organisation until the release date.',
})
export class SeatQuotaObject {
  organisationEntityId!: string;

  @Field(() => Int, { description: 'Places reserved.' })
  places!: number;

  @Field(() => Int, { description: 'Places its people hold now (confirmed or offered).' })
  taken!: number;
}

@ObjectType('Registration', {
  implements: Node,
  description: "A person's place, or place in the queue, in a cohort, a network meeting or an event.",
})
export class RegistrationObject extends Node {
  entityId!: string;
  personEntityId!: string;

  @Field(() => RegistrationStatus, { description: 'Where it stands: awaiting approval, confirmed, waitlisted, offered, or ended.' })
  status!: RegistrationStatus;

  @Field(() => Int, { nullable: true, description: 'Place in the queue while waitlisted (1 is next).' })
  waitlistPosition!: number | null;

  @Field(() => DateTime, { description: 'When the registration was made.' })
  registeredAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was cancelled.' })
  cancelledAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Until when an offered place is held (status OFFERED).' })
  offerExpiresAt!: Date | null;

  @Field(() => LocalDate, {
    nullable: true,
    description: "The day the completion rule was met (a cohort's programme); null until then, and for meetings and events.",
  })
  completedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was not approved (status REJECTED).' })
  rejectionReason!: string | null;

  offeringEntityId!: string;
}

export const { ConnectionType: RegistrationConnection } = connectionTypes(RegistrationObject, 'Registration');

@ObjectType('SessionPayload', { implements: MutationPayload, description: 'Result of a change to a session or its attendance.' })
export class SessionPayload extends MutationPayload {
  @Field(() => SessionObject, { nullable: true, description: 'The session; null when the mutation failed.' })
  session: SessionObject | null = null;
}

@ObjectType('RegistrationPayload', { implements: MutationPayload, description: 'Result of registering or cancelling.' })
export class RegistrationPayload extends MutationPayload {
  @Field(() => RegistrationObject, { nullable: true, description: 'The registration; null when the mutation failed.' })
  registration: RegistrationObject | null = null;
}

export function toSessionObject(entity: OfferingSession): SessionObject {
  return Object.assign(new SessionObject(), {
    id: toGlobalId('Session', entity.id),
    entityId: entity.id,
    offeringEntityId: entity.offering.id,
    title: entity.title,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    venue: entity.venue,
    onlineUrl: entity.onlineUrl,
    residential: entity.residential,
  });
}

export function toAttendanceObject(entity: Attendance): AttendanceObject {
  return Object.assign(new AttendanceObject(), {
    registrationEntityId: entity.registration.id,
    status: entity.status,
    recordedAt: entity.recordedAt,
  });
}

export function toRegistrationObject(entity: RegistrationFacts): RegistrationObject {
  return Object.assign(new RegistrationObject(), {
    id: toGlobalId('Registration', entity.id),
    entityId: entity.id,
    personEntityId: entity.person.id,
    status: entity.status,
    waitlistPosition: entity.waitlistPosition,
    registeredAt: entity.registeredAt,
    cancelledAt: entity.cancelledAt,
    offerExpiresAt: entity.offerExpiresAt,
    completedOn: entity.completedOn,
    rejectionReason: entity.rejectionReason,
    offeringEntityId: entity.offering.id,
  });
}

/** A mutation's registration, or null when it failed. */
export function registrationPayload(outcome: {
  result?: RegistrationFacts | null;
  errors: RegistrationPayload['errors'];
}): RegistrationPayload {
  return Object.assign(new RegistrationPayload(), {
    registration: outcome.result ? toRegistrationObject(outcome.result) : null,
    errors: outcome.errors,
  });
}

/** The offering fields of each of these offerings (for the cohorts, meetings or events behind them), in their order. */
export async function loadOfferingFields(
  loaders: { offering: { loadMany(ids: readonly string[]): Promise<(Offering | null | Error)[]> } },
  offeringIds: readonly string[],
): Promise<OfferingFields[]> {
  const offerings = await loaders.offering.loadMany(offeringIds);
  return offerings.map((offering, index) => {
    if (!offering || offering instanceof Error) throw offering ?? new Error(`No offering ${offeringIds[index]}.`);
    return offeringFields(offering);
  });
}
