import type { PlainRow } from '../../platform/database/plain-rows.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime, LocalDate } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { WorkplaceStatus, WorkplaceType, type Workplace } from './workplace.entity.js';

@ObjectType('Workplace', { implements: Node, description: 'A workplace of a member organisation taking part in workplace learning.' })
export class WorkplaceObject extends Node {
  /** Row ids; not part of the contract. */
  entityId!: string;
  organisationEntityId!: string;

  @Field(() => String, { description: 'Name, e.g. "Hemtjänst Ryd".' })
  name!: string;

  @Field(() => WorkplaceType, { description: 'Kind of care.' })
  type!: WorkplaceType;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  streetAddress!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code.' })
  postalCode!: string | null;

  @Field(() => String, { nullable: true, description: 'Postal town.' })
  city!: string | null;

  @Field(() => Int, { description: 'Number of employees.' })
  employeeCount!: number;

  @Field(() => LocalDate, { description: 'When the workplace joined the model.' })
  joinedOn!: string;

  @Field(() => WorkplaceStatus, { description: 'Whether the workplace takes part now.' })
  status!: WorkplaceStatus;

  @Field(() => LocalDate, { nullable: true, description: 'When the workplace left the model.' })
  leftOn!: string | null;

  @Field(() => DateTime, { description: 'When the workplace was registered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the workplace was last changed.' })
  updatedAt!: Date;
}

export const { ConnectionType: WorkplaceConnection } = connectionTypes(WorkplaceObject, 'Workplace');

@ObjectType('WorkplacePayload', { implements: MutationPayload, description: 'Result of a mutation of a workplace.' })
export class WorkplacePayload extends MutationPayload {
  @Field(() => WorkplaceObject, { nullable: true, description: 'The workplace as it is now; null when the mutation failed.' })
  workplace: WorkplaceObject | null = null;
}

export function toWorkplaceObject(entity: PlainRow<Workplace>): WorkplaceObject {
  return Object.assign(new WorkplaceObject(), {
    id: toGlobalId('Workplace', entity.id),
    entityId: entity.id,
    organisationEntityId: entity.organisation.id,
    name: entity.name,
    type: entity.type,
    streetAddress: entity.streetAddress,
    postalCode: entity.postalCode,
    city: entity.city,
    employeeCount: entity.employeeCount,
    joinedOn: entity.joinedOn,
    status: entity.status,
    leftOn: entity.leftOn,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}
