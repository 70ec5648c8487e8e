import { IsBoolean, IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import { NotBlank } from '../../platform/validators.js';
import { OfferingStatus } from '../offering/offering.enums.js';
import { OfferingSettingsInput } from '../offering/offering.inputs.js';
import { EventKind } from './event.entity.js';
import { MultiLineText } from '../../platform/text.js';

@InputType({ description: 'A new event: a kick-off, an information session; add its sessions with sessionCreate.' })
export class EventCreateInput extends OfferingSettingsInput {
  @Field(() => EventKind, { description: 'What kind of event the new one is.' })
  @IsEnum(EventKind)
  kind!: EventKind;

  @Field(() => String, { description: 'Name, e.g. "Informationsträff för arbetsplatskoordinatorer".' })
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name!: string;

  @Field(() => String, { nullable: true, description: 'What the new event is about, shown to those who may register.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;
}

@InputType({ description: 'Registers a person (default: yourself) for an event.' })
export class EventRegisterInput {
  @Field(() => ID, { description: 'The event.' })
  @IsString()
  eventId!: string;

  @Field(() => ID, { nullable: true, description: 'Who (default: the signed-in person).' })
  @IsOptional()
  @IsString()
  personId?: string | null;
}

@InputType({
  description: 'Changes to an event; fields left out stay as they are. Raising the capacity gives the new places to the waitlist at once.',
})
export class EventUpdateInput {
  @Field(() => ID, { description: 'The event.' })
  @IsString()
  id!: string;

  @Field(() => String, { nullable: true, description: 'A new name for the event.' })
  @IsOptional()
  @IsString()
  @NotBlank()
  @MaxLength(200)
  name?: string | null;

  @Field(() => String, { nullable: true, description: 'A new text about what the event is about.' })
  @MultiLineText()
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  description?: string | null;

  @Field(() => Int, { nullable: true, description: 'New number of places (not below those confirmed or offered).' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  capacity?: number | null;

  @Field(() => OfferingStatus, { nullable: true, description: 'New status (e.g. OPEN to take registrations).' })
  @IsOptional()
  @IsEnum(OfferingStatus)
  status?: OfferingStatus | null;
}

@InputType({ description: 'Narrows the list of events.' })
export class EventFilterInput {
  @Field(() => OfferingStatus, { nullable: true, description: 'Only events with this status.' })
  @IsOptional()
  @IsEnum(OfferingStatus)
  status?: OfferingStatus | null;

  @Field(() => EventKind, { nullable: true, description: 'Only events of this kind.' })
  @IsOptional()
  @IsEnum(EventKind)
  kind?: EventKind | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only events taking registrations right now (OPEN and within their registration window); false: only the others.',
  })
  @IsOptional()
  @IsBoolean()
  openForRegistration?: boolean | null;

  @Field(() => ID, {
    nullable: true,
    description:
      'Only those this person (e.g. `me.id`, or your workplace coordinator) may register for now: open, inside the registration window, with the person in the audience. Empty for a person you may not see.',
  })
  @IsOptional()
  @IsString()
  registrableBy?: string | null;
}
