import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, type Ref } from '@mikro-orm/postgresql';
import { Workplace } from '../workplace/workplace.entity.js';
import { ActionPlanStatus } from './action-plan.enums.js';
import { ActionPlanRepository } from './action-plan.repository.js';

/** A planned learning session: a month (YYYY-MM) and, when known, the track it takes up. */
export interface PlannedSession {
  month: string;
  trackId: string | null;
}

/** An entry of the schedule a competence coordinator proposes. */
export interface ScheduleEntry {
  date: string;
  trackId: string | null;
  note: string;
}

/** A workplace's action plan (handlingsplan) for a period: what it learns, and what it needs for it. */
@Entity({ tableName: 'action_plan', repository: () => ActionPlanRepository })
export class ActionPlan {
  [EntityRepositoryType]?: ActionPlanRepository;
  [OptionalProps]?:
    | 'status'
    | 'trackIds'
    | 'validationCount'
    | 'plannedSessionCount'
    | 'plannedSessions'
    | 'teacherSupport'
    | 'interpreterSupport'
    | 'roomNeeded'
    | 'needsNote'
    | 'proposedSchedule'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Workplace, { ref: true })
  workplace!: Ref<Workplace>;

  @Property({ type: 'date' })
  periodStartsOn!: string;

  @Property({ type: 'date' })
  periodEndsOn!: string;

  @Enum({ items: () => ActionPlanStatus, type: 'text' })
  status: ActionPlanStatus = ActionPlanStatus.DRAFT;

  /** The learning tracks chosen in dialogue with the staff. */
  @Property({ type: 'uuid[]' })
  trackIds: string[] = [];

  /** How many employees want their learning validated. */
  @Property({ type: 'integer', nullable: true })
  validationCount: number | null = null;

  @Property({ type: 'integer', nullable: true })
  plannedSessionCount: number | null = null;

  @Property({ type: 'json' })
  plannedSessions: PlannedSession[] = [];

  @Property({ type: 'boolean' })
  teacherSupport: boolean = false;

  @Property({ type: 'boolean' })
  interpreterSupport: boolean = false;

  @Property({ type: 'boolean' })
  roomNeeded: boolean = false;

  @Property({ type: 'text' })
  needsNote: string = '';

  @Property({ type: 'json' })
  proposedSchedule: ScheduleEntry[] = [];

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
