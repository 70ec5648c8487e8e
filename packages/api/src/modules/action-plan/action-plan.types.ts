import { Field, Int, ObjectType } from 'type-graphql';
import { MutationPayload } from '../../platform/errors/mutation-payload.js';
import { toGlobalId } from '../../platform/graphql/global-id.js';
import { Node } from '../../platform/graphql/node.interface.js';
import { DateTime, LocalDate } from '../../platform/graphql/scalars.js';
import { connectionTypes } from '../../platform/pagination/connection.js';
import type { ActionPlanStep } from './action-plan-step.entity.js';
import type { ActionPlan } from './action-plan.entity.js';
import { ActionPlanStatus, ActionPlanStepKind } from './action-plan.enums.js';

@ObjectType('PlannedSession', { description: 'A learning session an action plan foresees.' })
export class PlannedSessionObject {
  trackEntityId!: string | null;

  @Field(() => String, { description: 'The month the session is planned for, YYYY-MM.' })
  month!: string;
}

@ObjectType('ScheduleEntry', { description: 'A learning session of the schedule a competence coordinator proposed.' })
export class ScheduleEntryObject {
  trackEntityId!: string | null;

  @Field(() => LocalDate, { description: 'The day of the proposed session.' })
  date!: string;

  @Field(() => String, { description: 'The coordinator’s note on the session (empty when none).' })
  note!: string;
}

@ObjectType('ActionPlanStep', { description: 'One step of an action plan’s history: who took it, and when.' })
export class ActionPlanStepObject {
  actorEntityId!: string | null;

  @Field(() => ActionPlanStepKind, { description: 'Which step was taken.' })
  step!: ActionPlanStepKind;

  @Field(() => ActionPlanStatus, { nullable: true, description: 'The status before the step (null for the first).' })
  fromStatus!: ActionPlanStatus | null;

  @Field(() => ActionPlanStatus, { description: 'The status the step led to.' })
  toStatus!: ActionPlanStatus;

  @Field(() => DateTime, { description: 'When the step was taken.' })
  takenAt!: Date;

  @Field(() => String, { description: 'The comment given with the step (why it was sent back; a word with a proposal), or empty.' })
  comment!: string;
}

@ObjectType('ActionPlan', { implements: Node, description: "A workplace's action plan (handlingsplan) for a period." })
export class ActionPlanObject extends Node {
  entityId!: string;
  workplaceEntityId!: string;
  trackEntityIds!: string[];

  @Field(() => LocalDate, { description: 'The first day of the period the plan covers.' })
  periodStartsOn!: string;

  @Field(() => LocalDate, { description: 'The last day of the period the plan covers.' })
  periodEndsOn!: string;

  @Field(() => ActionPlanStatus, { description: 'Where the plan stands in its steps.' })
  status!: ActionPlanStatus;

  @Field(() => Int, { nullable: true, description: 'How many employees want their learning validated; null when not yet found out.' })
  validationCount!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many learning sessions are planned, when not listed one by one.' })
  plannedSessionCount!: number | null;

  @Field(() => [PlannedSessionObject], { description: 'The planned learning sessions, by month and track.' })
  plannedSessions!: PlannedSessionObject[];

  @Field(() => Boolean, { description: 'Whether the workplace needs teacher support at its learning sessions.' })
  teacherSupport!: boolean;

  @Field(() => Boolean, { description: 'Whether the workplace needs an interpreter or language support.' })
  interpreterSupport!: boolean;

  @Field(() => Boolean, { description: 'Whether the workplace needs help with a room.' })
  roomNeeded!: boolean;

  @Field(() => String, { description: 'More about the workplace’s needs (empty when nothing was added).' })
  needsNote!: string;

  @Field(() => [ScheduleEntryObject], { description: 'The schedule the competence coordinator proposed, by day (empty until one is).' })
  proposedSchedule!: ScheduleEntryObject[];

  @Field(() => Boolean, { description: 'Whether the plan can be filled in now (in draft or sent back).' })
  editable!: boolean;

  @Field(() => DateTime, { description: 'When the plan was started.' })
  createdAt!: Date;

  @Field(() => DateTime, { description: 'When the plan last changed.' })
  updatedAt!: Date;
}

export const { ConnectionType: ActionPlanConnection } = connectionTypes(ActionPlanObject, 'ActionPlan');

@ObjectType('ActionPlanPayload', { implements: MutationPayload, description: 'Result of a change or a step of an action plan.' })
export class ActionPlanPayload extends MutationPayload {
  @Field(() => ActionPlanObject, { nullable: true, description: 'The action plan as it is now; null when the mutation failed.' })
  actionPlan: ActionPlanObject | null = null;
}

export function toActionPlanObject(entity: ActionPlan): ActionPlanObject {
  return Object.assign(new ActionPlanObject(), {
    id: toGlobalId('ActionPlan', entity.id),
    entityId: entity.id,
    workplaceEntityId: entity.workplace.id,
    trackEntityIds: [...entity.trackIds],
    periodStartsOn: entity.periodStartsOn,
    periodEndsOn: entity.periodEndsOn,
    status: entity.status,
    validationCount: entity.validationCount,
    plannedSessionCount: entity.plannedSessionCount,
    plannedSessions: entity.plannedSessions.map((session) =>
      Object.assign(new PlannedSessionObject(), { month: session.month, trackEntityId: session.trackId }),
    ),
    teacherSupport: entity.teacherSupport,
    interpreterSupport: entity.interpreterSupport,
    roomNeeded: entity.roomNeeded,
    needsNote: entity.needsNote,
    proposedSchedule: entity.proposedSchedule.map((entry) =>
      Object.assign(new ScheduleEntryObject(), { date: entry.date, note: entry.note, trackEntityId: entry.trackId }),
    ),
    editable: entity.status === ActionPlanStatus.DRAFT || entity.status === ActionPlanStatus.SENT_BACK,
    createdAt: entity.createdAt,
    updatedAt: entity.updatedAt,
  });
}

export function toActionPlanStepObject(entity: ActionPlanStep): ActionPlanStepObject {
  return Object.assign(new ActionPlanStepObject(), {
    actorEntityId: entity.actor?.id ?? null,
    step: entity.step,
    fromStatus: entity.fromStatus,
    toStatus: entity.toStatus,
    takenAt: entity.takenAt,
    comment: entity.comment,
  });
}
