import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { mutationResult, type MutationOutcome } from '../../platform/errors/mutation-payload.js';
import { fromGlobalId } from '../../platform/graphql/global-id.js';
import { mapConnection, type Connection } from '../../platform/pagination/connection.js';
import { ConnectionArgs, toPageRequest } from '../../platform/pagination/connection-args.js';
import { LearningTrackObject, toLearningTrackObject } from '../catalogue/catalogue.types.js';
import { PersonObject, toPersonObject } from '../person/person.types.js';
import { toWorkplaceObject, WorkplaceObject } from '../workplace/workplace.types.js';
import type { ActionPlan } from './action-plan.entity.js';
import {
  ActionPlanCreateInput,
  ActionPlanFilterInput,
  ActionPlanOrderInput,
  ActionPlanProposeScheduleInput,
  ActionPlanSendBackInput,
  ActionPlanStepInput,
  ActionPlanUpdateInput,
} from './action-plan.inputs.js';
import { ActionPlanService } from './action-plan.service.js';
import {
  ActionPlanConnection,
  ActionPlanObject,
  ActionPlanPayload,
  ActionPlanStepObject,
  PlannedSessionObject,
  ScheduleEntryObject,
  toActionPlanObject,
  toActionPlanStepObject,
} from './action-plan.types.js';

@ArgsType()
class ActionPlanListArgs extends ConnectionArgs {
  @Field(() => ActionPlanFilterInput, { nullable: true, description: 'Which action plans.' })
  filter?: ActionPlanFilterInput | null;

  @Field(() => ActionPlanOrderInput, { nullable: true, description: 'Order of the action plans (default: latest period first).' })
  orderBy?: ActionPlanOrderInput | null;
}

const payload = (outcome: MutationOutcome<ActionPlan>) =>
  Object.assign(new ActionPlanPayload(), {
    actionPlan: outcome.result ? toActionPlanObject(outcome.result) : null,
    errors: outcome.errors,
  });

async function trackOf(ctx: RequestContext, id: string | null): Promise<LearningTrackObject | null> {
  if (!id) return null;
  const track = await ctx.loaders.learningTrack.load(id);
  return track ? toLearningTrackObject(track) : null;
}

@Resolver(() => ActionPlanObject)
export class ActionPlanResolver {
  @Query(() => ActionPlanConnection, { description: 'The action plans the caller may read (of their workplaces and organisations).' })
  async actionPlans(@Args() args: ActionPlanListArgs, @Ctx() ctx: RequestContext): Promise<Connection<ActionPlanObject>> {
    const page = toPageRequest(args, args.orderBy ?? new ActionPlanOrderInput());
    return mapConnection(await ctx.service(ActionPlanService).list(args.filter ?? undefined, page), toActionPlanObject);
  }

  @Query(() => ActionPlanObject, { nullable: true, description: 'One action plan by id; null when there is none the caller may read.' })
  async actionPlan(
    @Arg('id', () => ID, { description: 'Global id of the action plan.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionPlanObject | null> {
    const decoded = fromGlobalId(id, 'ActionPlan');
    const plan = decoded ? await ctx.loaders.actionPlan.load(decoded.id) : null;
    return plan ? toActionPlanObject(plan) : null;
  }

  @Mutation(() => ActionPlanPayload, { description: "Starts a workplace's action plan for a period, in draft (the workplace's manager)." })
  async actionPlanCreate(
    @Arg('input', () => ActionPlanCreateInput, { description: 'The workplace, the period and what the plan holds so far.' })
    input: ActionPlanCreateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionPlanPayload> {
    return payload(await mutationResult(() => ctx.service(ActionPlanService).create(input)));
  }

  @Mutation(() => ActionPlanPayload, { description: 'Fills in an action plan in draft or sent back (the workplace’s manager).' })
  async actionPlanUpdate(
    @Arg('input', () => ActionPlanUpdateInput, { description: 'The plan and what changes in it.' }) input: ActionPlanUpdateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionPlanPayload> {
    return payload(await mutationResult(() => ctx.service(ActionPlanService).update(input)));
  }

  @Mutation(() => ActionPlanPayload, { description: 'Submits an action plan in draft or sent back (the workplace’s manager).' })
  async actionPlanSubmit(
    @Arg('input', () => ActionPlanStepInput, { description: 'The plan to submit.' }) input: ActionPlanStepInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionPlanPayload> {
    return payload(await mutationResult(() => ctx.service(ActionPlanService).submit(input)));
  }

  @Mutation(() => ActionPlanPayload, {
    description: 'Proposes a schedule for a submitted action plan (a competence coordinator of the organisation).',
  })
  async actionPlanProposeSchedule(
    @Arg('input', () => ActionPlanProposeScheduleInput, { description: 'The plan and the proposed learning sessions.' })
    input: ActionPlanProposeScheduleInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionPlanPayload> {
    return payload(await mutationResult(() => ctx.service(ActionPlanService).proposeSchedule(input)));
  }

  @Mutation(() => ActionPlanPayload, { description: 'Accepts the proposed schedule of an action plan (the workplace’s manager).' })
  async actionPlanAccept(
    @Arg('input', () => ActionPlanStepInput, { description: 'The plan whose schedule is accepted.' }) input: ActionPlanStepInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionPlanPayload> {
    return payload(await mutationResult(() => ctx.service(ActionPlanService).accept(input)));
  }

  @Mutation(() => ActionPlanPayload, {
    description: 'Sends the proposed schedule back with a comment; the plan can be changed and submitted again (the manager).',
  })
  async actionPlanSendBack(
    @Arg('input', () => ActionPlanSendBackInput, { description: 'The plan and what should change.' }) input: ActionPlanSendBackInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ActionPlanPayload> {
    return payload(await mutationResult(() => ctx.service(ActionPlanService).sendBack(input)));
  }

  @FieldResolver(() => WorkplaceObject, {
    nullable: true,
    description: 'The workplace the plan is for; null if the caller may not see it.',
  })
  async workplace(@Root() plan: ActionPlanObject, @Ctx() ctx: RequestContext): Promise<WorkplaceObject | null> {
    const workplace = await ctx.loaders.workplace.load(plan.workplaceEntityId);
    return workplace ? toWorkplaceObject(workplace) : null;
  }

  @FieldResolver(() => [LearningTrackObject], {
    description: 'The learning tracks chosen in dialogue with the staff (those the caller may see).',
  })
  async tracks(@Root() plan: ActionPlanObject, @Ctx() ctx: RequestContext): Promise<LearningTrackObject[]> {
    const tracks = await Promise.all(plan.trackEntityIds.map((id) => trackOf(ctx, id)));
    return tracks.filter((track): track is LearningTrackObject => track !== null);
  }

  @FieldResolver(() => [ActionPlanStepObject], { description: 'Every step taken on the plan, oldest first: who and when.' })
  async steps(@Root() plan: ActionPlanObject, @Ctx() ctx: RequestContext): Promise<ActionPlanStepObject[]> {
    return (await ctx.loaders.actionPlanSteps.load(plan.entityId)).map(toActionPlanStepObject);
  }
}

@Resolver(() => PlannedSessionObject)
export class PlannedSessionResolver {
  @FieldResolver(() => LearningTrackObject, { nullable: true, description: 'The track the planned session takes up; null when not said.' })
  track(@Root() session: PlannedSessionObject, @Ctx() ctx: RequestContext): Promise<LearningTrackObject | null> {
    return trackOf(ctx, session.trackEntityId);
  }
}

@Resolver(() => ScheduleEntryObject)
export class ScheduleEntryResolver {
  @FieldResolver(() => LearningTrackObject, { nullable: true, description: 'The track the proposed session takes up; null when not said.' })
  track(@Root() entry: ScheduleEntryObject, @Ctx() ctx: RequestContext): Promise<LearningTrackObject | null> {
    return trackOf(ctx, entry.trackEntityId);
  }
}

@Resolver(() => ActionPlanStepObject)
export class ActionPlanStepResolver {
  @FieldResolver(() => PersonObject, { nullable: true, description: 'Who took the step; null if the caller may not see the person.' })
  async actor(@Root() step: ActionPlanStepObject, @Ctx() ctx: RequestContext): Promise<PersonObject | null> {
    if (!step.actorEntityId) return null;
    const person = await ctx.loaders.person.load(step.actorEntityId);
    return person ? toPersonObject(person) : null;
  }
}
