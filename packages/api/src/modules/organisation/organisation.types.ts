import type { PlainRow } from '../../platform/database/plain-rows.js';
import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { OrganisationKind, type Organisation, type OrganisationPopulation } from './organisation.entity.js';

@ObjectType('Organisation', { implements: Node, description: 'A member organisation of the Evikomp cooperation.' })
export class OrganisationObject extends Node {
  /** Row id; not part of the contract. */
  entityId!: string;

  @Field(() => String, { description: 'Name, e.g. "Linköpings kommun".' })
  name!: string;

  @Field(() => OrganisationKind, { description: 'Kind of organisation.' })
  kind!: OrganisationKind;

  @Field(() => String, { description: 'Swedish organisation number, NNNNNN-NNNN.' })
  organisationNumber!: string;

  @Field(() => Boolean, { description: 'Whether this is the principal (huvudman) that runs the model.' })
  isPrincipal!: boolean;

  @Field(() => DateTime, { description: 'When the organisation was registered.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the organisation was last changed.' })
  updatedAt!: Date;
}

@ObjectType('PopulationFigure', { description: 'Population of a member in a year; the basis of the cost distribution key.' })
export class PopulationFigure {
  @Field(() => Int, { description: 'Calendar year.' })
  year!: number;

  @Field(() => Int, { description: 'Number of inhabitants.' })
  population!: number;
}

export const { ConnectionType: OrganisationConnection } = connectionTypes(OrganisationObject, 'Organisation');

@ObjectType('OrganisationPayload', { implements: MutationPayload, description: 'Result of a mutation of an organisation.' })
export class OrganisationPayload extends MutationPayload {
  @Field(() => OrganisationObject, { nullable: true, description: 'The organisation as it is now; null when the mutation failed.' })
  organisation: OrganisationObject | null = null;
}

@ObjectType('OrganisationPopulationsPayload', { implements: MutationPayload, description: 'Result of setting several populations.' })
export class OrganisationPopulationsPayload extends MutationPayload {
  @Field(() => [OrganisationObject], { description: 'The members whose figure was set, in the order given; empty when it failed.' })
  organisations: OrganisationObject[] = [];
}

export function toOrganisationObject(entity: PlainRow<Organisation>): OrganisationObject {
  return Object.assign(new OrganisationObject(), {
    id: toGlobalId('Organisation', entity.id),
    entityId: entity.id,
    name: entity.name,
    kind: entity.kind,
    organisationNumber: entity.organisationNumber,
    isPrincipal: entity.isPrincipal,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}

export function toPopulationFigure(entity: OrganisationPopulation): PopulationFigure {
  return Object.assign(new PopulationFigure(), { year: entity.year, population: entity.population });
}
