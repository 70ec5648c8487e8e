import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import type { Person } from '../person/person.entity.js';
import { PersonPolicy } from '../person/person.policy.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { AccountInvitationAcceptInput, AccountInviteManyInput, AccountPersonInput } from './account.inputs.js';
import { AccountPolicy } from './account.policy.js';
import { AccountService } from './account.service.js';
import {
  AccountActivationPayload,
  AccountInvitationObject,
  AccountInvitationOutcome,
  AccountInvitationResultObject,
  AccountInviteManyPayload,
  AccountObject,
  AccountPayload,
  toAccountObject,
} from './account.types.js';

function payload(outcome: MutationOutcome<Person>): AccountPayload {
  return Object.assign(new AccountPayload(), { person: outcome.result ? toPersonObject(outcome.result) : null, errors: outcome.errors });
}

@Resolver()
export class AccountResolver {
  @Query(() => AccountInvitationObject, {
    nullable: true,
    description:
      'What an invitation link is for (the invited first name and address), for the page where the person chooses a password; null when the link does not work (unknown, used, replaced or expired). Open without signing in.',
  })
  async accountInvitation(
    @Arg('token', () => String, { description: 'The token from the invitation link: the last part of `PUBLIC_URL/invitation/<token>`.' })
    token: string,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountInvitationObject | null> {
    const found = await ctx.service(AccountService).invitation(token);
    return found ? Object.assign(new AccountInvitationObject(), found) : null;
  }

  @Mutation(() => AccountActivationPayload, {
    description:
      'Accepts an invitation: the account becomes active with the chosen password, and the link stops working. Open without signing in; sign in afterwards.',
  })
  async accountInvitationAccept(
    @Arg('input', () => AccountInvitationAcceptInput, { description: "The invitation link's token and the chosen password." })
    input: AccountInvitationAcceptInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountActivationPayload> {
    const outcome = await mutationResult(() => ctx.service(AccountService).acceptInvitation(input));
    return Object.assign(new AccountActivationPayload(), { ok: outcome.errors.length === 0, errors: outcome.errors });
  }

  @Mutation(() => AccountPayload, {
    description:
      "Invites a person without an account to sign in: an e-mail in their language carries a single-use link to the portal's page where they choose a password (valid 7 days). Inviting again replaces the earlier link. Administrators invite anyone; organisation admins their organisation's people.",
  })
  async accountInvite(
    @Arg('input', () => AccountPersonInput, { description: 'The person to invite.' }) input: AccountPersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountPayload> {
    return payload(await mutationResult(() => ctx.service(AccountService).invite(input)));
  }

  @Mutation(() => AccountInviteManyPayload, {
    description:
      "Invites everyone of a selection (a list of people, a workplace's people, an organisation's staff or role holders) at once, reporting for each person whether they were invited, already had an account, have no e-mail address, or may not be managed by you.",
  })
  async accountInviteMany(
    @Arg('input', () => AccountInviteManyInput, { description: 'The selection of people to invite.' }) input: AccountInviteManyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountInviteManyPayload> {
    const outcome = await mutationResult(() => ctx.service(AccountService).inviteMany(input));
    const results = (outcome.result ?? []).map((report) =>
      Object.assign(new AccountInvitationResultObject(), {
        personId: toGlobalId('Person', report.personId),
        person: report.person ? toPersonObject(report.person) : null,
        outcome: AccountInvitationOutcome[report.outcome],
        expiresAt: report.expiresAt,
      }),
    );
    return Object.assign(new AccountInviteManyPayload(), {
      results,
      invitedCount: results.filter((result) => result.outcome === AccountInvitationOutcome.INVITED).length,
      errors: outcome.errors,
    });
  }

  @Mutation(() => AccountPayload, {
    description:
      "Deactivates a person's account: their sessions end, their links stop working, and they cannot sign in until it is reactivated. Same rights as inviting; not one's own.",
  })
  async accountDeactivate(
    @Arg('input', () => AccountPersonInput, { description: 'The person whose account to deactivate.' }) input: AccountPersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountPayload> {
    return payload(await mutationResult(() => ctx.service(AccountService).deactivate(input)));
  }

  @Mutation(() => AccountPayload, {
    description: 'Reactivates a deactivated account: the person signs in again with the password they had. Same rights as inviting.',
  })
  async accountReactivate(
    @Arg('input', () => AccountPersonInput, { description: 'The person whose account to reactivate.' }) input: AccountPersonInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AccountPayload> {
    return payload(await mutationResult(() => ctx.service(AccountService).reactivate(input)));
  }
}

/**
 * The request's loader of account locks (by e-mail address): it needs the sign-in throttle, which the
 * request's loader context does not carry, so it is kept beside the request's loaders.
 */
const lockLoaders = new WeakMap<object, DataLoader<string, Date | null>>();
function accountLocks(ctx: RequestContext): DataLoader<string, Date | null> {
  let loader = lockLoaders.get(ctx.loaders);
  if (!loader) {
    const throttle = ctx.dependencies.auth.throttle;
    loader = new DataLoader(async (emails) => {
      const locks = await throttle.accountLocksOf(emails);
      return emails.map((email) => locks.get(email) ?? null);
    });
    lockLoaders.set(ctx.loaders, loader);
  }
  return loader;
}

@Resolver(() => PersonObject)
export class PersonAccountResolver {
  @FieldResolver(() => AccountObject, {
    nullable: true,
    description:
      'Whether the person can sign in (none, invited until when, active with the last sign-in, deactivated); null unless you may see their contact details (as `email`).',
  })
  async account(@Root() person: PersonObject, @Ctx() ctx: RequestContext): Promise<AccountObject | null> {
    const visible =
      PersonPolicy.of(ctx.access).contactScope().everything || (await ctx.loaders.contactDetailsVisible.load(person.entityId));
    if (!visible) return null;
    const policy = AccountPolicy.of(ctx.access);
    const [row, openRoles, lockedUntil] = await Promise.all([
      ctx.loaders.accountState.load(person.entityId),
      policy.managesAccounts() ? ctx.loaders.openRoles.load(person.entityId) : Promise.resolve(null),
      person.contactEmail && !person.erasedAt ? accountLocks(ctx).load(person.contactEmail) : Promise.resolve(null),
    ]);
    const account = toAccountObject(row);
    account.lockedUntil = row?.has_account ? lockedUntil : null;
    account.manageable =
      openRoles !== null && policy.canManage({ homeOrganisationId: person.homeOrganisationEntityId, openRoles }) && !person.erasedAt;
    return account;
  }
}
