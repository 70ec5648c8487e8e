import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../platform/graphql/scalars.js';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import { MultiLineText } from '../../platform/text.js';
import { IsCalendarDate, NotBlank } from '../../platform/validators.js';
import { ActionPlanOrderField, ActionPlanStatus } from './action-plan.enums.js';

export const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

@InputType({ description: 'Narrows a list of action plans.' })
export class ActionPlanFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only the plans of this workplace.' })
  workplaceId?: string | null;

  @Field(() => ActionPlanStatus, { nullable: true, description: 'Only plans standing at this step.' })
  status?: ActionPlanStatus | null;
}

export const ActionPlanOrderInput = orderInputType('ActionPlan', ActionPlanOrderField, {
  field: ActionPlanOrderField.PERIOD_STARTS_ON,
  direction: OrderDirection.DESC,
  description: 'latest period first',
});
export type ActionPlanOrderInput = InstanceType<typeof ActionPlanOrderInput>;

@InputType({ description: 'A learning session the plan foresees: a month and, when known, its track.' })
export class PlannedSessionInput {
  @Field(() => String, { description: 'The month of the planned session, YYYY-MM, within the period.' })
  @IsString()
  @Matches(MONTH, { message: 'Must be a month YYYY-MM.' })
  month!: string;

  @Field(() => ID, { nullable: true, description: 'The track the planned session takes up (one of the plan’s tracks).' })
  @IsOptional()
  @IsString()
  trackId?: string | null;
}

@InputType({ description: 'The content of an action plan; when changing, fields left out stay as they are.' })
export class ActionPlanContentInput {
  @Field(() => [ID], { nullable: true, description: 'The learning tracks chosen in dialogue with the staff (replaces the list).' })
  @IsOptional()
  @ArrayMaxSize(60)
  @IsString({ each: true })
  trackIds?: string[] | null;

  @Field(() => Int, { nullable: true, description: 'How many employees want their learning validated (0 to 100000).' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  validationCount?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How many learning sessions are planned in the period, when not listed one by one (0 to 1000).',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  plannedSessionCount?: number | null;

  @Field(() => [PlannedSessionInput], {
    nullable: true,
    description: 'The planned learning sessions one by one, by month and track (replaces the list).',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  plannedSessions?: PlannedSessionInput[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the sessions need teacher support from the Vård- och omsorgscollege.' })
  @IsOptional()
  @IsBoolean()
  teacherSupport?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the sessions need an interpreter or language support.' })
  @IsOptional()
  @IsBoolean()
  interpreterSupport?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the workplace needs help with a room for the sessions.' })
  @IsOptional()
  @IsBoolean()
  roomNeeded?: boolean | null;
}

@InputType({ description: "A workplace's new action plan for a period, started by its manager." })
export class ActionPlanCreateInput extends ActionPlanContentInput {
  @Field(() => ID, { description: 'The workplace the plan is for.' })
  @IsString()
  workplaceId!: string;

  @Field(() => LocalDate, { description: 'The first day of the period the plan covers, e.g. 2027-01-01.' })
  @IsCalendarDate()
  periodStartsOn!: string;

  @Field(() => LocalDate, { description: 'The last day of the period the plan covers, e.g. 2027-06-30.' })
  @IsCalendarDate()
  periodEndsOn!: string;

  // Declared on each input: type-graphql drops the text-kind extension of inherited input fields.
  @Field(() => String, {
    nullable: true,
    description: 'More about the needs, e.g. which languages or what kind of room (several lines allowed).',
  })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  needsNote?: string | null;
}

@InputType({ description: 'Changes to an action plan in draft or sent back; fields left out stay as they are.' })
export class ActionPlanUpdateInput extends ActionPlanContentInput {
  @Field(() => ID, { description: 'The action plan to change.' })
  @IsString()
  id!: string;

  // Declared on each input: type-graphql drops the text-kind extension of inherited input fields.
  @Field(() => String, {
    nullable: true,
    description: 'More about the needs, e.g. which languages or what kind of room (several lines allowed).',
  })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  needsNote?: string | null;
}

@InputType({ description: 'The action plan a step is taken on.' })
export class ActionPlanStepInput {
  @Field(() => ID, { description: 'The action plan to take the step on.' })
  @IsString()
  id!: string;
}

@InputType({ description: 'An entry of a proposed schedule: a day, the track taken up, a note.' })
export class ScheduleEntryInput {
  @Field(() => LocalDate, { description: 'The day of the scheduled learning session, within the plan’s period.' })
  @IsCalendarDate()
  date!: string;

  @Field(() => ID, { nullable: true, description: 'The track the scheduled session takes up.' })
  @IsOptional()
  @IsString()
  trackId?: string | null;

  @Field(() => String, { nullable: true, description: 'A note on the scheduled session, e.g. the module or the teacher.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  note?: string | null;
}

@InputType({ description: 'The schedule a competence coordinator proposes for a submitted action plan.' })
export class ActionPlanProposeScheduleInput {
  @Field(() => ID, { description: 'The submitted action plan the schedule is for.' })
  @IsString()
  id!: string;

  @Field(() => [ScheduleEntryInput], { description: 'The proposed learning sessions, at least one.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  schedule!: ScheduleEntryInput[];

  @Field(() => String, { nullable: true, description: 'A word to the manager with the proposal (several lines allowed).' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string | null;
}

@InputType({ description: 'The manager sends a proposed schedule back, saying why.' })
export class ActionPlanSendBackInput {
  @Field(() => ID, { description: 'The action plan whose proposed schedule is sent back.' })
  @IsString()
  id!: string;

  @Field(() => String, { description: 'What should change, for the competence coordinator (several lines allowed).' })
  @MultiLineText()
  @IsString()
  @NotBlank()
  @MaxLength(2000)
  comment!: string;
}
