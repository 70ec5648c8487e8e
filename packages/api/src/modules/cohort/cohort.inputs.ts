import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/graphql/scalars.js';
import { NotBlank } from '../../common/validators.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import { OfferingStatus } from '../registration/registration.entities.js';

registerEnumType(OfferingStatus, { name: 'OfferingStatus', description: 'Where an offering (e.g. a cohort) stands: only OPEN ones take registrations.' });

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
export class CohortCreateInput {
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

  @Field(() => [ID], { nullable: true, description: 'Organisations registrants must belong to (default: all members).' })
  @IsOptional()
  audienceOrganisationIds?: string[] | null;

  @Field(() => OfferingStatus, { defaultValue: OfferingStatus.DRAFT, description: 'Start as a draft, or open it at once.' })
  @IsEnum(OfferingStatus)
  status: OfferingStatus = OfferingStatus.DRAFT;
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

@InputType({ description: 'Cancels a registration; a confirmed place goes to the first on the waitlist.' })
export class RegistrationCancelInput {
  @Field(() => ID, { description: 'The registration.' })
  @IsString()
  id!: string;
}
