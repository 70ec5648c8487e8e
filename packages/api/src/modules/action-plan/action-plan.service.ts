import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceContext } from '../../platform/context.js';
import { DomainError } from '../../platform/errors/user-error.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { catalogueScope } from '../catalogue/catalogue-scope.js';
import { CatalogueStatus } from '../catalogue/catalogue.enums.js';
import { LearningTrack } from '../catalogue/learning-track.entity.js';
import { Person } from '../person/person.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { ActionPlanStep } from './action-plan-step.entity.js';
import { ActionPlan } from './action-plan.entity.js';
import { ActionPlanStatus, ActionPlanStepKind, type ActionPlanOrderField } from './action-plan.enums.js';
import { ActionPlanErrors } from './action-plan.errors.js';
import type {
  ActionPlanContentInput,
  ActionPlanCreateInput,
  ActionPlanFilterInput,
  ActionPlanProposeScheduleInput,
  ActionPlanSendBackInput,
  ActionPlanStepInput,
  ActionPlanUpdateInput,
} from './action-plan.inputs.js';
import { ActionPlanPolicy } from './action-plan.policy.js';
import { actionPlanScope, coordinatedOrganisationIds } from './action-plan.repository.js';

const EDITABLE = [ActionPlanStatus.DRAFT, ActionPlanStatus.SENT_BACK] as const;

/** Who may take a step, and from which statuses; the one table of the plan's state machine. */
const STEPS = {
  [ActionPlanStepKind.SUBMITTED]: { by: 'manager', from: EDITABLE, to: ActionPlanStatus.SUBMITTED, verb: 'submitted' },
  [ActionPlanStepKind.SCHEDULE_PROPOSED]: {
    by: 'competenceCoordinator',
    from: [ActionPlanStatus.SUBMITTED],
    to: ActionPlanStatus.SCHEDULE_PROPOSED,
    verb: 'given a proposed schedule',
  },
  [ActionPlanStepKind.ACCEPTED]: {
    by: 'manager',
    from: [ActionPlanStatus.SCHEDULE_PROPOSED],
    to: ActionPlanStatus.ACCEPTED,
    verb: 'accepted',
  },
  [ActionPlanStepKind.SENT_BACK]: {
    by: 'manager',
    from: [ActionPlanStatus.SCHEDULE_PROPOSED],
    to: ActionPlanStatus.SENT_BACK,
    verb: 'sent back',
  },
} as const satisfies Record<
  Exclude<ActionPlanStepKind, ActionPlanStepKind.CREATED>,
  { by: 'manager' | 'competenceCoordinator'; from: readonly ActionPlanStatus[]; to: ActionPlanStatus; verb: string }
>;
type StepKind = keyof typeof STEPS;

const OPERATIONS: Record<StepKind, string> = {
  [ActionPlanStepKind.SUBMITTED]: 'actionPlanSubmit',
  [ActionPlanStepKind.SCHEDULE_PROPOSED]: 'actionPlanProposeSchedule',
  [ActionPlanStepKind.ACCEPTED]: 'actionPlanAccept',
  [ActionPlanStepKind.SENT_BACK]: 'actionPlanSendBack',
};

export class ActionPlanService {
  constructor(private readonly ctx: ServiceContext) {}

  private get policy(): ActionPlanPolicy {
    return ActionPlanPolicy.of(this.ctx.access);
  }

  async list(filter: ActionPlanFilterInput | undefined, page: PageRequest<ActionPlanOrderField>): Promise<Connection<ActionPlan>> {
    return this.ctx.em.getRepository(ActionPlan).findPage(filter, page, await actionPlanScope(this.ctx.em, this.ctx.access));
  }

  async create(input: ActionPlanCreateInput): Promise<ActionPlan> {
    await assertValidInput(input);
    const workplaceId = requireEntityId(input.workplaceId, 'Workplace', 'workplaceId');
    if (input.periodEndsOn < input.periodStartsOn || input.periodEndsOn >= addYears(input.periodStartsOn, 2))
      throw ActionPlanErrors.periodOutOfOrder();
    const scope = await actionPlanScope(this.ctx.em, this.ctx.access);
    const content = await this.checkContent(input, { startsOn: input.periodStartsOn, endsOn: input.periodEndsOn, trackIds: [] });
    return unitOfWork(this.ctx, 'actionPlanCreate', async (em) => {
      const workplace = await em.getRepository(Workplace).findOne({ id: workplaceId });
      const visible =
        workplace &&
        (scope.everything || scope.workplaceIds.includes(workplace.id) || scope.organisationIds.includes(workplace.organisation.id));
      if (!visible) throw ActionPlanErrors.workplaceNotFound();
      if (!this.policy.isManagerOf(workplace.id)) throw ActionPlanErrors.onlyManager('starts its action plan');
      if (await em.getRepository(ActionPlan).findOfWorkplaceStarting(workplace.id, input.periodStartsOn))
        throw ActionPlanErrors.periodTaken();
      const plan = em.create(ActionPlan, { workplace, periodStartsOn: input.periodStartsOn, periodEndsOn: input.periodEndsOn });
      Object.assign(plan, content);
      this.recordStep(em, plan, ActionPlanStepKind.CREATED, null, '');
      return plan;
    });
  }

  async update(input: ActionPlanUpdateInput): Promise<ActionPlan> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'ActionPlan', 'id');
    const scope = await actionPlanScope(this.ctx.em, this.ctx.access);
    return unitOfWork(this.ctx, 'actionPlanUpdate', async (em) => {
      const plan = await em.getRepository(ActionPlan).lockVisible(id, scope);
      if (!plan) throw ActionPlanErrors.notFound();
      if (!this.policy.isManagerOf(plan.workplace.id)) throw ActionPlanErrors.onlyManager('fills in its action plan');
      if (!(EDITABLE as readonly ActionPlanStatus[]).includes(plan.status))
        throw ActionPlanErrors.outOfOrder(plan.status, 'changed', EDITABLE);
      Object.assign(
        plan,
        await this.checkContent(input, { startsOn: plan.periodStartsOn, endsOn: plan.periodEndsOn, trackIds: plan.trackIds }),
      );
      return plan;
    });
  }

  submit(input: ActionPlanStepInput): Promise<ActionPlan> {
    return this.step(input, ActionPlanStepKind.SUBMITTED, () => '');
  }

  accept(input: ActionPlanStepInput): Promise<ActionPlan> {
    return this.step(input, ActionPlanStepKind.ACCEPTED, () => '');
  }

  sendBack(input: ActionPlanSendBackInput): Promise<ActionPlan> {
    return this.step(input, ActionPlanStepKind.SENT_BACK, () => input.comment);
  }

  async proposeSchedule(input: ActionPlanProposeScheduleInput): Promise<ActionPlan> {
    return this.step(input, ActionPlanStepKind.SCHEDULE_PROPOSED, async (plan) => {
      const trackIds = input.schedule.map((entry, index) =>
        entry.trackId ? requireEntityId(entry.trackId, 'LearningTrack', `schedule.${index}.trackId`) : null,
      );
      await this.requirePublishedTracks(
        trackIds.flatMap((trackId, index) => (trackId ? [{ trackId, field: `schedule.${index}.trackId` }] : [])),
      );
      input.schedule.forEach((entry, index) => {
        if (entry.date < plan.periodStartsOn || entry.date > plan.periodEndsOn)
          throw ActionPlanErrors.outsidePeriod(`schedule.${index}.date`);
      });
      plan.proposedSchedule = input.schedule
        .map((entry, index) => ({ date: entry.date, trackId: trackIds[index] ?? null, note: entry.note ?? '' }))
        .sort((a, b) => a.date.localeCompare(b.date));
      return input.comment ?? '';
    });
  }

  /** Takes one step of the state machine: the plan must be visible, the caller hold the step's role, the status allow it. */
  private async step(
    input: ActionPlanStepInput,
    kind: StepKind,
    work: (plan: ActionPlan) => string | Promise<string>,
  ): Promise<ActionPlan> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'ActionPlan', 'id');
    const scope = await actionPlanScope(this.ctx.em, this.ctx.access);
    const coordinated = await coordinatedOrganisationIds(this.ctx.em, this.ctx.access);
    const rule = STEPS[kind];
    return unitOfWork(this.ctx, OPERATIONS[kind], async (em) => {
      const plan = await em.getRepository(ActionPlan).lockVisible(id, scope);
      if (!plan) throw ActionPlanErrors.notFound();
      const workplace = plan.workplace.getEntity();
      if (rule.by === 'manager' && !this.policy.isManagerOf(workplace.id)) throw ActionPlanErrors.onlyManager(`has the plan ${rule.verb}`);
      if (
        rule.by === 'competenceCoordinator' &&
        !this.policy.isCompetenceCoordinatorFor(workplace.id, workplace.organisation.id, coordinated)
      )
        throw ActionPlanErrors.onlyCompetenceCoordinator();
      if (!(rule.from as readonly ActionPlanStatus[]).includes(plan.status))
        throw ActionPlanErrors.outOfOrder(plan.status, rule.verb, rule.from);
      const comment = await work(plan);
      const from = plan.status;
      plan.status = rule.to;
      this.recordStep(em, plan, kind, from, comment);
      return plan;
    });
  }

  private recordStep(em: EntityManager, plan: ActionPlan, step: ActionPlanStepKind, from: ActionPlanStatus | null, comment: string): void {
    const personId = this.ctx.access.personId;
    em.create(ActionPlanStep, {
      actionPlan: plan,
      step,
      fromStatus: from,
      toStatus: step === ActionPlanStepKind.CREATED ? ActionPlanStatus.DRAFT : plan.status,
      actor: personId ? em.getReference(Person, personId, { wrapped: true }) : null,
      comment,
    });
  }

  /** The content as stored, after checking tracks (published, visible) and months (within the period). */
  private async checkContent(
    input: ActionPlanContentInput & { needsNote?: string | null },
    plan: { startsOn: string; endsOn: string; trackIds: string[] },
  ): Promise<Partial<ActionPlan>> {
    const content: Partial<ActionPlan> = {};
    let trackIds = plan.trackIds;
    if (input.trackIds) {
      const chosen = input.trackIds.map((trackId, index) => ({
        trackId: requireEntityId(trackId, 'LearningTrack', `trackIds.${index}`),
        field: `trackIds.${index}`,
      }));
      await this.requirePublishedTracks(chosen);
      trackIds = [...new Set(chosen.map((track) => track.trackId))];
      content.trackIds = trackIds;
    }
    if (input.plannedSessions) {
      content.plannedSessions = input.plannedSessions.map((session, index) => {
        if (session.month < plan.startsOn.slice(0, 7) || session.month > plan.endsOn.slice(0, 7))
          throw ActionPlanErrors.outsidePeriod(`plannedSessions.${index}.month`);
        const trackId = session.trackId ? requireEntityId(session.trackId, 'LearningTrack', `plannedSessions.${index}.trackId`) : null;
        if (trackId && !trackIds.includes(trackId)) throw ActionPlanErrors.trackNotChosen(`plannedSessions.${index}.trackId`);
        return { month: session.month, trackId };
      });
    }
    if (input.validationCount !== undefined) content.validationCount = input.validationCount;
    if (input.plannedSessionCount !== undefined) content.plannedSessionCount = input.plannedSessionCount;
    for (const flag of ['teacherSupport', 'interpreterSupport', 'roomNeeded'] as const)
      if (input[flag] !== undefined && input[flag] !== null) content[flag] = input[flag];
    if (input.needsNote !== undefined && input.needsNote !== null) content.needsNote = input.needsNote;
    return content;
  }

  private async requirePublishedTracks(tracks: { trackId: string; field: string }[]): Promise<void> {
    if (tracks.length === 0) return;
    const scope = await catalogueScope(this.ctx.em, this.ctx.access);
    const found = await this.ctx.em.getRepository(LearningTrack).findByIds(
      tracks.map((track) => track.trackId),
      scope,
    );
    const published = new Set(found.filter((track) => track.status === CatalogueStatus.PUBLISHED).map((track) => track.id));
    const missing = tracks.filter((track) => !published.has(track.trackId));
    if (missing.length > 0) throw new DomainError(missing.flatMap((track) => ActionPlanErrors.trackNotFound(track.field).errors));
  }
}

function addYears(date: string, years: number): string {
  return `${Number(date.slice(0, 4)) + years}${date.slice(4)}`;
}
