import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { IdentityNumberPolicy } from './identity-number.policy.js';
import { IdentityNumberService } from './identity-number.service.js';

/** `Person.identityNumber` and finding a person by number; both for administrators only. */
@Resolver(() => PersonObject)
export class IdentityNumberResolver {
  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Swedish personal identity number or coordination number, as YYYYMMDD-NNNN (stored encrypted). Null unless you are an administrator, or when none is recorded; organisation admins may set it but not read it.',
  })
  async identityNumber(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<string | null> {
    if (!IdentityNumberPolicy.of(ctx.access).canRead()) return null;
    const row = await ctx.loaders.sealedIdentityNumber.load(person.entityId);
    return row ? ctx.service(IdentityNumberService).reveal(row) : null;
  }

  @Query(() => PersonObject, {
    nullable: true,
    description:
      'The person with this personal identity number, found through its keyed hash (for imports and matching); null when nobody has it. Administrators only: others get FORBIDDEN.',
  })
  async personByIdentityNumber(
    @Arg('identityNumber', () => String, {
      description:
        'The number in any accepted form: YYYYMMDD-NNNN, YYYYMMDDNNNN, YYMMDD-NNNN or YYMMDD+NNNN; an invalid one gives BAD_USER_INPUT.',
    })
    identityNumber: string,
    @Ctx() ctx: RequestContext,
  ): Promise<PersonObject | null> {
    const personId = await ctx.service(IdentityNumberService).findPersonId(identityNumber);
    const person = personId ? await ctx.loaders.person.load(personId) : null;
    return person ? toPersonObject(person) : null;
  }
}
