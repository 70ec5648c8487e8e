import { mapNullable } from '../../platform/module/map-nullable.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { ActionPlanStep } from './action-plan-step.entity.js';
import { ActionPlan } from './action-plan.entity.js';
import { actionPlanLoaders } from './action-plan.loaders.js';
import { actionPlanPersonalData } from './action-plan.personal-data.js';
import { ActionPlanResolver, ActionPlanStepResolver, PlannedSessionResolver, ScheduleEntryResolver } from './action-plan.resolver.js';
import { toActionPlanObject } from './action-plan.types.js';
import { Migration20261215100000_action_plans } from './migrations/Migration20261215100000_action_plans.js';

export const actionPlanModule = defineModule({
  name: 'action-plan',
  entities: [ActionPlan, ActionPlanStep],
  migrations: [{ name: 'Migration20261215100000_action_plans', class: Migration20261215100000_action_plans }],
  resolvers: [ActionPlanResolver, PlannedSessionResolver, ScheduleEntryResolver, ActionPlanStepResolver],
  loaders: actionPlanLoaders,
  personalData: actionPlanPersonalData,
  nodeTypes: [
    {
      typeName: 'ActionPlan',
      entity: ActionPlan,
      load: async (ctx, id) => mapNullable(await ctx.loaders.actionPlan.load(id), toActionPlanObject),
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    ActionPlan: true;
  }
}
