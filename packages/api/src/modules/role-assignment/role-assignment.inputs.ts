import { IsBoolean, IsEnum, IsOptional, IsString } from 'class-validator';
import { DateTime } from '../../platform/graphql/scalars.js';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { LocalDate } from '../../platform/graphql/scalars.js';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import { IsCalendarDate } from '../../platform/validators.js';
import { Role } from './role-assignment.entity.js';

export enum RoleAssignmentOrderField {
  STARTS_ON = 'startsOn',
  CREATED_AT = 'createdAt',
}
registerEnumType(RoleAssignmentOrderField, {
  name: 'RoleAssignmentOrderField',
  description: 'Sort key of role assignments.',
  valuesConfig: {
    STARTS_ON: { description: 'By the first day the role is held (`startsOn`).' },
    CREATED_AT: { description: 'By when the role assignment was entered in the system.' },
  },
});

@InputType({ description: 'Narrows a list of role assignments.' })
export class RoleAssignmentFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only assignments of this person.' })
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only assignments at this workplace.' })
  workplaceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only assignments in this organisation or at its workplaces.' })
  organisationId?: string | null;

  @Field(() => [Role], { nullable: true, description: 'Only these roles.' })
  roles?: Role[] | null;

  @Field(() => LocalDate, { nullable: true, description: 'Only assignments held on this day (e.g. today for the current ones).' })
  activeOn?: string | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'Only role assignments changed at or after this moment, for incremental sync: pass the start time of your previous sync, less a minute (changes still being committed then may carry an earlier time).',
  })
  updatedSince?: Date | null;
}

export const RoleAssignmentOrderInput = orderInputType('RoleAssignment', RoleAssignmentOrderField, {
  field: RoleAssignmentOrderField.STARTS_ON,
  direction: OrderDirection.DESC,
  description: 'newest start first',
});
export type RoleAssignmentOrderInput = InstanceType<typeof RoleAssignmentOrderInput>;

@InputType({
  description:
    "Gives a person a role. A workplace has one manager and one workplace coordinator at a time: assigning a new one ends the current holder's assignment on `startsOn`.",
})
export class RoleAssignmentCreateInput {
  @Field(() => ID, { description: 'The person who is to hold the role.' })
  @IsString()
  personId!: string;

  @Field(() => Role, { description: 'The role.' })
  @IsEnum(Role)
  role!: Role;

  @Field(() => ID, {
    nullable: true,
    description: 'The workplace: required for MANAGER, WORKPLACE_COORDINATOR and COMPETENCE_COORDINATOR.',
  })
  @IsOptional()
  @IsString()
  workplaceId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The organisation: required for ORGANISATION_ADMIN.' })
  @IsOptional()
  @IsString()
  organisationId?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'First day the role is held (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Also invite the person to sign in (as `accountInvite`) in the same step, unless they already have an account: they get an e-mail with a link to choose a password.',
  })
  @IsOptional()
  @IsBoolean()
  invite?: boolean | null;
}

@InputType({ description: 'Ends a role assignment; the assignment stays in the history.' })
export class RoleAssignmentEndInput {
  @Field(() => ID, { description: 'The role assignment.' })
  @IsString()
  id!: string;

  @Field(() => LocalDate, { nullable: true, description: 'First day the role is no longer held (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;
}

@InputType({
  description:
    "Moves a workplace role (e.g. a manager) to another workplace: the assignment ends on `movesOn` and a new one starts there that day, ending the other workplace's current holder.",
})
export class RoleAssignmentMoveInput {
  @Field(() => ID, { description: 'The role assignment to move.' })
  @IsString()
  id!: string;

  @Field(() => ID, { description: 'The workplace to move to.' })
  @IsString()
  workplaceId!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Day of the move (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  movesOn?: string | null;
}
