import { IsOptional, IsString } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({
  description: "A new calendar feed: your own sessions (the default), another person's (administrators), a cohort's or a network's.",
})
export class CalendarFeedCreateInput {
  @Field(() => ID, { nullable: true, description: 'The person whose sessions the feed shows (default: yourself). Not with cohortId.' })
  @IsOptional()
  @IsString()
  personId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The cohort whose sessions the feed shows. Not with personId or networkId.' })
  @IsOptional()
  @IsString()
  cohortId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The network whose meetings the feed shows. Not with personId or cohortId.' })
  @IsOptional()
  @IsString()
  networkId?: string | null;
}

@InputType({ description: 'A calendar feed to revoke.' })
export class CalendarFeedRevokeInput {
  @Field(() => ID, { description: 'The feed.' })
  @IsString()
  id!: string;
}
