import { EntityRepository, LockMode, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { EVERYTHING } from '../../platform/access/read-scope.js';
import { argumentEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { Workplace } from '../workplace/workplace.entity.js';
import { ActionPlanStep } from './action-plan-step.entity.js';
import { ActionPlan } from './action-plan.entity.js';
import type { ActionPlanOrderField } from './action-plan.enums.js';
import type { ActionPlanFilterInput } from './action-plan.inputs.js';
import { ActionPlanPolicy, type ActionPlanScope } from './action-plan.policy.js';

export class ActionPlanRepository extends EntityRepository<ActionPlan> {
  visibleTo(scope: ActionPlanScope): FilterQuery<ActionPlan> {
    if (scope.everything) return {};
    return { $or: [{ workplace: { $in: scope.workplaceIds } }, { workplace: { organisation: { $in: scope.organisationIds } } }] };
  }

  findPage(filter: ActionPlanFilterInput | undefined, page: PageRequest<ActionPlanOrderField>, scope: ActionPlanScope) {
    return findPage(this.em, ActionPlan, { $and: [this.where(filter), this.visibleTo(scope)] }, page) as Promise<Connection<ActionPlan>>;
  }

  findByIds(ids: readonly string[], scope: ActionPlanScope): Promise<ActionPlan[]> {
    return this.find({ $and: [{ id: { $in: [...ids] } }, this.visibleTo(scope)] });
  }

  /** A plan the caller sees, locked for the step being taken (two steps at once cannot both pass the status check). */
  lockVisible(id: string, scope: ActionPlanScope): Promise<ActionPlan | null> {
    return this.findOne({ $and: [{ id }, this.visibleTo(scope)] }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['workplace'] });
  }

  findOfWorkplaceStarting(workplaceId: string, periodStartsOn: string): Promise<ActionPlan | null> {
    return this.findOne({ workplace: workplaceId, periodStartsOn });
  }

  findStepsOfPlans(planIds: readonly string[]): Promise<ActionPlanStep[]> {
    return this.em.find(ActionPlanStep, { actionPlan: { $in: [...planIds] } }, { orderBy: { takenAt: 'asc', id: 'asc' } });
  }

  findStepsByActor(personId: string): Promise<ActionPlanStep[]> {
    return this.em.find(ActionPlanStep, { actor: personId }, { orderBy: { takenAt: 'asc', id: 'asc' } });
  }

  private where(filter: ActionPlanFilterInput | undefined): FilterQuery<ActionPlan> {
    const where: FilterQuery<ActionPlan>[] = [];
    if (filter?.workplaceId) where.push({ workplace: argumentEntityId(filter.workplaceId, 'Workplace', 'filter.workplaceId') });
    if (filter?.status) where.push({ status: filter.status });
    return { $and: where };
  }
}

const SCOPE = { name: 'actionPlanScope' };

/** The organisations of the workplaces the caller is a competence coordinator at, found once per request. */
export function coordinatedOrganisationIds(em: EntityManager, access: AccessPolicy): Promise<string[]> {
  return access.memo(SCOPE, async () => {
    const ids = ActionPlanPolicy.of(access).competenceCoordinatorWorkplaceIds();
    if (ids.length === 0) return [];
    const workplaces = await em.getRepository(Workplace).findByIds(ids, EVERYTHING);
    return [...new Set(workplaces.map((workplace) => workplace.organisation.id))];
  });
}

export async function actionPlanScope(em: EntityManager, access: AccessPolicy): Promise<ActionPlanScope> {
  return ActionPlanPolicy.of(access).scope(await coordinatedOrganisationIds(em, access));
}
