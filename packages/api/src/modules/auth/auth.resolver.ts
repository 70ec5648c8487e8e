import { GraphQLError } from 'graphql';
import { Arg, Ctx, Field, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { MutationPayload, mutationResult } from '../../platform/errors/mutation-payload.js';
import { UserErrorCode } from '../../platform/errors/user-error.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { PasswordChangeInput, PasswordResetInput, PasswordResetRequestInput, SignInInput } from './auth.inputs.js';
import { AuthService } from './auth.service.js';

@ObjectType('SignInPayload', { implements: MutationPayload, description: 'Result of signing in: the session cookie is set on success.' })
class SignInPayload extends MutationPayload {
  @Field(() => PersonObject, { nullable: true, description: 'The signed-in person; null when signing in failed.' })
  me: PersonObject | null = null;

  @Field(() => Boolean, {
    description:
      'True when the password was right but the account has a second factor: sign in again with `secondFactorCode` (the code was missing or wrong).',
  })
  secondFactorRequired: boolean = false;
}

@ObjectType('AuthPayload', { implements: MutationPayload, description: 'Result of a sign-in related change.' })
class AuthPayload extends MutationPayload {
  @Field(() => Boolean, { description: 'Whether the change was made.' })
  ok: boolean = false;
}

function requirePerson(ctx: RequestContext) {
  if (ctx.actor.kind !== 'person') throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED' } });
  return ctx.actor;
}

@Resolver()
export class AuthResolver {
  @Query(() => PersonObject, {
    nullable: true,
    description: 'The signed-in person (with `roles`: what they hold today); null when not signed in.',
  })
  async me(@Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    if (ctx.actor.kind !== 'person') return null;
    const person = await ctx.loaders.person.load(ctx.actor.personId);
    return person ? toPersonObject(person) : null;
  }

  @Mutation(() => SignInPayload, { description: 'Signs in with e-mail and password; sets an HttpOnly session cookie.' })
  async signIn(
    @Arg('input', () => SignInInput, { description: "The account's e-mail address and password." }) input: SignInInput,
    @Ctx() ctx: RequestContext,
  ): Promise<SignInPayload> {
    const service = ctx.service(AuthService);
    const outcome = await mutationResult(() => service.signIn(input, ctx.http.address));
    if (outcome.result) {
      ctx.http.setSessionCookie(outcome.result.token, outcome.result.cookieExpiresAt);
      ctx.switchActor(await service.resolveActor(outcome.result.token, ctx.today));
    }
    return Object.assign(new SignInPayload(), {
      me: outcome.result ? toPersonObject(outcome.result.person) : null,
      secondFactorRequired: outcome.errors.some(
        (error) => error.code === UserErrorCode.SECOND_FACTOR_REQUIRED || error.code === UserErrorCode.INVALID_SECOND_FACTOR,
      ),
      errors: outcome.errors,
    });
  }

  @Mutation(() => AuthPayload, { description: 'Ends the current session and clears its cookie.' })
  async signOut(@Ctx() ctx: RequestContext): Promise<AuthPayload> {
    if (ctx.actor.kind === 'person') await ctx.service(AuthService).signOut(ctx.actor.sessionId, ctx.actor.personId);
    ctx.http.clearSessionCookie();
    return Object.assign(new AuthPayload(), { ok: true, errors: [] });
  }

  @Mutation(() => AuthPayload, { description: "Changes the signed-in person's password; their other sessions end." })
  async passwordChange(
    @Arg('input', () => PasswordChangeInput, { description: 'Current and new password.' }) input: PasswordChangeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    const actor = requirePerson(ctx);
    const outcome = await mutationResult(() =>
      ctx.service(AuthService).changePassword(actor.personId, actor.sessionId, input, ctx.http.address, ctx.requestId),
    );
    return Object.assign(new AuthPayload(), { ok: outcome.errors.length === 0, errors: outcome.errors });
  }

  @Mutation(() => AuthPayload, {
    description:
      "Sends a link to the portal's reset page (`PUBLIC_URL/reset-password/<token>`, single use, valid an hour) if the address has an account that may sign in. Answers the same either way; at most three requests an hour per address, and fewer per client, are served (`TOO_MANY_ATTEMPTS` beyond).",
  })
  async passwordResetRequest(
    @Arg('input', () => PasswordResetRequestInput, { description: 'The e-mail address.' }) input: PasswordResetRequestInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    const outcome = await mutationResult(() => ctx.service(AuthService).requestPasswordReset(input, ctx.http.address));
    return Object.assign(new AuthPayload(), { ok: outcome.errors.length === 0, errors: outcome.errors });
  }

  @Mutation(() => AuthPayload, {
    description:
      'Sets a new password with the token of a reset link (the last part of `PUBLIC_URL/reset-password/<token>`; single use, expiring); every session of the person ends.',
  })
  async passwordReset(
    @Arg('input', () => PasswordResetInput, { description: 'Token and new password.' }) input: PasswordResetInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AuthPayload> {
    const outcome = await mutationResult(() => ctx.service(AuthService).resetPassword(input, ctx.requestId));
    return Object.assign(new AuthPayload(), { ok: outcome.errors.length === 0, errors: outcome.errors });
  }
}
