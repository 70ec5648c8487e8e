import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { isNodeTypeName, toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime } from '../../platform/graphql/scalars.js';
import { connectionTypes, OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import type { AuditEntry } from './audit-entry.entity.js';

@ObjectType('AuditEntry', {
  implements: Node,
  description: 'One mutation: who made it, when, and what changed. Personal data of the changed records is masked.',
})
export class AuditEntryObject extends Node {
  /** Row id and the actor's; not part of the contract. */
  entityId!: string;
  actorPersonEntityId!: string | null;
  actorApiClientEntityId!: string | null;

  @Field(() => DateTime, { description: 'When the change was made.' })
  occurredAt!: Date;

  @Field(() => String, { description: 'The mutation, e.g. "workplaceUpdate".' })
  operation!: string;

  @Field(() => String, { description: 'Type of the object the mutation was about, e.g. "Workplace".' })
  subjectType!: string;

  @Field(() => ID, { description: 'Global id of that object.' })
  subjectId!: string;

  @Field(() => String, { nullable: true, description: 'Request id (the x-request-id header) of the mutation.' })
  requestId!: string | null;

  @Field(() => GraphQLJSON, {
    description:
      'The changes: a list of { entityType, entityId, type (create, update, delete), before, after }, with only the changed fields.',
  })
  changes!: unknown;
}

export const { ConnectionType: AuditEntryConnection } = connectionTypes(AuditEntryObject, 'AuditEntry');

export enum AuditEntryOrderField {
  OCCURRED_AT = 'occurredAt',
}
registerEnumType(AuditEntryOrderField, {
  name: 'AuditEntryOrderField',
  description: 'Sort key of audit entries.',
  valuesConfig: { OCCURRED_AT: { description: 'By when the audited change was made (`occurredAt`).' } },
});

export const AuditEntryOrderInput = orderInputType('AuditEntry', AuditEntryOrderField, {
  field: AuditEntryOrderField.OCCURRED_AT,
  direction: OrderDirection.DESC,
  description: 'newest first',
});
export type AuditEntryOrderInput = InstanceType<typeof AuditEntryOrderInput>;

@InputType({ description: 'Narrows the audit trail.' })
export class AuditEntryFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only changes made by this person.' })
  actorId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes made by this API client.' })
  actorApiClientId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only changes about this object (global id).' })
  subjectId?: string | null;

  @Field(() => String, { nullable: true, description: 'Only changes about objects of this type, e.g. "Person".' })
  subjectType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only this mutation, e.g. "roleAssignmentCreate".' })
  operation?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Only changes at or after this time.' })
  from?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'Only changes before this time.' })
  to?: Date | null;
}

export function toAuditEntryObject(entity: AuditEntry): AuditEntryObject {
  return Object.assign(new AuditEntryObject(), {
    id: toGlobalId('AuditEntry', entity.id),
    entityId: entity.id,
    actorPersonEntityId: entity.actorPersonId,
    actorApiClientEntityId: entity.actorApiClientId,
    occurredAt: entity.occurredAt,
    operation: entity.operation,
    subjectType: entity.entityType,
    subjectId: isNodeTypeName(entity.entityType) ? toGlobalId(entity.entityType, entity.entityId) : entity.entityId,
    requestId: entity.requestId,
    changes: entity.changes,
  });
}
