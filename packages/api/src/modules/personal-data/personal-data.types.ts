import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { LocalDate } from '../../platform/graphql/scalars.js';
import { PersonObject } from '../person/person.types.js';

@ObjectType('ErasureRetention', { description: 'Records an erasure kept about the person, with their identity removed, and why.' })
export class ErasureRetentionObject {
  @Field(() => String, { description: 'What was kept, e.g. "attested learning hours".' })
  what!: string;

  @Field(() => Int, { description: 'How many records were kept.' })
  count!: number;

  @Field(() => String, { description: 'Why they were kept (the rule that requires them).' })
  why!: string;

  @Field(() => LocalDate, { nullable: true, description: 'The day they are purged at the latest; null when no retention period applies.' })
  purgedBy!: string | null;
}

@ObjectType('PersonErasePayload', { implements: MutationPayload, description: "Result of erasing a person's personal data." })
export class PersonErasePayload extends MutationPayload {
  @Field(() => PersonObject, { nullable: true, description: 'The person as they are now, anonymised; null when the erasure failed.' })
  person: PersonObject | null = null;

  @Field(() => [ErasureRetentionObject], {
    description: 'What was kept about the person, with their identity removed, and why (empty: nothing).',
  })
  retained: ErasureRetentionObject[] = [];
}
