import { GraphQLJSON } from 'graphql-scalars';
import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { PersonEraseInput } from '../person/person.inputs.js';
import { toPersonObject } from '../person/person.types.js';
import { ErasureRetentionObject, PersonErasePayload } from './personal-data.types.js';
import { PersonalDataService } from './personal-data.service.js';

@Resolver()
export class PersonalDataResolver {
  @Query(() => GraphQLJSON, {
    nullable: true,
    description: 'Everything the system holds about a person, as JSON (GDPR register extract; administrators only).',
  })
  async personDataExport(
    @Arg('id', () => ID, { description: 'Global id of the person.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<unknown> {
    const decoded = fromGlobalId(id, 'Person');
    return decoded ? ctx.service(PersonalDataService).export(decoded.id) : null;
  }

  @Mutation(() => PersonErasePayload, {
    description: "Erases a person's personal data for good (GDPR; administrators only). Role history stays, anonymous.",
  })
  async personErase(
    @Arg('input', () => PersonEraseInput, {
      description: 'The person whose personal data is erased, and the confirmation that the erasure cannot be undone.',
    })
    input: PersonEraseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonErasePayload> {
    const outcome = await mutationResult(() => ctx.service(PersonalDataService).erase(input));
    return Object.assign(new PersonErasePayload(), {
      person: outcome.result ? toPersonObject(outcome.result.person) : null,
      retained: (outcome.result?.retained ?? []).map((kept) => Object.assign(new ErasureRetentionObject(), kept)),
      errors: outcome.errors,
    });
  }
}
