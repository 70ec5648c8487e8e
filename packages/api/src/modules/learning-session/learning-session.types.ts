import { Field, Float, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime, LocalDate } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import type { LearningAttestation } from './learning-attestation.entity.js';
import type { LearningHours } from './learning-hours.entity.js';
import type { LearningMonthClose } from './learning-month-close.entity.js';
import { hoursOf, minutesBetween } from './learning-month.js';
import type { LearningSession } from './learning-session.entity.js';
import { LearningAttestationStep, LearningEvidenceMethod, LearningHoursStatus, LearningSessionType } from './learning-session.enums.js';
import type { MonthHoursRow } from './learning-session.repository.js';

@ObjectType('LearningSession', { implements: Node, description: 'A learning session held at a workplace (lärtillfälle).' })
export class LearningSessionObject extends Node {
  entityId!: string;
  workplaceEntityId!: string;
  moduleEntityIds!: string[];
  teacherEntityId!: string | null;
  registeredByEntityId!: string | null;
  paperListSignedByEntityId!: string | null;

  @Field(() => LocalDate, { description: 'The day the session was held, in Swedish time.' })
  heldOn!: string;

  @Field(() => String, { description: 'When the session started, HH:MM in Swedish time.' })
  startsAt!: string;

  @Field(() => String, { description: 'When the session ended, HH:MM in Swedish time.' })
  endsAt!: string;

  @Field(() => Float, { description: "The session's length in hours: each participant's hours unless set for them." })
  durationHours!: number;

  @Field(() => LearningSessionType, { description: 'What kind of learning the session was.' })
  type!: LearningSessionType;

  @Field(() => Boolean, { description: 'Whether the session needed a teacher.' })
  teacherNeeded!: boolean;

  @Field(() => String, {
    nullable: true,
    description: "The funder's project reference the session's hours are reported to; null when none.",
  })
  funderReference!: string | null;

  @Field(() => DateTime, { description: 'When the session was registered.' })
  registeredAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When the session was cancelled; null while it stands.' })
  cancelledAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the session was cancelled; null while it stands.' })
  cancelReason!: string | null;

  @Field(() => Boolean, {
    description: "Whether the session was recorded from a signed paper attendance list (both attestation steps are the list's).",
  })
  recordedFromPaperList!: boolean;
}

export const { ConnectionType: LearningSessionConnection } = connectionTypes(LearningSessionObject, 'LearningSession');

@ObjectType('LearningParticipant', { description: 'A participant of a learning session, their hours and where they stand.' })
export class LearningParticipantObject {
  personEntityId!: string;
  confirmationEntityId!: string | null;
  attestationEntityId!: string | null;

  @Field(() => Float, { description: "The participant's hours at the session." })
  hours!: number;

  @Field(() => LearningHoursStatus, { description: 'Whether the hours are confirmed by the participant and attested by the manager.' })
  status!: LearningHoursStatus;
}

@ObjectType('LearningAttestation', {
  implements: Node,
  description: "One signed step of a participant's month at a workplace: the evidence kept for the funder's audit.",
})
export class LearningAttestationObject extends Node {
  participantEntityId!: string;
  workplaceEntityId!: string;
  signedByEntityId!: string | null;
  recordedByEntityId!: string | null;
  sessionEntityId!: string | null;
  ipAddressValue!: string | null;

  @Field(() => LearningAttestationStep, { description: 'Which step: confirmed by the participant, or attested by the manager.' })
  step!: LearningAttestationStep;

  @Field(() => String, { description: 'The month the step covers, YYYY-MM.' })
  month!: string;

  @Field(() => Float, { description: 'The hours the step covered when it was signed.' })
  hours!: number;

  @Field(() => DateTime, { description: 'When the step was signed (for a paper list: when it was recorded).' })
  signedAt!: Date;

  @Field(() => LearningEvidenceMethod, { description: 'How the signer had signed in, or PAPER_LIST for a signed paper list.' })
  method!: LearningEvidenceMethod;
}

@ObjectType('LearningMonthHours', { description: "A participant's learning hours of a month at one workplace, with the attestation." })
export class LearningMonthHoursObject {
  personEntityId!: string;
  workplaceEntityId!: string;

  @Field(() => String, { description: 'The month, YYYY-MM.' })
  month!: string;

  @Field(() => Float, { description: 'Hours at the sessions of the month, all steps.' })
  hours!: number;

  @Field(() => Float, { description: 'Of those, hours the participant confirmed.' })
  confirmedHours!: number;

  @Field(() => Float, { description: 'Of those, hours the manager attested too.' })
  attestedHours!: number;

  @Field(() => LearningHoursStatus, { description: 'Where the month stands: the first step still open, the second, or both done.' })
  status!: LearningHoursStatus;
}

@ObjectType('LearningMonthClose', { implements: Node, description: 'A month an administrator closed for learning hours.' })
export class LearningMonthCloseObject extends Node {
  organisationEntityId!: string | null;
  closedByEntityId!: string | null;

  @Field(() => String, { description: 'The closed month, YYYY-MM.' })
  month!: string;

  @Field(() => Boolean, { description: 'Whether the month is closed for the whole county (else for one organisation).' })
  countyWide!: boolean;

  @Field(() => DateTime, { description: 'When the month was closed.' })
  closedAt!: Date;
}

@ObjectType('LearningSessionPayload', {
  implements: MutationPayload,
  description: 'Result of registering, changing or cancelling a session.',
})
export class LearningSessionPayload extends MutationPayload {
  @Field(() => LearningSessionObject, { nullable: true, description: 'The learning session as it is now; null when the mutation failed.' })
  learningSession: LearningSessionObject | null = null;
}

@ObjectType('LearningAttestationPayload', { implements: MutationPayload, description: 'Result of confirming or attesting hours.' })
export class LearningAttestationPayload extends MutationPayload {
  @Field(() => LearningAttestationObject, { nullable: true, description: 'The signed step; null when the mutation failed.' })
  attestation: LearningAttestationObject | null = null;
}

@ObjectType('LearningMonthClosePayload', { implements: MutationPayload, description: 'Result of closing a month.' })
export class LearningMonthClosePayload extends MutationPayload {
  @Field(() => LearningMonthCloseObject, { nullable: true, description: 'The closed month; null when the mutation failed.' })
  monthClose: LearningMonthCloseObject | null = null;
}

export function toLearningSessionObject(entity: LearningSession): LearningSessionObject {
  return Object.assign(new LearningSessionObject(), {
    id: toGlobalId('LearningSession', entity.id),
    entityId: entity.id,
    workplaceEntityId: entity.workplace.id,
    moduleEntityIds: [...entity.moduleIds],
    teacherEntityId: entity.teacher?.id ?? null,
    registeredByEntityId: entity.registeredBy?.id ?? null,
    paperListSignedByEntityId: entity.paperListSignedBy?.id ?? null,
    heldOn: entity.heldOn,
    startsAt: entity.startsAt,
    endsAt: entity.endsAt,
    durationHours: hoursOf(minutesBetween(entity.startsAt, entity.endsAt)),
    type: entity.type,
    teacherNeeded: entity.teacherNeeded,
    funderReference: entity.funderReference,
    registeredAt: entity.registeredAt,
    cancelledAt: entity.cancelledAt,
    cancelReason: entity.cancelReason,
    recordedFromPaperList: entity.paperListSignedBy !== null,
  });
}

function statusOf(minutes: number, confirmed: number, attested: number): LearningHoursStatus {
  if (confirmed < minutes) return LearningHoursStatus.UNCONFIRMED;
  return attested < minutes ? LearningHoursStatus.CONFIRMED : LearningHoursStatus.ATTESTED;
}

export function toLearningParticipantObject(entity: LearningHours): LearningParticipantObject {
  return Object.assign(new LearningParticipantObject(), {
    personEntityId: entity.person.id,
    confirmationEntityId: entity.confirmation?.id ?? null,
    attestationEntityId: entity.attestation?.id ?? null,
    hours: hoursOf(entity.minutes),
    status: statusOf(1, entity.confirmation ? 1 : 0, entity.attestation ? 1 : 0),
  });
}

export function toLearningAttestationObject(entity: LearningAttestation): LearningAttestationObject {
  return Object.assign(new LearningAttestationObject(), {
    id: toGlobalId('LearningAttestation', entity.id),
    participantEntityId: entity.participant.id,
    workplaceEntityId: entity.workplace.id,
    signedByEntityId: entity.signedBy?.id ?? null,
    recordedByEntityId: entity.recordedBy?.id ?? null,
    sessionEntityId: entity.session?.id ?? null,
    ipAddressValue: entity.ipAddress,
    step: entity.step,
    month: entity.month,
    hours: hoursOf(entity.minutes),
    signedAt: entity.signedAt,
    method: entity.method,
  });
}

export function toLearningMonthHoursObject(row: MonthHoursRow): LearningMonthHoursObject {
  return Object.assign(new LearningMonthHoursObject(), {
    personEntityId: row.person_id,
    workplaceEntityId: row.workplace_id,
    month: row.month,
    hours: hoursOf(row.minutes),
    confirmedHours: hoursOf(row.confirmed_minutes),
    attestedHours: hoursOf(row.attested_minutes),
    status: statusOf(row.minutes, row.confirmed_minutes, row.attested_minutes),
  });
}

export function toLearningMonthCloseObject(entity: LearningMonthClose): LearningMonthCloseObject {
  return Object.assign(new LearningMonthCloseObject(), {
    id: toGlobalId('LearningMonthClose', entity.id),
    organisationEntityId: entity.organisation?.id ?? null,
    closedByEntityId: entity.closedBy?.id ?? null,
    month: entity.month,
    countyWide: entity.organisation === null,
    closedAt: entity.closedAt,
  });
}
