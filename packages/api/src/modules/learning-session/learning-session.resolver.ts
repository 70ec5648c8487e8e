import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { LearningModuleObject, toLearningModuleObject } from '../catalogue/catalogue.types.js';
import { ExportFileObject } from '../cost-share/cost-share.types.js';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import { Language } from '../person/person.enums.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { toWorkplaceObject, WorkplaceObject } from '../workplace/workplace.types.js';
import type { LearningAttestation } from './learning-attestation.entity.js';
import { LearningHoursService } from './learning-hours.service.js';
import type { LearningSession } from './learning-session.entity.js';
import {
  LearningHoursAttestInput,
  LearningHoursConfirmInput,
  LearningMonthCloseInput,
  LearningSessionCancelInput,
  LearningSessionCreateInput,
  LearningSessionOrderInput,
  LearningSessionPaperListInput,
  LearningSessionUpdateInput,
} from './learning-session.inputs.js';
import { LearningSessionService } from './learning-session.service.js';
import {
  LearningAttestationObject,
  LearningAttestationPayload,
  LearningMonthCloseObject,
  LearningMonthClosePayload,
  LearningMonthHoursObject,
  LearningParticipantObject,
  LearningSessionConnection,
  LearningSessionObject,
  LearningSessionPayload,
  toLearningAttestationObject,
  toLearningMonthCloseObject,
  toLearningMonthHoursObject,
  toLearningParticipantObject,
  toLearningSessionObject,
} from './learning-session.types.js';

@ArgsType()
class LearningSessionListArgs extends ConnectionArgs {
  @Field(() => ID, { description: 'The workplace whose learning sessions are listed.' })
  workplaceId!: string;

  @Field(() => String, { nullable: true, description: 'Only the sessions held in this month, YYYY-MM.' })
  month?: string | null;

  @Field(() => LearningSessionOrderInput, { nullable: true, description: 'Order of the sessions (default: latest first).' })
  orderBy?: LearningSessionOrderInput | null;
}

const sessionPayload = (outcome: MutationOutcome<LearningSession>) =>
  Object.assign(new LearningSessionPayload(), {
    learningSession: outcome.result ? toLearningSessionObject(outcome.result) : null,
    errors: outcome.errors,
  });

const attestationPayload = (outcome: MutationOutcome<LearningAttestation>) =>
  Object.assign(new LearningAttestationPayload(), {
    attestation: outcome.result ? toLearningAttestationObject(outcome.result) : null,
    errors: outcome.errors,
  });

/** A person named by a session, its hours or their evidence: the name goes with what the caller reads (as a staff list's names do); contact details keep the person module's rules. */
async function personOf(ctx: RequestContext, id: string | null): Promise<PersonObject | null> {
  if (!id) return null;
  const person = await ctx.loaders.employedPerson.load(id);
  return person ? toPersonObject(person) : null;
}

async function workplaceOf(ctx: RequestContext, id: string): Promise<WorkplaceObject | null> {
  const workplace = await ctx.loaders.workplace.load(id);
  return workplace ? toWorkplaceObject(workplace) : null;
}

@Resolver(() => LearningSessionObject)
export class LearningSessionResolver {
  @Query(() => LearningSessionConnection, {
    description: "A workplace's learning sessions, paged (administrators, its organisation's admins, its manager and coordinators).",
  })
  async learningSessions(@Args() args: LearningSessionListArgs, @Ctx() ctx: RequestContext): Promise<Connection<LearningSessionObject>> {
    const page = toPageRequest(args, args.orderBy ?? new LearningSessionOrderInput());
    return mapConnection(
      await ctx.service(LearningSessionService).list(args.workplaceId, args.month ?? null, page),
      toLearningSessionObject,
    );
  }

  @Query(() => LearningSessionObject, {
    nullable: true,
    description: 'One learning session by id; null when there is none the caller may read.',
  })
  async learningSession(
    @Arg('id', () => ID, { description: 'Global id of the learning session.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningSessionObject | null> {
    const decoded = fromGlobalId(id, 'LearningSession');
    const session = decoded ? await ctx.loaders.learningSession.load(decoded.id) : null;
    return session ? toLearningSessionObject(session) : null;
  }

  @Query(() => [LearningMonthHoursObject], {
    description: "A person's learning hours per month and workplace, latest first: their own, or those of workplaces the caller reads.",
  })
  async learningHours(
    @Arg('personId', () => ID, { description: 'The participant whose hours are asked for.' }) personId: string,
    @Arg('fromMonth', () => String, { nullable: true, description: 'The first month included, YYYY-MM.' }) fromMonth: string | null,
    @Arg('toMonth', () => String, { nullable: true, description: 'The last month included, YYYY-MM.' }) toMonth: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningMonthHoursObject[]> {
    return (await ctx.service(LearningHoursService).monthHours(personId, fromMonth ?? null, toMonth ?? null)).map(
      toLearningMonthHoursObject,
    );
  }

  @Query(() => [LearningMonthCloseObject], {
    description: 'The closed months: county-wide ones and those of the organisations the caller reads.',
  })
  async learningMonthCloses(@Ctx() ctx: RequestContext): Promise<LearningMonthCloseObject[]> {
    return (await ctx.service(LearningHoursService).closes()).map(toLearningMonthCloseObject);
  }

  @Query(() => ExportFileObject, {
    description:
      "The funder's participant attendance report of a project and month as XLSX: a row per participant with the employer's organisation number, the personal identity number and the attested hours per day (administrators).",
  })
  async learningFunderReport(
    @Arg('funderReference', () => String, { description: "The funder's project reference number the sessions were registered with." })
    funderReference: string,
    @Arg('month', () => String, { description: 'The month reported, YYYY-MM.' }) month: string,
    @Arg('language', () => Language, { defaultValue: Language.SV, description: 'Language of the headings (Swedish by default).' })
    language: Language,
    @Ctx() ctx: RequestContext,
  ): Promise<ExportFileObject> {
    const file = await ctx.service(LearningHoursService).funderReport(funderReference, month, language === Language.EN ? 'en' : 'sv');
    return Object.assign(new ExportFileObject(), {
      fileName: file.fileName,
      contentType: file.contentType,
      contentBase64: file.content.toString('base64'),
    });
  }

  @Mutation(() => LearningSessionPayload, {
    description:
      "Registers a learning session held at a workplace, with its participants' hours (its manager, coordinators, organisation admins, administrators).",
  })
  async learningSessionCreate(
    @Arg('input', () => LearningSessionCreateInput, { description: 'The workplace, the day and times, and the participants.' })
    input: LearningSessionCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningSessionPayload> {
    return sessionPayload(await mutationResult(() => ctx.service(LearningSessionService).create(input)));
  }

  @Mutation(() => LearningSessionPayload, {
    description:
      "Records a learning session from a paper attendance list signed by the participants and a manager: both attestation steps are the list's (the workplace's manager or coordinator).",
  })
  async learningSessionRecordPaperList(
    @Arg('input', () => LearningSessionPaperListInput, { description: 'The session as on the list, and the manager who signed it.' })
    input: LearningSessionPaperListInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningSessionPayload> {
    return sessionPayload(await mutationResult(() => ctx.service(LearningSessionService).recordPaperList(input, ctx.http.address)));
  }

  @Mutation(() => LearningSessionPayload, {
    description: 'Changes a learning session whose hours nobody has signed yet, in an open month.',
  })
  async learningSessionUpdate(
    @Arg('input', () => LearningSessionUpdateInput, { description: 'The session and what changes in it.' })
    input: LearningSessionUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningSessionPayload> {
    return sessionPayload(await mutationResult(() => ctx.service(LearningSessionService).update(input)));
  }

  @Mutation(() => LearningSessionPayload, { description: 'Cancels a learning session that did not take place; its hours go.' })
  async learningSessionCancel(
    @Arg('input', () => LearningSessionCancelInput, { description: 'The session and why it was cancelled.' })
    input: LearningSessionCancelInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningSessionPayload> {
    return sessionPayload(await mutationResult(() => ctx.service(LearningSessionService).cancel(input)));
  }

  @Mutation(() => LearningAttestationPayload, {
    description: 'The signed-in participant confirms their own hours of a month at a workplace (the first attestation step).',
  })
  async learningHoursConfirm(
    @Arg('input', () => LearningHoursConfirmInput, { description: 'The workplace and the month confirmed.' })
    input: LearningHoursConfirmInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningAttestationPayload> {
    return attestationPayload(await mutationResult(() => ctx.service(LearningHoursService).confirm(input, ctx.http.address)));
  }

  @Mutation(() => LearningAttestationPayload, {
    description: "The workplace's manager attests a participant's confirmed hours of a month (the second attestation step).",
  })
  async learningHoursAttest(
    @Arg('input', () => LearningHoursAttestInput, { description: 'The workplace, the participant and the month attested.' })
    input: LearningHoursAttestInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningAttestationPayload> {
    return attestationPayload(await mutationResult(() => ctx.service(LearningHoursService).attest(input, ctx.http.address)));
  }

  @Mutation(() => LearningMonthClosePayload, {
    description:
      'Closes a month for learning hours, county-wide or for one organisation: nothing in it changes afterwards (administrators).',
  })
  async learningMonthClose(
    @Arg('input', () => LearningMonthCloseInput, { description: 'The month, and the organisation when not county-wide.' })
    input: LearningMonthCloseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningMonthClosePayload> {
    const outcome = await mutationResult(() => ctx.service(LearningHoursService).closeMonth(input));
    return Object.assign(new LearningMonthClosePayload(), {
      monthClose: outcome.result ? toLearningMonthCloseObject(outcome.result) : null,
      errors: outcome.errors,
    });
  }

  @FieldResolver(() => WorkplaceObject, { nullable: true, description: 'The workplace the session was held at.' })
  workplace(@Root() session: LearningSessionObject, @Ctx() ctx: RequestContext): Promise<WorkplaceObject | null> {
    return workplaceOf(ctx, session.workplaceEntityId);
  }

  @FieldResolver(() => [LearningModuleObject], { description: 'The learning modules taught (those the caller may see).' })
  async modules(@Root() session: LearningSessionObject, @Ctx() ctx: RequestContext): Promise<LearningModuleObject[]> {
    const modules = await ctx.loaders.learningModule.loadMany(session.moduleEntityIds);
    return modules.flatMap((module) => (module && !(module instanceof Error) ? [toLearningModuleObject(module)] : []));
  }

  @FieldResolver(() => PersonObject, {
    nullable: true,
    description: 'The teacher assigned; null when none (or not visible to the caller).',
  })
  teacher(@Root() session: LearningSessionObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    return personOf(ctx, session.teacherEntityId);
  }

  @FieldResolver(() => PersonObject, { nullable: true, description: 'Who registered the session; null if not visible to the caller.' })
  registeredBy(@Root() session: LearningSessionObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    return personOf(ctx, session.registeredByEntityId);
  }

  @FieldResolver(() => PersonObject, {
    nullable: true,
    description: 'The manager who signed the paper attendance list; null when the session was not recorded from one.',
  })
  paperListSignedBy(@Root() session: LearningSessionObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    return personOf(ctx, session.paperListSignedByEntityId);
  }

  @FieldResolver(() => [LearningParticipantObject], { description: 'The participants and their hours (none once cancelled).' })
  async participants(@Root() session: LearningSessionObject, @Ctx() ctx: RequestContext): Promise<LearningParticipantObject[]> {
    return (await ctx.loaders.learningSessionHours.load(session.entityId)).map(toLearningParticipantObject);
  }
}

@Resolver(() => LearningParticipantObject)
export class LearningParticipantResolver {
  @FieldResolver(() => PersonObject, { nullable: true, description: 'The participant; null if the caller may not see the person.' })
  person(@Root() participant: LearningParticipantObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    return personOf(ctx, participant.personEntityId);
  }

  @FieldResolver(() => LearningAttestationObject, {
    nullable: true,
    description: "The participant's confirmation covering these hours; null until confirmed.",
  })
  async confirmation(
    @Root() participant: LearningParticipantObject,
    @Ctx() ctx: RequestContext,
  ): Promise<LearningAttestationObject | null> {
    if (!participant.confirmationEntityId) return null;
    const step = await ctx.loaders.learningAttestation.load(participant.confirmationEntityId);
    return step ? toLearningAttestationObject(step) : null;
  }

  @FieldResolver(() => LearningAttestationObject, {
    nullable: true,
    description: "The manager's attestation covering these hours; null until attested.",
  })
  async attestation(@Root() participant: LearningParticipantObject, @Ctx() ctx: RequestContext): Promise<LearningAttestationObject | null> {
    if (!participant.attestationEntityId) return null;
    const step = await ctx.loaders.learningAttestation.load(participant.attestationEntityId);
    return step ? toLearningAttestationObject(step) : null;
  }
}

@Resolver(() => LearningAttestationObject)
export class LearningAttestationResolver {
  @FieldResolver(() => PersonObject, { nullable: true, description: 'The participant whose hours the step covers.' })
  participant(@Root() step: LearningAttestationObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    return personOf(ctx, step.participantEntityId);
  }

  @FieldResolver(() => PersonObject, {
    nullable: true,
    description: 'Who signed the step (for a paper list: the participant, then the named manager).',
  })
  signedBy(@Root() step: LearningAttestationObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    return personOf(ctx, step.signedByEntityId);
  }

  @FieldResolver(() => PersonObject, {
    nullable: true,
    description: 'Who recorded the paper attendance list; null for steps signed in the system.',
  })
  recordedBy(@Root() step: LearningAttestationObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    return personOf(ctx, step.recordedByEntityId);
  }

  @FieldResolver(() => WorkplaceObject, { nullable: true, description: 'The workplace whose sessions the hours are from.' })
  workplace(@Root() step: LearningAttestationObject, @Ctx() ctx: RequestContext): Promise<WorkplaceObject | null> {
    return workplaceOf(ctx, step.workplaceEntityId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: 'The client address the step was signed (or the paper list recorded) from; administrators only, null for others.',
  })
  ipAddress(@Root() step: LearningAttestationObject, @Ctx() ctx: RequestContext): string | null {
    return ctx.access.isAdministrator ? step.ipAddressValue : null;
  }
}

@Resolver(() => LearningMonthHoursObject)
export class LearningMonthHoursResolver {
  @FieldResolver(() => WorkplaceObject, {
    nullable: true,
    description: 'The workplace whose sessions the hours are from (the participant sees it for their own hours); null if not visible.',
  })
  async workplace(@Root() row: LearningMonthHoursObject, @Ctx() ctx: RequestContext): Promise<WorkplaceObject | null> {
    const visible = await workplaceOf(ctx, row.workplaceEntityId);
    if (visible || !ctx.access.isSelf(row.personEntityId)) return visible;
    // A participant confirms their month by its workplace, which the directory may not otherwise show them.
    const own = await ctx.loaders.ownHoursWorkplace.load(row.workplaceEntityId);
    return own ? toWorkplaceObject(own) : null;
  }

  @FieldResolver(() => PersonObject, { nullable: true, description: 'The participant; null if the caller may not see the person.' })
  person(@Root() row: LearningMonthHoursObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    return personOf(ctx, row.personEntityId);
  }
}

@Resolver(() => LearningMonthCloseObject)
export class LearningMonthCloseResolver {
  @FieldResolver(() => OrganisationObject, {
    nullable: true,
    description: 'The organisation the month is closed for; null when county-wide.',
  })
  async organisation(@Root() close: LearningMonthCloseObject, @Ctx() ctx: RequestContext): Promise<OrganisationObject | null> {
    if (!close.organisationEntityId) return null;
    const organisation = await ctx.loaders.organisation.load(close.organisationEntityId);
    return organisation ? toOrganisationObject(organisation) : null;
  }

  @FieldResolver(() => PersonObject, { nullable: true, description: 'The administrator who closed the month.' })
  closedBy(@Root() close: LearningMonthCloseObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    return personOf(ctx, close.closedByEntityId);
  }
}
