import { ArrayMinSize, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { DateTime } from '../../platform/graphql/scalars.js';
import { NotBlank } from '../../platform/validators.js';
import { ApiScope } from './api-client.entity.js';

@InputType({ description: 'A new API client for an external system.' })
export class ApiClientCreateInput {
  @Field(() => String, { description: 'Name, e.g. "HR-systemet Motala".' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => ID, { nullable: true, description: 'The organisation whose data the client sees; leave out for a county-wide client.' })
  @IsOptional()
  @IsString()
  organisationId?: string | null;

  @Field(() => [ApiScope], { description: 'What the client may do (at least one).' })
  @ArrayMinSize(1, { message: 'Give at least one scope.' })
  @IsEnum(ApiScope, { each: true })
  scopes!: ApiScope[];

  @Field(() => DateTime, { nullable: true, description: 'When the key stops working (default: never).' })
  @IsOptional()
  expiresAt?: Date | null;

  @Field(() => Int, { nullable: true, description: 'Requests per minute (default 600).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  rateLimitPerMinute?: number | null;
}

@InputType({ description: 'Names an API client.' })
export class ApiClientIdInput {
  @Field(() => ID, { description: 'The API client.' })
  @IsString()
  id!: string;
}
