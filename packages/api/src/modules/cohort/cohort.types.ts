import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime, LocalDate } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { OfferingObject, offeringFields } from '../registration/offering.types.js';
import {
  AttendanceStatus,
  RegistrationStatus,
  type Attendance,
  type Offering,
  type OfferingSession,
  type Registration,
} from '../registration/registration.entities.js';
import type { Cohort, Programme } from './cohort.entities.js';

registerEnumType(RegistrationStatus, {
  name: 'RegistrationStatus',
  description: 'Where a registration stands.',
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

@ObjectType('Programme', { implements: Node, description: 'A training programme, e.g. "Ledarutbildning i arbetsplatslärande".' })
export class ProgrammeObject extends Node {
  entityId!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Field(() => Int, { description: 'Share of sessions, in percent, a participant must attend to complete it.' })
  completionThresholdPercent!: number;
}

@ObjectType('Cohort', { implements: Node, description: 'A round (omgång) of a programme that people register for.' })
export class CohortObject extends OfferingObject {
  entityId!: string;
  programmeEntityId!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Field(() => DateTime, { nullable: true, description: 'When places reserved per organisation and unused go to everyone.' })
  quotaReleaseAt!: Date | null;

  @Field(() => Boolean, { description: 'Whether the reserved places have been released.' })
  quotasReleased!: boolean;

  @Field(() => Boolean, { description: "Whether registrations wait for approval by an organisation admin of the person's organisation." })
  requiresApproval!: boolean;
}

@ObjectType('Session', {
  implements: Node,
  description: 'One occasion of a cohort: a training day, a residential stay, an online meeting.',
})
export class SessionObject extends Node {
  entityId!: string;

  @Field(() => String, { nullable: true, description: 'Title.' })
  title!: string | null;

  @Field(() => DateTime, { description: 'Start.' })
  startsAt!: Date;

  @Field(() => DateTime, { description: 'End.' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Venue.' })
  venue!: string | null;

  @Field(() => String, { nullable: true, description: 'Link for online participation.' })
  onlineUrl!: string | null;

  @Field(() => Boolean, { description: 'A residential stay (chefsinternat).' })
  residential!: boolean;
}

@ObjectType('Attendance', { description: 'Whether a participant attended a session.' })
export class AttendanceObject {
  registrationEntityId!: string;

  @Field(() => AttendanceStatus, { description: 'Present, absent or excused.' })
  status!: AttendanceStatus;

  @Field(() => DateTime, { description: 'When it was recorded.' })
  recordedAt!: Date;
}

@ObjectType('SeatQuota', { description: 'Places of a cohort reserved for one member organisation until the release date.' })
export class SeatQuotaObject {
  organisationEntityId!: string;

  @Field(() => Int, { description: 'Places reserved.' })
  places!: number;

  @Field(() => Int, { description: 'Places its people hold now (confirmed or offered).' })
  taken!: number;
}

@ObjectType('Registration', { implements: Node, description: "A person's place, or place in the queue, in a cohort." })
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

  @Field(() => LocalDate, { nullable: true, description: "The day the programme's completion rule was met; null until then." })
  completedOn!: string | null;

  @Field(() => String, { nullable: true, description: 'Why it was not approved (status REJECTED).' })
  rejectionReason!: string | null;

  offeringEntityId!: string;
}

export const { ConnectionType: CohortConnection } = connectionTypes(CohortObject, 'Cohort');
export const { ConnectionType: RegistrationConnection } = connectionTypes(RegistrationObject, 'Registration');

@ObjectType('ProgrammePayload', { implements: MutationPayload, description: 'Result of a change to a programme.' })
export class ProgrammePayload extends MutationPayload {
  @Field(() => ProgrammeObject, { nullable: true, description: 'The programme; null when the mutation failed.' })
  programme: ProgrammeObject | null = null;
}

@ObjectType('CohortPayload', { implements: MutationPayload, description: 'Result of a change to a cohort.' })
export class CohortPayload extends MutationPayload {
  @Field(() => CohortObject, { nullable: true, description: 'The cohort; null when the mutation failed.' })
  cohort: CohortObject | null = null;
}

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

export function toProgrammeObject(entity: Programme): ProgrammeObject {
  return Object.assign(new ProgrammeObject(), {
    id: toGlobalId('Programme', entity.id),
    entityId: entity.id,
    name: entity.name,
    description: entity.description,
    completionThresholdPercent: entity.completionThresholdPercent,
  });
}

export function toCohortObject(cohort: Cohort, offering: Offering): CohortObject {
  return Object.assign(new CohortObject(), {
    id: toGlobalId('Cohort', cohort.id),
    entityId: cohort.id,
    programmeEntityId: cohort.programme.id,
    name: cohort.name,
    description: cohort.description,
    ...offeringFields(offering),
    quotaReleaseAt: offering.quotaReleaseAt,
    quotasReleased: offering.quotasReleasedAt !== null,
    requiresApproval: offering.requiresApproval,
  });
}

export function toSessionObject(entity: OfferingSession): SessionObject {
  return Object.assign(new SessionObject(), {
    id: toGlobalId('Session', entity.id),
    entityId: entity.id,
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

export function toRegistrationObject(entity: Registration): RegistrationObject {
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
