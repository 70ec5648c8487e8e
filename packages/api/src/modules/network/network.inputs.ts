import { ArrayMaxSize, IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NotBlank } from '../../platform/validators.js';
import { Role } from '../role-assignment/role-assignment.entity.js';
import { OfferingStatus } from '../offering/offering.enums.js';
import { SessionTimeAndPlaceInput } from '../offering/offering.inputs.js';
import { NetworkStatus } from './network.enums.js';
import { MultiLineText } from '../../platform/text.js';

@InputType({ description: 'A new network.' })
export class NetworkCreateInput {
  @Field(() => String, { description: 'Name, e.g. "Lärande chefsnätverk Norrköping".' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the new network is for, and whom it is for.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => [Role], { nullable: true, description: 'Roles one of which a member must hold today (default: anyone).' })
  @IsOptional()
  @IsEnum(Role, { each: true })
  audienceRoles?: Role[] | null;

  @Field(() => [ID], { nullable: true, description: 'Organisations members must belong to (default: all members).' })
  @IsOptional()
  @ArrayMaxSize(500)
  audienceOrganisationIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'A programme members must have completed first (e.g. the leader training).' })
  @IsOptional()
  @IsString()
  prerequisiteProgrammeId?: string | null;
}

@InputType({ description: 'Changes to a network; fields left out stay as they are.' })
export class NetworkUpdateInput {
  @Field(() => ID, { description: 'The network to change.' })
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new name for the network.' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new text about what the network is for.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => NetworkStatus, { nullable: true, description: 'Status; a CLOSED network takes no new members.' })
  @IsOptional()
  @IsEnum(NetworkStatus)
  status?: NetworkStatus | null;
}

@InputType({ description: 'Joins a network (yourself by default), or leaves it.' })
export class NetworkMembershipInput {
  @Field(() => ID, { description: 'The network to join or leave.' })
  @IsString()
  networkId!: string;

  @Field(() => ID, { nullable: true, description: 'Who (default: the signed-in person).' })
  @IsOptional()
  @IsString()
  personId?: string | null;
}

@InputType({ description: 'Makes a person a facilitator of a network (administrators).' })
export class NetworkFacilitatorAddInput {
  @Field(() => ID, { description: 'The network to add a facilitator to.' })
  @IsString()
  networkId!: string;

  @Field(() => ID, { description: 'The person.' })
  @IsString()
  personId!: string;
}

@InputType({ description: 'A new meeting of a network; its members register for it.' })
export class NetworkMeetingCreateInput extends SessionTimeAndPlaceInput {
  @Field(() => ID, { description: 'The network the new meeting is for.' })
  @IsString()
  networkId!: string;

  @Field(() => String, { description: 'Title, e.g. "Nätverksträff 3: Reflektion i arbetet".' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  title!: string;

  @Field(() => String, { nullable: true, description: 'What the new meeting is about.' })
  @MultiLineText()
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
}

@InputType({ description: 'Registers a member (default: yourself) for a network meeting.' })
export class NetworkMeetingRegisterInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsString()
  meetingId!: string;

  @Field(() => ID, { nullable: true, description: 'Who (default: the signed-in person).' })
  @IsOptional()
  @IsString()
  personId?: string | null;
}

@InputType({
  description:
    'Changes to a network meeting; fields left out stay as they are. Its time and place change with sessionUpdate on its session.',
})
export class NetworkMeetingUpdateInput {
  @Field(() => ID, { description: 'The meeting.' })
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new title for the meeting.' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  title?: string | null;

  @Field(() => String, { nullable: true, description: 'A new text about what the meeting is about.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: 'New number of places (not below those confirmed or offered); new places go to the waitlist at once.',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => OfferingStatus, { nullable: true, description: 'New status, e.g. CANCELLED.' })
  @IsOptional()
  @IsEnum(OfferingStatus)
  status?: OfferingStatus | null;
}

@InputType({ description: 'Narrows a list of networks.' })
export class NetworkFilterInput {
  @Field(() => String, { nullable: true, description: "Text contained in the network's name (any case)." })
  @IsOptional()
  @IsString()
  search?: string | null;

  @Field(() => NetworkStatus, { nullable: true, description: 'Only active or only closed networks.' })
  @IsOptional()
  @IsEnum(NetworkStatus)
  status?: NetworkStatus | null;

  @Field(() => ID, { nullable: true, description: 'Only networks whose members must first have completed this programme.' })
  @IsOptional()
  @IsString()
  prerequisiteProgrammeId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only networks with a meeting taking registrations right now; false: only networks without one.',
  })
  @IsOptional()
  @IsBoolean()
  openForRegistration?: boolean | null;
}
