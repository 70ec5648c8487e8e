import { ArrayMaxSize, ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { LocalDate } from '../../platform/graphql/scalars.js';
import { IsCalendarDate } from '../../platform/validators.js';
import { AgreementService } from './agreement.enums.js';

@InputType({ description: "A member's new cooperation agreement." })
export class AgreementCreateInput {
  @Field(() => ID, { description: 'The member organisation that signed the agreement.' })
  @IsString()
  organisationId!: string;

  @Field(() => LocalDate, { description: 'The day the agreement was signed.' })
  @IsCalendarDate()
  signedOn!: string;

  @Field(() => LocalDate, { description: 'The first day the agreement is in force.' })
  @IsCalendarDate()
  startsOn!: string;

  @Field(() => LocalDate, { description: 'The last day of the first period (e.g. 2025-12-31); notice cannot end the agreement earlier.' })
  @IsCalendarDate()
  firstPeriodEndsOn!: string;

  @Field(() => Int, { defaultValue: 12, description: 'Months of notice after the first period (12 unless the agreement says otherwise).' })
  @IsInt()
  @Min(0)
  @Max(60)
  noticePeriodMonths: number = 12;

  @Field(() => [AgreementService], { description: "The model's services the member has access to under the agreement." })
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsEnum(AgreementService, { each: true })
  services!: AgreementService[];
}

@InputType({ description: 'Changes to an agreement; fields left out stay as they are.' })
export class AgreementUpdateInput {
  @Field(() => ID, { description: 'The agreement to change.' })
  @IsString()
  id!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Corrected signing day.' })
  @IsOptional()
  @IsCalendarDate()
  signedOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Corrected first day in force.' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Corrected last day of the first period.' })
  @IsOptional()
  @IsCalendarDate()
  firstPeriodEndsOn?: string | null;

  @Field(() => Int, { nullable: true, description: 'Corrected notice period in months.' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  noticePeriodMonths?: number | null;

  @Field(() => [AgreementService], { nullable: true, description: 'The services the agreement now includes (replaces the list).' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(6)
  @IsEnum(AgreementService, { each: true })
  services?: AgreementService[] | null;
}

@InputType({ description: 'Notice given on an agreement.' })
export class AgreementGiveNoticeInput {
  @Field(() => ID, { description: 'The agreement given notice on.' })
  @IsString()
  id!: string;

  @Field(() => LocalDate, { description: 'The day notice was given; the end date follows from it and the notice period.' })
  @IsCalendarDate()
  noticeGivenOn!: string;
}

@InputType({ description: 'Takes back the notice given on an agreement, which then rolls on.' })
export class AgreementWithdrawNoticeInput {
  @Field(() => ID, { description: 'The agreement whose notice is withdrawn.' })
  @IsString()
  id!: string;
}
