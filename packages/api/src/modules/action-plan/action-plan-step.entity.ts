import { randomUUID } from 'node:crypto';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Person } from '../person/person.entity.js';
import { ActionPlan } from './action-plan.entity.js';
import { ActionPlanStatus, ActionPlanStepKind } from './action-plan.enums.js';

/** One step of an action plan's history: who took it, when, from which status to which. */
@Entity({ tableName: 'action_plan_step' })
export class ActionPlanStep {
  [OptionalProps]?: 'comment' | 'takenAt' | 'fromStatus';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => ActionPlan, { ref: true, deleteRule: 'cascade' })
  actionPlan!: Ref<ActionPlan>;

  @Enum({ items: () => ActionPlanStepKind, type: 'text' })
  step!: ActionPlanStepKind;

  @Enum({ items: () => ActionPlanStatus, type: 'text', nullable: true })
  fromStatus: ActionPlanStatus | null = null;

  @Enum({ items: () => ActionPlanStatus, type: 'text' })
  toStatus!: ActionPlanStatus;

  @ManyToOne(() => Person, { ref: true, nullable: true, fieldName: 'actor_person_id' })
  actor!: Ref<Person> | null;

  @Property({ type: 'text' })
  comment: string = '';

  @Property({ type: 'datetime' })
  takenAt: Date = new Date();
}
