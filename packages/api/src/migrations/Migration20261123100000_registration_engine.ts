import { Migration } from '@mikro-orm/migrations';

/**
 * The registration engine: an offering is anything people register for (a leader-training cohort, a
 * network meeting, an event), with a capacity, a window, an audience and a waitlist. Cohorts of
 * programmes are the first kind to use it.
 */
export class Migration20261123100000_registration_engine extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table offering (
        id uuid primary key,
        kind text not null check (kind in ('COHORT', 'MEETING', 'EVENT')),
        status text not null default 'DRAFT' check (status in ('DRAFT', 'OPEN', 'CLOSED', 'COMPLETED', 'CANCELLED')),
        capacity integer check (capacity is null or capacity > 0),
        confirmed_count integer not null default 0 check (confirmed_count >= 0),
        waitlisted_count integer not null default 0 check (waitlisted_count >= 0),
        registration_opens_at timestamptz(3),
        registration_closes_at timestamptz(3),
        audience_roles text[] not null default '{}',
        audience_organisation_ids uuid[] not null default '{}',
        promotion_policy text not null default 'AUTOMATIC' check (promotion_policy in ('AUTOMATIC', 'OFFER')),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        -- Backstop for the engine's locking: never more confirmed than places.
        constraint offering_within_capacity check (capacity is null or confirmed_count <= capacity),
        constraint offering_window_order check (registration_closes_at is null or registration_opens_at is null or registration_closes_at > registration_opens_at)
      );`);
    this.addSql(`
      create table registration (
        id uuid primary key,
        offering_id uuid not null references offering (id),
        person_id uuid not null references person (id),
        status text not null check (status in ('CONFIRMED', 'WAITLISTED', 'CANCELLED')),
        waitlist_position integer check (waitlist_position > 0),
        registered_by_person_id uuid references person (id),
        registered_at timestamptz(3) not null default now(),
        cancelled_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint registration_position_iff_waitlisted check ((status = 'WAITLISTED') = (waitlist_position is not null)),
        constraint registration_cancelled_at check ((status = 'CANCELLED') = (cancelled_at is not null))
      );`);
    // A person is registered at most once per offering (a cancelled registration does not count).
    this.addSql(`create unique index registration_once on registration (offering_id, person_id) where status <> 'CANCELLED';`);
    this.addSql(`create index registration_waitlist_idx on registration (offering_id, waitlist_position) where status = 'WAITLISTED';`);
    this.addSql(`create index registration_person_idx on registration (person_id);`);
    this.addSql(`
      create table programme (
        id uuid primary key,
        name text not null check (length(trim(name)) > 0),
        description text,
        completion_threshold_percent integer not null default 80 check (completion_threshold_percent between 1 and 100),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      );`);
    this.addSql(`
      create table cohort (
        id uuid primary key,
        programme_id uuid not null references programme (id),
        offering_id uuid not null unique references offering (id),
        name text not null check (length(trim(name)) > 0),
        description text,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      );`);
    this.addSql(`create index cohort_programme_idx on cohort (programme_id, name, id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists cohort;`);
    this.addSql(`drop table if exists programme;`);
    this.addSql(`drop table if exists registration;`);
    this.addSql(`drop table if exists offering;`);
  }
}
