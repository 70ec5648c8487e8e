import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, Float, ID, InputType } from 'type-graphql';
import { LocalDate } from '../../platform/graphql/scalars.js';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import { IsCalendarDate, NotBlank } from '../../platform/validators.js';
import { MONTH_PATTERN } from './learning-month.js';
import { LearningSessionOrderField, LearningSessionType } from './learning-session.enums.js';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export const LearningSessionOrderInput = orderInputType('LearningSession', LearningSessionOrderField, {
  field: LearningSessionOrderField.HELD_ON,
  direction: OrderDirection.DESC,
  description: 'latest first',
});
export type LearningSessionOrderInput = InstanceType<typeof LearningSessionOrderInput>;

@InputType({ description: 'A participant of a learning session, and their hours when not the whole session.' })
export class LearningParticipantInput {
  @Field(() => ID, { description: 'The participant: employed at the workplace on the day, or holding a role there.' })
  @IsString()
  personId!: string;

  @Field(() => Float, {
    nullable: true,
    description: "The participant's hours at the session, e.g. 1.5 (default: the session's length); rounded to whole minutes.",
  })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.02)
  @Max(24)
  hours?: number | null;
}

@InputType({ description: 'What a learning session holds; when changing, fields left out stay as they are.' })
export class LearningSessionContentInput {
  @Field(() => [ID], { nullable: true, description: 'The learning modules of the catalogue taught at the session (replaces the list).' })
  @IsOptional()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  moduleIds?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether the session needs a teacher (e.g. from the Vård- och omsorgscollege).' })
  @IsOptional()
  @IsBoolean()
  teacherNeeded?: boolean | null;

  @Field(() => ID, { nullable: true, description: 'The teacher assigned to the session, a person; an empty text removes them.' })
  @IsOptional()
  @IsString()
  teacherId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The funder's project reference number the hours are reported to (e.g. an ESF project number); empty: none.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  funderReference?: string | null;

  @Field(() => [LearningParticipantInput], {
    nullable: true,
    description: 'The participants and their hours (replaces the list; at most 200).',
  })
  @IsOptional()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  participants?: LearningParticipantInput[] | null;
}

@InputType({ description: 'A learning session held at a workplace, registered by its manager, coordinator or an admin.' })
export class LearningSessionCreateInput extends LearningSessionContentInput {
  @Field(() => ID, { description: 'The workplace the session was held at.' })
  @IsString()
  workplaceId!: string;

  @Field(() => LocalDate, { description: 'The day the session was held, in Swedish time.' })
  @IsCalendarDate()
  heldOn!: string;

  @Field(() => String, { description: 'When the session started, HH:MM in Swedish time.' })
  @Matches(TIME, { message: 'Must be a time HH:MM.' })
  startsAt!: string;

  @Field(() => String, { description: 'When the session ended, HH:MM in Swedish time, after the start.' })
  @Matches(TIME, { message: 'Must be a time HH:MM.' })
  endsAt!: string;

  @Field(() => LearningSessionType, { description: 'What kind of learning the session was.' })
  @IsEnum(LearningSessionType)
  type!: LearningSessionType;
}

@InputType({ description: 'A session recorded from a paper attendance list signed by the participants and a manager.' })
export class LearningSessionPaperListInput extends LearningSessionCreateInput {
  @Field(() => ID, { description: "The manager who signed the paper list: a manager of the workplace on the session's day." })
  @IsString()
  paperListSignedById!: string;
}

@InputType({ description: 'Changes to a learning session; fields left out stay as they are.' })
export class LearningSessionUpdateInput extends LearningSessionContentInput {
  @Field(() => ID, { description: 'The learning session to change.' })
  @IsString()
  id!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day the session was held, when it changes.' })
  @IsOptional()
  @IsCalendarDate()
  heldOn?: string | null;

  @Field(() => String, { nullable: true, description: 'The new start time, HH:MM in Swedish time.' })
  @IsOptional()
  @Matches(TIME, { message: 'Must be a time HH:MM.' })
  startsAt?: string | null;

  @Field(() => String, { nullable: true, description: 'The new end time, HH:MM in Swedish time.' })
  @IsOptional()
  @Matches(TIME, { message: 'Must be a time HH:MM.' })
  endsAt?: string | null;

  @Field(() => LearningSessionType, { nullable: true, description: 'The kind of learning, when it changes.' })
  @IsOptional()
  @IsEnum(LearningSessionType)
  type?: LearningSessionType | null;
}

@InputType({ description: 'A learning session that did not take place, and why.' })
export class LearningSessionCancelInput {
  @Field(() => ID, { description: 'The learning session to cancel.' })
  @IsString()
  id!: string;

  @Field(() => String, { description: 'Why the session was cancelled, e.g. "Sjukdom i personalgruppen".' })
  @IsString()
  @NotBlank()
  @MaxLength(500)
  reason!: string;
}

@InputType({ description: 'The participant confirms their own hours of a month at a workplace (first step).' })
export class LearningHoursConfirmInput {
  @Field(() => ID, { description: 'The workplace whose sessions the hours are from.' })
  @IsString()
  workplaceId!: string;

  @Field(() => String, { description: 'The month confirmed, YYYY-MM.' })
  @Matches(MONTH_PATTERN, { message: 'Must be a month YYYY-MM.' })
  month!: string;
}

@InputType({ description: "The workplace's manager attests a participant's confirmed hours of a month (second step)." })
export class LearningHoursAttestInput extends LearningHoursConfirmInput {
  @Field(() => ID, { description: 'The participant whose confirmed hours are attested.' })
  @IsString()
  personId!: string;
}

@InputType({ description: 'A month an administrator closes, county-wide or for one organisation.' })
export class LearningMonthCloseInput {
  @Field(() => String, { description: 'The month to close, YYYY-MM.' })
  @Matches(MONTH_PATTERN, { message: 'Must be a month YYYY-MM.' })
  month!: string;

  @Field(() => ID, { nullable: true, description: 'Close the month for this organisation only; left out: for the whole county.' })
  @IsOptional()
  @IsString()
  organisationId?: string | null;
}
