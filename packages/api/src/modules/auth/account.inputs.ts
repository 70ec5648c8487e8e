import { ArrayMaxSize, IsArray, IsBoolean, IsEnum, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { Role } from '../../platform/access/vocabulary.js';
import { PASSWORD_MIN_LENGTH } from './auth.inputs.js';

const PASSWORD_MAX_LENGTH = 256;
/** The most people one `accountInviteMany` may cover. */
export const MAX_INVITATIONS_AT_ONCE = 500;

@InputType({ description: 'The person whose sign-in account a mutation is about.' })
export class AccountPersonInput {
  @Field(() => ID, { description: 'Global id of the person.' })
  @IsString()
  personId!: string;
}

@InputType({
  description:
    'Whom to invite at once: exactly one of `personIds`, `workplaceId` or `organisationId` (with `role` to narrow the last two to one role).',
})
export class AccountInviteManyInput {
  @Field(() => [ID], { nullable: true, description: `These people (global ids), at most ${MAX_INVITATIONS_AT_ONCE}.` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_INVITATIONS_AT_ONCE, { message: `At most ${MAX_INVITATIONS_AT_ONCE} people at once.` })
  @IsString({ each: true })
  personIds?: string[] | null;

  @Field(() => ID, { nullable: true, description: "The workplace's people: everyone who holds a role at it today." })
  @IsOptional()
  @IsString()
  workplaceId?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "The organisation's people: its staff (home organisation), or with `role` those holding that role in it today.",
  })
  @IsOptional()
  @IsString()
  organisationId?: string | null;

  @Field(() => Role, {
    nullable: true,
    description: "Only those holding this role today, at the workplace or in the organisation (e.g. MANAGER: an organisation's managers).",
  })
  @IsOptional()
  @IsEnum(Role)
  role?: Role | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Only report what inviting this selection would do (who would be invited, who already has an account, who has no address), sending and changing nothing (the outcomes and invitedCount say what would happen): to say how many before asking to confirm.',
  })
  @IsOptional()
  @IsBoolean()
  dryRun?: boolean | null;
}

@InputType({ description: 'Activates an account with the token of an invitation link and the password the person chose.' })
export class AccountInvitationAcceptInput {
  @Field(() => String, { description: 'The token from the invitation link: the last part of `PUBLIC_URL/invitation/<token>`.' })
  @IsString()
  @MinLength(1, { message: 'Must not be empty.' })
  token!: string;

  @Field(() => String, { description: `The password the person chose, ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.` })
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Must be at least ${PASSWORD_MIN_LENGTH} characters.` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}
