import { ArrayMaxSize, IsEnum, IsInt, IsNumber, IsOptional, IsString, Max, Min, ValidateNested } from 'class-validator';
import { Field, Float, ID, InputType, Int } from 'type-graphql';
import { CostShareKeyKind } from './cost-share.enums.js';

/** Years the cost sharing makes sense for: the model runs from 2022. */
const FIRST_YEAR = 2000;
const LAST_YEAR = 2100;

@InputType({ description: "A year's inputs to the cost sharing; fields left out stay as they are, null clears one." })
export class CostShareYearSetInput {
  @Field(() => Int, { description: 'The calendar year whose inputs are entered (created on first use).' })
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year!: number;

  @Field(() => Int, {
    nullable: true,
    description:
      "The model's cost for this year in whole kronor, when entered directly (e.g. 7106957 for 2022); later years are indexed from it.",
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2_000_000_000)
  baseCost?: number | null;

  @Field(() => Float, { nullable: true, description: 'The consumer price index (KPI) of the year, e.g. the yearly average.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(1)
  @Max(100_000)
  priceIndex?: number | null;

  @Field(() => CostShareKeyKind, { nullable: true, description: 'Whether the key is the populations (default) or entered weights.' })
  @IsOptional()
  @IsEnum(CostShareKeyKind)
  keyKind?: CostShareKeyKind | null;
}

@InputType({ description: "A member's weight in a year's distribution key." })
export class CostShareWeightInput {
  @Field(() => ID, { description: 'The member organisation the weight is for.' })
  @IsString()
  organisationId!: string;

  @Field(() => Float, { description: "The member's weight within its group (any scale: percentages, or the region's key figures)." })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1_000_000_000)
  weight!: number;
}

@InputType({ description: "Sets a year's distribution key as weights per member (and switches the year to weights)." })
export class CostShareWeightsSetInput {
  @Field(() => Int, { description: 'Calendar year the weights are for.' })
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year!: number;

  @Field(() => [CostShareWeightInput], { description: 'Every member with a weight; the list replaces the earlier one.' })
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  weights!: CostShareWeightInput[];
}

@InputType({ description: 'Freezes a year: its shares as computed now become the basis for invoices.' })
export class CostShareYearFreezeInput {
  @Field(() => Int, { description: 'Calendar year to freeze.' })
  @IsInt()
  @Min(FIRST_YEAR)
  @Max(LAST_YEAR)
  year!: number;
}
