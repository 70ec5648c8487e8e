import { DateTime } from '../../platform/graphql/scalars.js';
import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import { NotBlank } from '../../platform/validators.js';
import { Role } from '../../platform/access/vocabulary.js';
import { Language } from './person.entity.js';
import { IsIdentityNumber } from '../identity-number/identity-number.validator.js';

export enum PersonOrderField {
  LAST_NAME = 'lastName',
  EMAIL = 'email',
  CREATED_AT = 'createdAt',
}
registerEnumType(PersonOrderField, {
  name: 'PersonOrderField',
  description: 'Sort key of people.',
  valuesConfig: {
    LAST_NAME: { description: 'By last name.' },
    EMAIL: { description: "By e-mail address; only for callers who see everyone's contact details (others get FORBIDDEN)." },
    CREATED_AT: { description: 'By when the person was entered in the system.' },
  },
});

const PHONE = /^\+?[0-9 ()-]{5,30}$/;

@InputType({ description: 'Narrows a list of people.' })
export class PersonFilterInput {
  @Field(() => String, {
    nullable: true,
    description: "Text contained in the name, or in the e-mail address for those who may see everyone's (any case).",
  })
  search?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only people whose home organisation this is.' })
  homeOrganisationId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only people who hold a role at this workplace today.' })
  workplaceId?: string | null;

  @Field(() => Role, { nullable: true, description: 'Only people who hold this role today.' })
  role?: Role | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'Only people whose record changed at or after this moment, for incremental sync: pass the start time of your previous sync, less a minute (changes still being committed then may carry an earlier time).',
  })
  updatedSince?: Date | null;
}

export const PersonOrderInput = orderInputType('Person', PersonOrderField, {
  field: PersonOrderField.LAST_NAME,
  direction: OrderDirection.ASC,
  description: 'by last name',
});
export type PersonOrderInput = InstanceType<typeof PersonOrderInput>;

@InputType({ description: 'A new person.' })
export class PersonCreateInput {
  @Field(() => String, { description: 'First name.' })
  @IsString()
  @NotBlank()
  @MaxLength(100)
  firstName!: string;

  @Field(() => String, { description: 'Last name.' })
  @IsString()
  @NotBlank()
  @MaxLength(100)
  lastName!: string;

  @Field(() => String, { description: 'E-mail address; unique whatever the letter case.' })
  @IsEmail({}, { message: 'Must be an e-mail address.' })
  @MaxLength(254)
  email!: string;

  @Field(() => String, { nullable: true, description: 'Phone number, e.g. "013-20 10 00" or "+46 13 20 10 00".' })
  @IsOptional()
  @Matches(PHONE, { message: 'Must be a phone number (digits, spaces, +, -, parentheses).' })
  phone?: string | null;

  @Field(() => ID, { description: 'The organisation the person works for.' })
  @IsString()
  homeOrganisationId!: string;

  @Field(() => Language, { nullable: true, description: 'The language of the e-mails the person receives; Swedish when left out.' })
  @IsOptional()
  @IsEnum(Language)
  language?: Language | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      'Also invite the person to sign in (as `accountInvite`), in the same step: they get an e-mail with a link to choose a password.',
  })
  @IsOptional()
  @IsBoolean()
  invite?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description:
      "Swedish personal identity number or coordination number: YYYYMMDD-NNNN, YYYYMMDDNNNN or YYMMDD-NNNN (YYMMDD+NNNN from 100 years of age). Stored encrypted and shown only to administrators; administrators and the organisation's administrators may set it.",
  })
  @IsOptional()
  @IsIdentityNumber()
  identityNumber?: string | null;
}

@InputType({ description: 'Changes to a person; fields left out stay as they are.' })
export class PersonUpdateInput {
  @Field(() => ID, { description: 'Global id of the person to change.' })
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: 'New first name.' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(100)
  firstName?: string | null;

  @Field(() => String, { nullable: true, description: 'New last name.' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(100)
  lastName?: string | null;

  @Field(() => String, { nullable: true, description: 'New e-mail address.' })
  @IsOptional()
  @IsEmail({}, { message: 'Must be an e-mail address.' })
  @MaxLength(254)
  email?: string | null;

  @Field(() => String, { nullable: true, description: 'New phone number; an empty string removes it.' })
  @IsOptional()
  @Matches(/^$|^\+?[0-9 ()-]{5,30}$/, { message: 'Must be a phone number (digits, spaces, +, -, parentheses).' })
  phone?: string | null;

  @Field(() => ID, { nullable: true, description: 'New home organisation.' })
  @IsOptional()
  @IsString()
  homeOrganisationId?: string | null;

  @Field(() => Language, { nullable: true, description: 'New language of the e-mails the person receives.' })
  @IsOptional()
  @IsEnum(Language)
  language?: Language | null;

  @Field(() => String, {
    nullable: true,
    description:
      "New personal identity number (the forms of `PersonCreateInput.identityNumber`); an empty string removes it. Administrators and the organisation's administrators only.",
  })
  @IsOptional()
  @IsIdentityNumber()
  identityNumber?: string | null;
}

@InputType({ description: "Erases a person's personal data for good (GDPR): names, e-mail and phone are anonymised, sign-in removed." })
export class PersonEraseInput {
  @Field(() => ID, { description: 'Global id of the person whose personal data is erased.' })
  @IsString()
  id!: string;

  @Field(() => Boolean, { description: 'Must be true: the erasure cannot be undone.' })
  confirm!: boolean;
}
