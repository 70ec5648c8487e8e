import { IsEnum, IsInt, IsOptional, IsUrl, Max, MaxLength, Min, IsString } from 'class-validator';
import { Field, InputType, Int } from 'type-graphql';
import { DateTime } from '../../platform/graphql/scalars.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import { OfferingStatus } from './registration.entities.js';
import './offering.types.js';

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
  @Field(() => DateTime, { description: 'Start (an instant; shown in Europe/Stockholm time).' })
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
