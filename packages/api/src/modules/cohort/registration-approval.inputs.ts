import { IsString, MaxLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { NotBlank } from '../../platform/validators.js';

@InputType({ description: 'Approves a registration awaiting approval: it takes a place if there is room, else joins the waitlist.' })
export class RegistrationApproveInput {
  @Field(() => ID, { description: 'The registration awaiting approval.' })
  @IsString()
  id!: string;
}

@InputType({ description: 'Rejects a registration awaiting approval; the person is told the reason and may register again.' })
export class RegistrationRejectInput {
  @Field(() => ID, { description: 'The registration awaiting approval.' })
  @IsString()
  id!: string;

  @Field(() => String, { description: 'Why, in words meant for the person (1 to 500 characters).' })
  @IsString()
  @NotBlank()
  @MaxLength(500)
  reason!: string;
}
