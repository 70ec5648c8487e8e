import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { OfferingObject, type OfferingFields } from '../offering/offering.types.js';
import type { Cohort } from './cohort.entity.js';
import type { Programme } from './programme.entity.js';

@ObjectType('Programme', { implements: Node, description: 'A training programme, e.g. "Ledarutbildning i arbetsplatslärande".' })
export class ProgrammeObject extends Node {
  entityId!: string;

  @Field(() => String, { description: 'The programme\'s name, e.g. "Ledarutbildning i arbetsplatslärande".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the programme teaches, and for whom.' })
  description!: string | null;

  @Field(() => Int, { description: 'Share of sessions, in percent, a participant must attend to complete it.' })
  completionThresholdPercent!: number;
}

@ObjectType('Cohort', { implements: [Node, OfferingObject], description: 'A round (omgång) of a programme that people register for.' })
export class CohortObject extends OfferingObject {
  entityId!: string;
  programmeEntityId!: string;

  @Field(() => String, { description: 'The cohort\'s name, e.g. "Chefsinternat hösten 2026".' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the cohort is about, for the people who may register.' })
  description!: string | null;
}

export const { ConnectionType: CohortConnection } = connectionTypes(CohortObject, 'Cohort');
export const { ConnectionType: ProgrammeConnection } = connectionTypes(ProgrammeObject, 'Programme');

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

export function toProgrammeObject(entity: Programme): ProgrammeObject {
  return Object.assign(new ProgrammeObject(), {
    id: toGlobalId('Programme', entity.id),
    entityId: entity.id,
    name: entity.name,
    description: entity.description,
    completionThresholdPercent: entity.completionThresholdPercent,
  });
}

export function toCohortObject(cohort: Cohort, offering: OfferingFields): CohortObject {
  return Object.assign(new CohortObject(), {
    ...offering,
    id: toGlobalId('Cohort', cohort.id),
    entityId: cohort.id,
    programmeEntityId: cohort.programme.id,
    name: cohort.name,
    description: cohort.description,
  });
}
