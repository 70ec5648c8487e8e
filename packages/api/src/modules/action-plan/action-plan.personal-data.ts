import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { ActionPlanStep } from './action-plan-step.entity.js';
import { ActionPlanRepository } from './action-plan.repository.js';
import { ActionPlan } from './action-plan.entity.js';

/**
 * The steps a person took on action plans. They are the plans' record of who decided what, so erasure keeps them:
 * the person's own row is anonymised, and the steps then name an anonymous person.
 */
export const actionPlanPersonalData: PersonalDataContributor = {
  entities: [ActionPlanStep],
  async export(em, personId) {
    const steps = await (em.getRepository(ActionPlan) as ActionPlanRepository).findStepsByActor(personId);
    return {
      actionPlanSteps: steps.map((step) => ({
        actionPlanId: step.actionPlan.id,
        step: step.step,
        takenAt: step.takenAt,
        comment: step.comment,
      })),
    };
  },
};
