import DataLoader from 'dataloader';
import { byIdLoader, groupBy, type LoaderContext } from '../../platform/loaders.js';
import type { ActionPlanStep } from './action-plan-step.entity.js';
import { ActionPlan } from './action-plan.entity.js';
import { actionPlanScope } from './action-plan.repository.js';

export function actionPlanLoaders({ em, access }: LoaderContext) {
  const plans = em.getRepository(ActionPlan);
  return {
    /** An action plan the caller may read, or null. */
    actionPlan: byIdLoader(async (ids) => plans.findByIds(ids, await actionPlanScope(em, access))),
    /** The steps of a plan (already found readable), oldest first. */
    actionPlanSteps: new DataLoader<string, ActionPlanStep[]>(async (ids) =>
      groupBy(ids, await plans.findStepsOfPlans(ids), (step) => step.actionPlan.id),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof actionPlanLoaders> {}
}
