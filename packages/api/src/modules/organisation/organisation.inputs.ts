import {
  ArrayMaxSize,
  IsBoolean,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { DateTime } from '../../platform/graphql/scalars.js';
import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { OrderDirection } from '../../platform/pagination/connection.js';
import { orderInputType } from '../../platform/pagination/order-input.js';
import { NotBlank } from '../../platform/validators.js';
import { OrganisationKind } from './organisation.entity.js';

/** Above the population of Sweden (10.6 million in 2025), so no member organisation can exceed it. */
const MAX_POPULATION = 15_000_000;

export enum OrganisationOrderField {
  NAME = 'name',
  CREATED_AT = 'createdAt',
}
registerEnumType(OrganisationOrderField, {
  name: 'OrganisationOrderField',
  description: 'Sort key of organisations.',
  valuesConfig: {
    NAME: { description: "By the organisation's name." },
    CREATED_AT: { description: 'By when the organisation was entered in the system.' },
  },
});

@InputType({ description: 'Narrows a list of organisations.' })
export class OrganisationFilterInput {
  @Field(() => String, { nullable: true, description: 'Text contained in the name or organisation number (any case).' })
  search?: string | null;

  @Field(() => OrganisationKind, { nullable: true, description: 'Only organisations of this kind.' })
  kind?: OrganisationKind | null;

  @Field(() => Boolean, { nullable: true, description: 'Only the principal (true) or only the other members (false).' })
  isPrincipal?: boolean | null;

  @Field(() => DateTime, {
    nullable: true,
    description:
      'Only organisations changed at or after this moment, for incremental sync: pass the start time of your previous sync, less a minute (changes still being committed then may carry an earlier time).',
  })
  updatedSince?: Date | null;
}

export const OrganisationOrderInput = orderInputType('Organisation', OrganisationOrderField, {
  field: OrganisationOrderField.NAME,
  direction: OrderDirection.ASC,
  description: 'by name',
});
export type OrganisationOrderInput = InstanceType<typeof OrganisationOrderInput>;

@InputType({ description: 'Population of a member in a year.' })
export class PopulationFigureInput {
  @Field(() => Int, { description: 'Calendar year.' })
  @IsInt()
  @Min(1900)
  @Max(2200)
  year!: number;

  @Field(() => Int, { description: `Number of inhabitants (invånarantal), 0 to ${MAX_POPULATION.toLocaleString('en')}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_POPULATION)
  population!: number;
}

@InputType({ description: 'A new member organisation.' })
export class OrganisationCreateInput {
  @Field(() => String, { description: 'Name, e.g. "Motala kommun".' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => OrganisationKind, { description: 'Kind of organisation.' })
  @IsEnum(OrganisationKind)
  kind!: OrganisationKind;

  @Field(() => String, { description: 'Swedish organisation number, NNNNNN-NNNN (the check digit is verified).' })
  @IsString()
  @MinLength(1)
  organisationNumber!: string;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether this is the principal (huvudman); at most one organisation is.' })
  @IsBoolean()
  isPrincipal: boolean = false;

  @Field(() => [PopulationFigureInput], { nullable: true, description: 'Population figures by year.' })
  @IsOptional()
  @ValidateNested({ each: true })
  populations?: PopulationFigureInput[] | null;
}

@InputType({ description: 'Changes to a member organisation; fields left out stay as they are.' })
export class OrganisationUpdateInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: 'New name.' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string | null;

  @Field(() => OrganisationKind, { nullable: true, description: 'New kind.' })
  @IsOptional()
  @IsEnum(OrganisationKind)
  kind?: OrganisationKind | null;

  @Field(() => String, { nullable: true, description: 'New organisation number.' })
  @IsOptional()
  @IsString()
  organisationNumber?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Make this the principal (another principal is refused, not replaced).' })
  @IsOptional()
  @IsBoolean()
  isPrincipal?: boolean | null;
}

@InputType({ description: 'Sets the population of a member for a year (adds or replaces the figure).' })
export class OrganisationPopulationSetInput extends PopulationFigureInput {
  @Field(() => ID, { description: 'The organisation.' })
  @IsString()
  organisationId!: string;
}

@InputType({ description: "One member's number of inhabitants in the year being set." })
export class MemberPopulationInput {
  @Field(() => ID, { description: 'The member organisation the figure is for.' })
  @IsString()
  organisationId!: string;

  @Field(() => Int, { description: `The member's inhabitants (invånarantal) that year, 0 to ${MAX_POPULATION.toLocaleString('en')}.` })
  @IsInt()
  @Min(0)
  @Max(MAX_POPULATION)
  population!: number;
}

@InputType({ description: "Sets several members' populations for one year at once: all of them, or none on any error." })
export class OrganisationPopulationsSetInput {
  @Field(() => Int, { description: 'The calendar year the populations are for.' })
  @IsInt()
  @Min(1900)
  @Max(2200)
  year!: number;

  @Field(() => [MemberPopulationInput], { description: 'The members and their inhabitants; members left out keep their figure.' })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  populations!: MemberPopulationInput[];
}
