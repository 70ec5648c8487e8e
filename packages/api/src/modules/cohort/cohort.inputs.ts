import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateTime } from '../../platform/graphql/scalars.js';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import { NotBlank } from '../../platform/validators.js';
import { OfferingStatus, PromotionPolicy } from '../offering/offering.enums.js';
import { OfferingSettingsInput } from '../offering/offering.inputs.js';
import { MultiLineText } from '../../platform/text.js';

@InputType({ description: 'Places of a cohort reserved for one member organisation until the release date.' })
export class SeatQuotaInput {
  @Field(() => ID, { description: 'The member organisation.' })
  @IsString()
  organisationId!: string;

  @Field(() => Int, { description: 'Places reserved for it.' })
  @IsInt()
  @Min(1)
  @Max(100_000)
  places!: number;
}

@InputType({ description: 'A new training programme.' })
export class ProgrammeCreateInput {
  @Field(() => String, { description: 'Name, e.g. "Ledarutbildning i arbetsplatslärande".' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the new programme teaches, and for whom.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Int, { defaultValue: 80, description: 'Share of sessions, in percent, a participant must attend to complete it.' })
  @IsInt()
  @Min(1)
  @Max(100)
  completionThresholdPercent: number = 80;
}

@InputType({ description: 'Changes to a programme; fields left out stay as they are.' })
export class ProgrammeUpdateInput {
  @Field(() => ID, { description: 'The programme to change.' })
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: "The programme's new name." })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new description of what the programme teaches (empty text: none).' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: "A new completion rule, in percent of sessions attended; the completions of its cohorts' places are recomputed.",
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  completionThresholdPercent?: number | null;
}

export enum ProgrammeOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(ProgrammeOrderField, {
  name: 'ProgrammeOrderField',
  description: 'Sort key of training programmes.',
  valuesConfig: {
    NAME: { description: "By the programme's name." },
    CREATED_AT: { description: 'By when the programme was created.' },
  },
});

@InputType({ description: 'Narrows a list of training programmes.' })
export class ProgrammeFilterInput {
  @Field(() => String, { nullable: true, description: "Text contained in the programme's name (any case)." })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  search?: string | null;
}

export const ProgrammeOrderInput = orderInputType('Programme', ProgrammeOrderField, {
  field: ProgrammeOrderField.NAME,
  direction: OrderDirection.ASC,
  description: 'by name',
});
export type ProgrammeOrderInput = InstanceType<typeof ProgrammeOrderInput>;

@InputType({ description: 'A new cohort (omgång) of a programme.' })
export class CohortCreateInput extends OfferingSettingsInput {
  @Field(() => ID, { description: 'The programme.' })
  @IsString()
  programmeId!: string;

  @Field(() => String, { description: 'Name, e.g. "Omgång hösten 2026".' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the new cohort is about, shown to those who may register.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => [ID], { nullable: true, description: 'Organisations registrants must belong to (default: all members).' })
  @IsOptional()
  @ArrayMaxSize(500)
  audienceOrganisationIds?: string[] | null;

  @Field(() => PromotionPolicy, {
    defaultValue: PromotionPolicy.AUTOMATIC,
    description: 'How a freed place goes to the first on the waitlist.',
  })
  @IsEnum(PromotionPolicy)
  promotionPolicy: PromotionPolicy = PromotionPolicy.AUTOMATIC;

  @Field(() => Int, { defaultValue: 48, description: 'Hours an offered place is held (OFFER policy), 1 to 720.' })
  @IsInt()
  @Min(1)
  @Max(720)
  offerHoldHours: number = 48;

  @Field(() => [SeatQuotaInput], {
    nullable: true,
    description: 'Places reserved per member organisation (needs a capacity; together at most the capacity).',
  })
  @IsOptional()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  seatQuotas?: SeatQuotaInput[] | null;

  @Field(() => DateTime, { nullable: true, description: 'When reserved places nobody took go to everyone (default: never).' })
  @IsOptional()
  quotaReleaseAt?: Date | null;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Registrations wait for approval by an organisation admin of the person's organisation (unless such an admin or an administrator registers them).",
  })
  @IsBoolean()
  requiresApproval: boolean = false;
}

@InputType({ description: 'Changes to a cohort; raising the capacity gives the new places to the waitlist at once.' })
export class CohortUpdateInput {
  @Field(() => ID, { description: 'The cohort.' })
  @IsString()
  id!: string;

  @Field(() => Int, { nullable: true, description: 'New number of places (not below those confirmed).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => OfferingStatus, { nullable: true, description: 'New status.' })
  @IsOptional()
  @IsEnum(OfferingStatus)
  status?: OfferingStatus | null;

  @Field(() => PromotionPolicy, { nullable: true, description: 'New promotion policy (open offers keep their expiry).' })
  @IsOptional()
  @IsEnum(PromotionPolicy)
  promotionPolicy?: PromotionPolicy | null;

  @Field(() => Int, { nullable: true, description: 'Hours an offered place is held, for offers made from now on.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(720)
  offerHoldHours?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether new registrations wait for approval (those already waiting stay until decided).',
  })
  @IsOptional()
  @IsBoolean()
  requiresApproval?: boolean | null;
}

@InputType({ description: 'Registers a person (default: yourself) for a cohort.' })
export class CohortRegisterInput {
  @Field(() => ID, { description: 'The cohort.' })
  @IsString()
  cohortId!: string;

  @Field(() => ID, { nullable: true, description: 'Who to register (default: the signed-in person).' })
  @IsOptional()
  @IsString()
  personId?: string | null;
}

@InputType({ description: "Moves a person's registration to another cohort (administrators): cancelled here, registered there." })
export class RegistrationTransferInput {
  @Field(() => ID, { description: 'The registration.' })
  @IsString()
  id!: string;

  @Field(() => ID, { description: 'The cohort to move to.' })
  @IsString()
  cohortId!: string;
}

@InputType({ description: 'Narrows the list of cohorts (e.g. for an integrator that shows what is open now).' })
export class CohortFilterInput {
  @Field(() => OfferingStatus, { nullable: true, description: 'Only cohorts with this status.' })
  @IsOptional()
  @IsEnum(OfferingStatus)
  status?: OfferingStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only the cohorts of this programme.' })
  @IsOptional()
  @IsString()
  programmeId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only cohorts taking registrations right now (OPEN and within their registration window); false: only the others.',
  })
  @IsOptional()
  @IsBoolean()
  openForRegistration?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only those this person (e.g. `me.id`, or your workplace coordinator) may register for now: open, inside the registration window, with the person in the audience. Empty for a person you may not see.',
  })
  @IsOptional()
  @IsString()
  registrableBy?: string | null;
}
