import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateTime, LocalDate } from '../../platform/graphql/scalars.js';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import { IsCalendarDate, NotBlank } from '../../platform/validators.js';
import { WorkplaceStatus, WorkplaceType } from './workplace.entity.js';

/** More than any workplace in Swedish elderly and social care employs (the largest employers have tens of thousands in all). */
const MAX_EMPLOYEE_COUNT = 100_000;

export enum WorkplaceOrderField {
  NAME = 'name',
  JOINED_ON = 'joinedOn',
  EMPLOYEE_COUNT = 'employeeCount',
  CREATED_AT = 'createdAt',
}
registerEnumType(WorkplaceOrderField, {
  name: 'WorkplaceOrderField',
  description: 'Sort key of workplaces.',
  valuesConfig: {
    NAME: { description: "By the workplace's name." },
    JOINED_ON: { description: 'By the day the workplace joined the model.' },
    EMPLOYEE_COUNT: { description: 'By the number of employees.' },
    CREATED_AT: { description: 'By when the workplace was entered in the system.' },
  },
});

@InputType({ description: 'Narrows a list of workplaces.' })
export class WorkplaceFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only workplaces of this organisation.' })
  organisationId?: string | null;

  @Field(() => WorkplaceStatus, { nullable: true, description: 'Only workplaces with this status.' })
  status?: WorkplaceStatus | null;

  @Field(() => WorkplaceType, { nullable: true, description: 'Only workplaces of this type.' })
  type?: WorkplaceType | null;

  @Field(() => String, { nullable: true, description: 'Text contained in the name or city (any case).' })
  search?: string | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'Only workplaces changed at or after this moment, for incremental sync: pass the start time of your previous sync, less a minute (changes still being committed then may carry an earlier time).',
  })
  updatedSince?: Date | null;
}

export const WorkplaceOrderInput = orderInputType('Workplace', WorkplaceOrderField, {
  field: WorkplaceOrderField.NAME,
  direction: OrderDirection.ASC,
  description: 'by name',
});
export type WorkplaceOrderInput = InstanceType<typeof WorkplaceOrderInput>;

@InputType({ description: 'A new workplace of a member organisation.' })
export class WorkplaceCreateInput {
  @Field(() => ID, { description: 'The organisation the workplace belongs to.' })
  @IsString()
  organisationId!: string;

  @Field(() => String, { description: 'Name, e.g. "Hemtjänst Ryd".' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => WorkplaceType, { description: 'Kind of care.' })
  @IsEnum(WorkplaceType)
  type!: WorkplaceType;

  @Field(() => String, { nullable: true, description: 'Street address.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streetAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal code, e.g. "582 25".' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Postal town.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @Field(() => Int, { defaultValue: 0, description: `Number of employees, 0 to ${MAX_EMPLOYEE_COUNT.toLocaleString('en')}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_EMPLOYEE_COUNT)
  employeeCount: number = 0;

  @Field(() => LocalDate, { nullable: true, description: 'When the workplace joined the model (default: today).' })
  @IsOptional()
  @IsCalendarDate()
  joinedOn?: string | null;
}

@InputType({ description: 'Changes to a workplace; fields left out stay as they are.' })
export class WorkplaceUpdateInput {
  @Field(() => ID, { description: 'The workplace.' })
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string | null;

  @Field(() => WorkplaceType, { nullable: true, description: 'New type.' })
  @IsOptional()
  @IsEnum(WorkplaceType)
  type?: WorkplaceType | null;

  @Field(() => String, { nullable: true, description: 'New street address.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  streetAddress?: string | null;

  @Field(() => String, { nullable: true, description: 'New postal code.' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  postalCode?: string | null;

  @Field(() => String, { nullable: true, description: 'New postal town.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string | null;

  @Field(() => Int, { nullable: true, description: `New number of employees, 0 to ${MAX_EMPLOYEE_COUNT.toLocaleString('en')}.` })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_EMPLOYEE_COUNT)
  employeeCount?: number | null;

  @Field(() => LocalDate, { nullable: true, description: 'New joining date.' })
  @IsOptional()
  @IsCalendarDate()
  joinedOn?: string | null;

  @Field(() => WorkplaceStatus, {
    nullable: true,
    description: 'LEFT when the workplace leaves the model (its open roles end on `leftOn`); ACTIVE to rejoin.',
  })
  @IsOptional()
  @IsEnum(WorkplaceStatus)
  status?: WorkplaceStatus | null;

  @Field(() => LocalDate, { nullable: true, description: 'When the workplace left (with status LEFT; default: today).' })
  @IsOptional()
  @IsCalendarDate()
  leftOn?: string | null;
}
