import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { MutationPayload, mutationResult } from '../../platform/errors/mutation-payload.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { SecondFactorConfirmInput, SecondFactorResetInput } from './second-factor.inputs.js';
import { SecondFactorService } from './second-factor.service.js';

@ObjectType('SecondFactorStatus', { description: "The signed-in person's second factor (TOTP with recovery codes)." })
class SecondFactorStatusObject {
  @Field(() => Boolean, { description: 'Whether sign-in asks for a code from the authenticator app (or a recovery code).' })
  enabled!: boolean;

  @Field(() => Boolean, {
    description: 'Whether the person must turn it on before they can do anything else (administrators, in production).',
  })
  required!: boolean;

  @Field(() => Int, { description: 'Recovery codes not used yet; 0 when the second factor is off.' })
  recoveryCodesLeft!: number;
}

@ObjectType('SecondFactorSetupPayload', { implements: MutationPayload, description: 'A new second-factor secret, shown this once.' })
class SecondFactorSetupPayload extends MutationPayload {
  @Field(() => String, {
    nullable: true,
    description: 'The `otpauth://totp/…` URI for the authenticator app (show it as a QR code); answered only here.',
  })
  otpauthUri: string | null = null;

  @Field(() => String, { nullable: true, description: 'The same secret in Base32, for typing into the app by hand; answered only here.' })
  secret: string | null = null;
}

@ObjectType('SecondFactorConfirmPayload', {
  implements: MutationPayload,
  description: 'The second factor is on; the recovery codes, this once.',
})
class SecondFactorConfirmPayload extends MutationPayload {
  @Field(() => [String], {
    description: 'Ten single-use recovery codes, each standing in for the app once; only their hashes are kept. Empty on failure.',
  })
  recoveryCodes: string[] = [];
}

@ObjectType('SecondFactorResetPayload', { implements: MutationPayload, description: "Result of resetting someone's second factor." })
class SecondFactorResetPayload extends MutationPayload {
  @Field(() => PersonObject, { nullable: true, description: 'The person whose second factor is off now; null on failure.' })
  person: PersonObject | null = null;
}

function signedIn(ctx: RequestContext) {
  if (ctx.actor.kind !== 'person') throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
  return ctx.actor;
}

@Resolver()
export class SecondFactorResolver {
  @Query(() => SecondFactorStatusObject, { description: "The signed-in person's second factor: whether it is on, or required of them." })
  async secondFactor(@Ctx() ctx: RequestContext): Promise<SecondFactorStatusObject> {
    const actor = signedIn(ctx);
    const status = await ctx.service(SecondFactorService).status(actor.personId);
    return { ...status, required: !status.enabled && actor.mustSetUpSecondFactor === true };
  }

  @Mutation(() => SecondFactorSetupPayload, {
    description: 'Starts turning on a second factor for the signed-in person: a new TOTP secret, to confirm with secondFactorConfirm.',
  })
  async secondFactorSetup(@Ctx() ctx: RequestContext): Promise<SecondFactorSetupPayload> {
    const actor = signedIn(ctx);
    const outcome = await mutationResult(() => ctx.service(SecondFactorService).setup(actor.personId));
    return Object.assign(new SecondFactorSetupPayload(), { ...(outcome.result ?? {}), errors: outcome.errors });
  }

  @Mutation(() => SecondFactorConfirmPayload, {
    description: 'Turns the second factor on with a code from the authenticator app; from then on sign-in asks for a code.',
  })
  async secondFactorConfirm(
    @Arg('input', () => SecondFactorConfirmInput, { description: 'A code the app shows for the secret from secondFactorSetup.' })
    input: SecondFactorConfirmInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SecondFactorConfirmPayload> {
    const actor = signedIn(ctx);
    const outcome = await mutationResult(() => ctx.service(SecondFactorService).confirm(actor.personId, input, ctx.requestId));
    return Object.assign(new SecondFactorConfirmPayload(), { recoveryCodes: outcome.result ?? [], errors: outcome.errors });
  }

  @Mutation(() => SecondFactorResetPayload, {
    description: "Turns off a person's second factor and ends their sessions (administrators only; recorded in the audit trail).",
  })
  async secondFactorReset(
    @Arg('input', () => SecondFactorResetInput, { description: 'Whose second factor to turn off.' }) input: SecondFactorResetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SecondFactorResetPayload> {
    signedIn(ctx);
    const outcome = await mutationResult(() => ctx.service(SecondFactorService).reset(input));
    return Object.assign(new SecondFactorResetPayload(), {
      person: outcome.result ? toPersonObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }
}
