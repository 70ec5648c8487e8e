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
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTime } from '../../platform/graphql/scalars.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import { NotBlank } from '../../platform/validators.js';
import { AttendanceStatus, OfferingStatus } from './offering.enums.js';
import { SWEDISH_TIME_ZONE } from '../../platform/swedish-time.js';

/** What every new offering (cohort, event) sets: places, registration window, audience roles, status. */
@InputType()
export class OfferingSettingsInput {
  @Field(() => Int, { nullable: true, description: 'Places; leave out for no limit.' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => DateTime, { nullable: true, description: 'When registration opens (default: at once).' })
  @IsOptional()
  registrationOpensAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'When registration closes (default: never).' })
  @IsOptional()
  registrationClosesAt?: Date | null;

  @Field(() => [Role], { nullable: true, description: 'Roles one of which a registrant must hold today (default: anyone).' })
  @IsOptional()
  @IsEnum(Role, { each: true })
  audienceRoles?: Role[] | null;

  @Field(() => OfferingStatus, { defaultValue: OfferingStatus.DRAFT, description: 'Start as a draft, or open it at once.' })
  @IsEnum(OfferingStatus)
  status: OfferingStatus = OfferingStatus.DRAFT;
}

/** When and where a session (or a network meeting) takes place. */
@InputType()
export class SessionTimeAndPlaceInput {
  @Field(() => DateTime, { description: `Start (an instant; shown in ${SWEDISH_TIME_ZONE} time).` })
  startsAt!: Date;

  @Field(() => DateTime, { description: 'End; after the start.' })
  endsAt!: Date;

  @Field(() => String, { nullable: true, description: 'Venue (address or place).' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  venue?: string | null;

  @Field(() => String, { nullable: true, description: 'Link for online participation (https).' })
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'Must be an https:// link.' })
  @MaxLength(2000)
  onlineUrl?: string | null;
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

  @Field(() => String, { nullable: true, description: 'A new title for the session.' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string | null;

  @Field(() => DateTime, { nullable: true, description: 'A new start for the session.' })
  @IsOptional()
  startsAt?: Date | null;

  @Field(() => DateTime, { nullable: true, description: 'A new end for the session.' })
  @IsOptional()
  endsAt?: Date | null;

  @Field(() => String, { nullable: true, description: 'A new venue for the session.' })
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

@InputType({
  description: 'Cancels a registration, leaves the waitlist or declines an offer; a freed place goes to the first on the waitlist.',
})
export class RegistrationCancelInput {
  @Field(() => ID, { description: 'The registration.' })
  @IsString()
  id!: string;
}

@InputType({ description: 'Approves a registration awaiting approval: it takes a place if there is room, else joins the waitlist.' })
export class RegistrationApproveInput {
  @Field(() => ID, { description: 'The registration awaiting approval.' })
  @IsString()
  id!: string;
}

@InputType({ description: 'Rejects a registration awaiting approval; the person is told the reason and may register again.' })
export class RegistrationRejectInput {
  @Field(() => ID, { description: 'The registration awaiting approval.' })
  @IsString()
  id!: string;

  @Field(() => String, { description: 'Why, in words meant for the person (1 to 500 characters).' })
  @IsString()
  @NotBlank()
  @MaxLength(500)
  reason!: string;
}

@InputType({ description: 'Narrows a list of cohorts or events.' })
export class OfferingFilterInput {
  @Field(() => ID, {
    nullable: true,
    description:
      'Only those this person (e.g. `me.id`, or your workplace coordinator) may register for now: open, inside the registration window, with the person in the audience. Empty for a person you may not see.',
  })
  @IsOptional()
  @IsString()
  registrableBy?: string | null;
}
