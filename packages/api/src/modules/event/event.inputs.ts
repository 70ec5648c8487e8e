import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { DateTime } from '../../common/graphql/scalars.js';
import { NotBlank } from '../../common/validators.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import { OfferingStatus } from '../registration/registration.entities.js';
import '../registration/offering.types.js';
import { EventKind } from './event.entity.js';

registerEnumType(EventKind, { name: 'EventKind', description: 'What kind of event.' });

@InputType({ description: 'A new event: a kick-off, an information session; add its sessions with sessionCreate.' })
export class EventCreateInput {
  @Field(() => EventKind, { description: 'Kind.' })
  @IsEnum(EventKind)
  kind!: EventKind;

  @Field(() => String, { description: 'Name, e.g. "Informationsträff för arbetsplatskoordinatorer".' })
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

  @Field(() => OfferingStatus, { defaultValue: OfferingStatus.DRAFT, description: 'Start as a draft, or open it at once.' })
  @IsEnum(OfferingStatus)
  status: OfferingStatus = OfferingStatus.DRAFT;
}

@InputType({ description: 'Registers a person (default: yourself) for an event.' })
export class EventRegisterInput {
  @Field(() => ID, { description: 'The event.' })
  @IsString()
  eventId!: string;

  @Field(() => ID, { nullable: true, description: 'Who (default: the signed-in person).' })
  @IsOptional()
  @IsString()
  personId?: string | null;
}

@InputType({ description: 'Changes to an event; fields left out stay as they are. Raising the capacity gives the new places to the waitlist at once.' })
export class EventUpdateInput {
  @Field(() => ID, { description: 'The event.' })
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: 'Name.' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'Description.' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'New number of places (not below those confirmed or offered).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => OfferingStatus, { nullable: true, description: 'New status (e.g. OPEN to take registrations).' })
  @IsOptional()
  @IsEnum(OfferingStatus)
  status?: OfferingStatus | null;
}
