import { IsBoolean, IsEmail, IsEnum, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import { LocalDate } from '../../platform/graphql/scalars.js';
import { IsCalendarDate, NotBlank } from '../../platform/validators.js';
import { EmploymentStatus, StaffImportFormat, StaffOrderField } from './staff.enums.js';

@InputType({ description: 'Narrows a staff list.' })
export class StaffFilterInput {
  @Field(() => String, { nullable: true, description: "Text contained in the staff member's name (any case, any accents)." })
  search?: string | null;

  @Field(() => EmploymentStatus, { nullable: true, description: 'Only employments in this state today (default: all, history included).' })
  status?: EmploymentStatus | null;
}

export const StaffOrderInput = orderInputType('Staff', StaffOrderField, {
  field: StaffOrderField.LAST_NAME,
  direction: OrderDirection.ASC,
  description: 'by last name, then first name',
});
export type StaffOrderInput = InstanceType<typeof StaffOrderInput>;

@InputType({
  description: "Someone not yet in the directory, registered together with their first employment (in the workplace's organisation).",
})
export class EmploymentNewPersonInput {
  @Field(() => String, { description: "The new employee's first name." })
  @IsString()
  @NotBlank()
  @MaxLength(100)
  firstName!: string;

  @Field(() => String, { description: "The new employee's last name." })
  @IsString()
  @NotBlank()
  @MaxLength(100)
  lastName!: string;

  @Field(() => String, { description: "The new employee's e-mail address; no one else may have it, whatever the letter case." })
  @IsEmail({}, { message: 'Must be an e-mail address.' })
  @MaxLength(254)
  email!: string;
}

@InputType({ description: "A person's new employment at a workplace." })
export class EmploymentCreateInput {
  @Field(() => ID, { nullable: true, description: 'The person employed; leave out to register a new person with `newPerson`.' })
  @IsOptional()
  @IsString()
  personId?: string | null;

  @Field(() => EmploymentNewPersonInput, {
    nullable: true,
    description:
      'Instead of `personId`: a person to add to the directory, in the same step (nothing is saved if the employment is refused).',
  })
  @IsOptional()
  @ValidateNested()
  newPerson?: EmploymentNewPersonInput | null;

  @Field(() => ID, { description: 'The workplace the person works at.' })
  @IsString()
  workplaceId!: string;

  @Field(() => LocalDate, { description: 'The first day of the employment.' })
  @IsCalendarDate()
  startsOn!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The last day of the employment, when it is known; null while it lasts.' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The employee number in the organisation's HR system; unique within the organisation among current employments.",
  })
  @IsOptional()
  @NotBlank()
  @MaxLength(50)
  employeeNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Job title (befattning), e.g. "Undersköterska".' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  title?: string | null;
}

@InputType({ description: 'Corrections to an employment; fields left out stay as they are, null clears an optional one.' })
export class EmploymentUpdateInput {
  @Field(() => ID, { description: 'The employment to correct.' })
  @IsString()
  id!: string;

  @Field(() => LocalDate, { nullable: true, description: 'Corrected first day.' })
  @IsOptional()
  @IsCalendarDate()
  startsOn?: string | null;

  @Field(() => LocalDate, { nullable: true, description: 'Corrected last day; null makes the employment open-ended again.' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;

  @Field(() => String, { nullable: true, description: 'Corrected employee number; null removes it.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(50)
  employeeNumber?: string | null;

  @Field(() => String, { nullable: true, description: 'Corrected job title; null removes it.' })
  @IsOptional()
  @NotBlank()
  @MaxLength(200)
  title?: string | null;
}

@InputType({ description: 'The end of an employment; it stays in the history.' })
export class EmploymentEndInput {
  @Field(() => ID, { description: 'The employment that ends.' })
  @IsString()
  id!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The last day employed (default: today in Sweden).' })
  @IsOptional()
  @IsCalendarDate()
  endsOn?: string | null;
}

@InputType({ description: 'A file of staff from an HR system to bring in for one organisation.' })
export class StaffImportInput {
  @Field(() => ID, { description: 'The organisation whose staff the file lists.' })
  @IsString()
  organisationId!: string;

  @Field(() => String, {
    description:
      'The file, base64-encoded. Columns by header (Swedish or English): Förnamn/First name, Efternamn/Last name, E-post/Email, Anställningsnummer/Employee number, Arbetsplats/Workplace (name), Befattning/Title, Från/From, Till/Until.',
  })
  @IsString()
  @NotBlank()
  file!: string;

  @Field(() => StaffImportFormat, { description: 'Whether the file is CSV or XLSX.' })
  @IsEnum(StaffImportFormat)
  format!: StaffImportFormat;

  @Field(() => Boolean, {
    defaultValue: false,
    description: "The file lists all of the organisation's staff: current employments missing from it are ended.",
  })
  @IsBoolean()
  complete: boolean = false;

  @Field(() => Boolean, { defaultValue: false, description: 'Only report what would change; nothing is written.' })
  @IsBoolean()
  dryRun: boolean = false;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Send a sign-in invitation to each person the import creates (people signed in only, not API clients).',
  })
  @IsBoolean()
  invite: boolean = false;
}
