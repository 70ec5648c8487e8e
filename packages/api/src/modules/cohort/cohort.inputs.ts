import {
  ArrayMaxSize,
  ArrayMinSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateTime } from '../../platform/graphql/scalars.js';
import { NotBlank } from '../../platform/validators.js';
import { AttendanceStatus, OfferingStatus, PromotionPolicy } from '../registration/registration.entities.js';
import { OfferingSettingsInput, SessionTimeAndPlaceInput } from '../registration/offering.inputs.js';

registerEnumType(AttendanceStatus, { name: 'AttendanceStatus', description: 'Whether a participant attended a session.' });

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

  @Field(() => String, { nullable: true, description: 'Description.' })
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

  @Field(() => String, { nullable: true, description: 'Description.' })
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

@InputType({
  description: 'A new session of a cohort or an event: a training day, a residential stay, an online meeting. Give cohortId or eventId.',
})
export class SessionCreateInput extends SessionTimeAndPlaceInput {
  @Field(() => ID, { nullable: true, description: 'The cohort.' })
  @IsOptional()
  @IsString()
  cohortId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The event.' })
  @IsOptional()
  @IsString()
  eventId?: string | null;

  @Field(() => String, { nullable: true, description: 'Title, e.g. "Dag 1: Arbetsplatslärande".' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @Field(() => Boolean, { defaultValue: false, description: 'A residential stay (chefsinternat).' })
  @IsBoolean()
  residential: boolean = false;
}

@InputType({ description: 'Changes to a session; fields left out stay as they are.' })
export class SessionUpdateInput {
  @Field(() => ID, { description: 'The session.' })
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: 'Title.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'Start.' })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'End.' })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'Venue.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'Link for online participation (https).' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'Must be an https:// link.' })
  @MaxLength(2000)
  onlineUrl?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'A residential stay.' })
  @IsOptional()
  @IsBoolean()
  residential?: boolean | null;
}

@InputType({ description: 'Removes a session and its attendance; completion is recomputed.' })
export class SessionDeleteInput {
  @Field(() => ID, { description: 'The session.' })
  @IsString()
  id!: string;
}

@InputType({ description: 'Whether one participant attended.' })
export class AttendanceEntryInput {
  @Field(() => ID, { description: 'The registration (a confirmed place).' })
  @IsString()
  registrationId!: string;

  @Field(() => AttendanceStatus, { description: 'Present, absent or excused.' })
  @IsEnum(AttendanceStatus)
  status!: AttendanceStatus;
}

@InputType({ description: 'Attendance at one session, for any number of participants (recorded again: replaced).' })
export class AttendanceRecordInput {
  @Field(() => ID, { description: 'The session.' })
  @IsString()
  sessionId!: string;

  @Field(() => [AttendanceEntryInput], { description: 'One entry per participant.' })
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  entries!: AttendanceEntryInput[];
}

@InputType({ description: 'Accepts an offered place before the offer expires.' })
export class RegistrationAcceptOfferInput {
  @Field(() => ID, { description: 'The registration with the offer.' })
  @IsString()
  id!: string;
}

@InputType({ description: 'Moves a waitlisted registration to another place in the queue (administrators).' })
export class RegistrationMoveInput {
  @Field(() => ID, { description: 'The waitlisted registration.' })
  @IsString()
  id!: string;

  @Field(() => Int, { description: 'New place in the queue; 1 is next.' })
  @IsInt()
  @Min(1)
  position!: number;
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

@InputType({
  description: 'Cancels a registration, leaves the waitlist or declines an offer; a freed place goes to the first on the waitlist.',
})
export class RegistrationCancelInput {
  @Field(() => ID, { description: 'The registration.' })
  @IsString()
  id!: string;
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
