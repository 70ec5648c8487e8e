import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { LocalDate } from '../../platform/graphql/scalars.js';
import { todayInSweden } from '../../platform/swedish-time.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { agreementStatusOn, AgreementStatus } from './agreement-period.js';
import type { Agreement } from './agreement.entity.js';
import { AgreementCreateInput, AgreementGiveNoticeInput, AgreementUpdateInput, AgreementWithdrawNoticeInput } from './agreement.inputs.js';
import { AgreementPolicy } from './agreement.policy.js';
import { AgreementService } from './agreement.service.js';
import { AgreementObject, AgreementPayload, toAgreementObject } from './agreement.types.js';

function payload(outcome: MutationOutcome<Agreement>): AgreementPayload {
  return Object.assign(new AgreementPayload(), {
    agreement: outcome.result ? toAgreementObject(outcome.result) : null,
    errors: outcome.errors,
  });
}

@Resolver(() => AgreementObject)
export class AgreementResolver {
  @Query(() => [AgreementObject], {
    description: "Every member's agreements, by organisation name (a few hundred at national scale, so not paged).",
  })
  async agreements(
    @Arg('status', () => AgreementStatus, { nullable: true, description: 'Only agreements in this state on `on`.' })
    status: AgreementStatus | null,
    @Arg('on', () => LocalDate, { nullable: true, description: 'The day `status` is judged on (default: today in Sweden).' })
    on: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<AgreementObject[]> {
    return (await ctx.service(AgreementService).list(status ?? null, on ?? null)).map(toAgreementObject);
  }

  @Mutation(() => AgreementPayload, { description: "Enters a member's signed cooperation agreement (administrators)." })
  async agreementCreate(
    @Arg('input', () => AgreementCreateInput, { description: 'The organisation, the dates, the notice period and the services.' })
    input: AgreementCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AgreementPayload> {
    return payload(await mutationResult(() => ctx.service(AgreementService).create(input)));
  }

  @Mutation(() => AgreementPayload, { description: "Corrects an agreement's dates, notice period or services (administrators)." })
  async agreementUpdate(
    @Arg('input', () => AgreementUpdateInput, { description: 'The agreement and the corrected terms; fields left out stay as they are.' })
    input: AgreementUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AgreementPayload> {
    return payload(await mutationResult(() => ctx.service(AgreementService).update(input)));
  }

  @Mutation(() => AgreementPayload, { description: 'Records the notice a member gave; the end date follows (administrators).' })
  async agreementGiveNotice(
    @Arg('input', () => AgreementGiveNoticeInput, { description: 'The agreement and the day notice was given.' })
    input: AgreementGiveNoticeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AgreementPayload> {
    return payload(await mutationResult(() => ctx.service(AgreementService).giveNotice(input)));
  }

  @Mutation(() => AgreementPayload, { description: 'Withdraws the notice on an agreement, which rolls on again (administrators).' })
  async agreementWithdrawNotice(
    @Arg('input', () => AgreementWithdrawNoticeInput, { description: 'The agreement whose notice is taken back.' })
    input: AgreementWithdrawNoticeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<AgreementPayload> {
    return payload(await mutationResult(() => ctx.service(AgreementService).withdrawNotice(input)));
  }

  @FieldResolver(() => AgreementStatus, { description: 'Where the agreement stands on a day.' })
  status(
    @Root() agreement: AgreementObject,
    @Arg('on', () => LocalDate, { nullable: true, description: 'The day asked about (default: today in Sweden).' }) on: string | null,
  ): AgreementStatus {
    return agreementStatusOn(agreement.noticePeriod, on ?? todayInSweden());
  }

  @FieldResolver(() => OrganisationObject, { description: 'The member organisation that signed the agreement.' })
  async organisation(@Root() agreement: AgreementObject, @Ctx() ctx: RequestContext): Promise<OrganisationObject> {
    const organisation = await ctx.loaders.organisation.load(agreement.organisationEntityId);
    return toOrganisationObject(organisation!);
  }
}

@Resolver(() => OrganisationObject)
export class OrganisationAgreementsResolver {
  @FieldResolver(() => [AgreementObject], { description: "The organisation's cooperation agreements, oldest first." })
  async agreements(@Root() organisation: OrganisationObject, @Ctx() ctx: RequestContext): Promise<AgreementObject[]> {
    if (!AgreementPolicy.of(ctx.access).canRead()) return [];
    return (await ctx.loaders.agreementsOfOrganisation.load(organisation.entityId)).map(toAgreementObject);
  }
}
