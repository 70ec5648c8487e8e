import { Migration } from '@mikro-orm/migrations';

/** Workplaces' action plans (handlingsplaner) for a period, and the history of their steps. */
export class Migration20261215100000_action_plans extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table action_plan (
        id uuid primary key,
        workplace_id uuid not null references workplace (id),
        period_starts_on date not null,
        period_ends_on date not null,
        status text not null default 'DRAFT' check (status in ('DRAFT', 'SUBMITTED', 'SCHEDULE_PROPOSED', 'ACCEPTED', 'SENT_BACK')),
        track_ids uuid[] not null default '{}',
        validation_count integer check (validation_count is null or validation_count between 0 and 100000),
        planned_session_count integer check (planned_session_count is null or planned_session_count between 0 and 1000),
        planned_sessions jsonb not null default '[]',
        teacher_support boolean not null default false,
        interpreter_support boolean not null default false,
        room_needed boolean not null default false,
        needs_note text not null default '' check (length(needs_note) <= 2000),
        proposed_schedule jsonb not null default '[]',
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint action_plan_period_check check (period_ends_on >= period_starts_on and period_ends_on < period_starts_on + interval '2 years'),
        constraint action_plan_workplace_period_unique unique (workplace_id, period_starts_on)
      );`);
    this.addSql(`
      create table action_plan_step (
        id uuid primary key,
        action_plan_id uuid not null references action_plan (id) on delete cascade,
        step text not null check (step in ('CREATED', 'SUBMITTED', 'SCHEDULE_PROPOSED', 'ACCEPTED', 'SENT_BACK')),
        from_status text,
        to_status text not null,
        actor_person_id uuid references person (id),
        comment text not null default '' check (length(comment) <= 2000),
        taken_at timestamptz not null default now()
      );`);
    this.addSql(`create index action_plan_step_plan_idx on action_plan_step (action_plan_id, taken_at, id);`);
    this.addSql(`create index action_plan_step_actor_idx on action_plan_step (actor_person_id) where actor_person_id is not null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table action_plan_step;`);
    this.addSql(`drop table action_plan;`);
  }
}
