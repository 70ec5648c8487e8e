import { IsString, MaxLength, MinLength } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'Confirms a second factor being set up, with a code from the authenticator app.' })
export class SecondFactorConfirmInput {
  @Field(() => String, { description: 'The six-digit code the authenticator app shows now.' })
  @IsString()
  @MinLength(6, { message: 'Must be the six digits the app shows.' })
  @MaxLength(12)
  code!: string;
}

@InputType({ description: "Turns off someone's second factor (administrators)." })
export class SecondFactorResetInput {
  @Field(() => ID, { description: 'The person whose second factor is turned off; they set up a new one at their next sign-in.' })
  @IsString()
  personId!: string;
}
