import { IsEmail, IsString, MaxLength, MinLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { SecretText } from '../../platform/text.js';

export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 256;

@InputType({ description: 'E-mail address and password.' })
export class SignInInput {
  @Field(() => String, { description: 'E-mail address (any letter case).' })
  @IsEmail({}, { message: 'Must be an e-mail address.' })
  email!: string;

  @Field(() => String, { description: "The account's password." })
  @SecretText()
  @IsString()
  @MinLength(1, { message: 'Must not be empty.' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  password!: string;
}

@InputType({ description: 'A new password for the signed-in person.' })
export class PasswordChangeInput {
  @Field(() => String, { description: 'The current password.' })
  @SecretText()
  @IsString()
  @MinLength(1, { message: 'Must not be empty.' })
  @MaxLength(PASSWORD_MAX_LENGTH)
  currentPassword!: string;

  @Field(() => String, { description: `The new password, ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.` })
  @SecretText()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Must be at least ${PASSWORD_MIN_LENGTH} characters.` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}

@InputType({ description: "Asks for a link to the portal's password-reset page." })
export class PasswordResetRequestInput {
  @Field(() => String, { description: 'E-mail address of the account.' })
  @IsEmail({}, { message: 'Must be an e-mail address.' })
  email!: string;
}

@InputType({ description: 'Sets a new password with the token of a reset link.' })
export class PasswordResetInput {
  @Field(() => String, { description: 'The token from the reset link: the last part of `PUBLIC_URL/reset-password/<token>`.' })
  @IsString()
  @MinLength(1, { message: 'Must not be empty.' })
  token!: string;

  @Field(() => String, { description: `The new password, ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters.` })
  @SecretText()
  @IsString()
  @MinLength(PASSWORD_MIN_LENGTH, { message: `Must be at least ${PASSWORD_MIN_LENGTH} characters.` })
  @MaxLength(PASSWORD_MAX_LENGTH)
  newPassword!: string;
}
