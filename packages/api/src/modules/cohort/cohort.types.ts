import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MutationPayload } from '../../common/errors/mutation-payload.js';
import { toGlobalId } from '../../common/graphql/global-id.js';
import { Node } from '../../common/graphql/node.interface.js';
import { DateTime } from '../../common/graphql/scalars.js';
import { connectionTypes } from '../../common/pagination/connection.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import { OfferingStatus, RegistrationStatus, type Offering, type Registration } from '../registration/registration.entities.js';
import type { Cohort, Programme } from './cohort.entities.js';

registerEnumType(RegistrationStatus, { name: 'RegistrationStatus', description: 'Where a registration stands.' });

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
export class CohortObject extends Node {
  entityId!: string;
  programmeEntityId!: string;
  offeringEntityId!: string;

  @Field(() => String, { description: 'Name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Description.' })
  description!: string | null;

  @Field(() => OfferingStatus, { description: 'Whether it takes registrations (OPEN).' })
  status!: OfferingStatus;

  @Field(() => Int, { nullable: true, description: 'Places; null: no limit.' })
  capacity!: number | null;

  @Field(() => Int, { description: 'Confirmed registrations.' })
  confirmedCount!: number;

  @Field(() => Int, { description: 'People on the waitlist.' })
  waitlistCount!: number;

  @Field(() => DateTime, { nullable: true, description: 'When registration opens.' })
  registrationOpensAt!: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When registration closes.' })
  registrationClosesAt!: Date | null;

  @Field(() => [Role], { description: 'Roles one of which a registrant must hold; empty: anyone.' })
  audienceRoles!: Role[];
}

@ObjectType('Registration', { implements: Node, description: "A person's place, or place in the queue, in a cohort." })
export class RegistrationObject extends Node {
  entityId!: string;
  personEntityId!: string;

  @Field(() => RegistrationStatus, { description: 'Confirmed, waitlisted or cancelled.' })
  status!: RegistrationStatus;

  @Field(() => Int, { nullable: true, description: 'Place in the queue while waitlisted (1 is next).' })
  waitlistPosition!: number | null;

  @Field(() => DateTime, { description: 'When the registration was made.' })
  registeredAt!: Date;

  @Field(() => DateTime, { nullable: true, description: 'When it was cancelled.' })
  cancelledAt!: Date | null;
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
    offeringEntityId: offering.id,
    name: cohort.name,
    description: cohort.description,
    status: offering.status,
    capacity: offering.capacity,
    confirmedCount: offering.confirmedCount,
    waitlistCount: offering.waitlistedCount,
    registrationOpensAt: offering.registrationOpensAt,
    registrationClosesAt: offering.registrationClosesAt,
    audienceRoles: offering.audienceRoles as Role[],
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
  });
}
