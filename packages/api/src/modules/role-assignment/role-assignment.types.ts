import type { PlainRow } from '../../platform/database/plain-rows.js';
import { Field, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime, LocalDate } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import { Role, type RoleAssignment } from './role-assignment.entity.js';

@ObjectType('RoleAssignment', {
  implements: Node,
  description: 'A person holding a role in a scope for a period. Ended assignments stay as history.',
})
export class RoleAssignmentObject extends Node {
  /** Row ids; not part of the contract. */
  entityId!: string;
  personEntityId!: string;
  workplaceEntityId!: string | null;
  organisationEntityId!: string | null;

  @Field(() => Role, { description: 'The role.' })
  role!: Role;

  @Field(() => LocalDate, { description: 'First day the role is held.' })
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'First day the role is no longer held; null while open-ended.' })
  endsOn!: string | null;

  @Field(() => Boolean, { description: 'Whether the role is held today (Swedish time).' })
  isActive!: boolean;

  @Field(() => DateTime, { description: 'When the assignment was registered.' })
  createdAt!: Date;
}

export const { ConnectionType: RoleAssignmentConnection } = connectionTypes(RoleAssignmentObject, 'RoleAssignment');

@ObjectType('RoleAssignmentPayload', { implements: MutationPayload, description: 'Result of a mutation of a role assignment.' })
export class RoleAssignmentPayload extends MutationPayload {
  @Field(() => RoleAssignmentObject, { nullable: true, description: 'The assignment as it is now; null when the mutation failed.' })
  roleAssignment: RoleAssignmentObject | null = null;
}

export function toRoleAssignmentObject(entity: PlainRow<RoleAssignment>, today: string): RoleAssignmentObject {
  return Object.assign(new RoleAssignmentObject(), {
    id: toGlobalId('RoleAssignment', entity.id),
    entityId: entity.id,
    personEntityId: entity.person.id,
    workplaceEntityId: entity.workplace?.id ?? null,
    organisationEntityId: entity.organisation?.id ?? null,
    role: entity.role,
    startsOn: entity.startsOn,
    endsOn: entity.endsOn,
    isActive: entity.startsOn <= today && (entity.endsOn === null || entity.endsOn > today),
    createdAt: entity.createdAt,
  });
}
