import { Migration } from '@mikro-orm/migrations';

/** Member organisations, workplaces, people and their role assignments. */
export class Migration20261123000000_directory extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists btree_gist;`);
    this.addSql(`create extension if not exists pg_trgm;`);

    this.addSql(`
      create table organisation (
        id uuid primary key,
        name text not null check (length(trim(name)) > 0),
        kind text not null check (kind in ('MUNICIPALITY', 'REGION', 'OTHER')),
        organisation_number text not null,
        is_principal boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint organisation_number_unique unique (organisation_number)
      );`);
    // At most one principal (huvudman) among all members.
    this.addSql(`create unique index organisation_single_principal on organisation ((true)) where is_principal;`);
    this.addSql(`create index organisation_name_idx on organisation (name, id);`);

    this.addSql(`
      create table organisation_population (
        organisation_id uuid not null references organisation (id) on delete cascade,
        year integer not null check (year between 1900 and 2200),
        population integer not null check (population >= 0),
        primary key (organisation_id, year)
      );`);

    this.addSql(`
      create table workplace (
        id uuid primary key,
        organisation_id uuid not null references organisation (id),
        name text not null check (length(trim(name)) > 0),
        type text not null check (type in ('HOME_CARE', 'NURSING_HOME', 'SHORT_TERM_CARE', 'DISABILITY_SERVICES',
          'DAY_ACTIVITIES', 'SOCIAL_PSYCHIATRY', 'HOME_HEALTH_CARE', 'PRIMARY_CARE', 'HOSPITAL_CARE', 'OTHER')),
        street_address text,
        postal_code text,
        city text,
        employee_count integer not null default 0 check (employee_count >= 0),
        joined_on date not null,
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'LEFT')),
        left_on date,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint workplace_left_on_matches_status check ((status = 'LEFT') = (left_on is not null)),
        constraint workplace_left_after_joined check (left_on is null or left_on >= joined_on)
      );`);
    // Names are unique within an organisation, whatever the letter case.
    this.addSql(`create unique index workplace_name_unique on workplace (organisation_id, lower(name));`);
    this.addSql(`create index workplace_organisation_name_idx on workplace (organisation_id, name, id);`);
    this.addSql(`create index workplace_name_idx on workplace (name, id);`);
    this.addSql(`create index workplace_search_idx on workplace using gin (lower(name || ' ' || coalesce(city, '')) gin_trgm_ops);`);

    this.addSql(`
      create table person (
        id uuid primary key,
        first_name text not null check (length(trim(first_name)) > 0),
        last_name text not null check (length(trim(last_name)) > 0),
        email text not null check (position('@' in email) > 1),
        phone text,
        home_organisation_id uuid not null references organisation (id),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    // E-mail addresses are unique whatever their letter case.
    this.addSql(`create unique index person_email_unique on person (lower(email));`);
    this.addSql(`create index person_home_organisation_idx on person (home_organisation_id);`);
    this.addSql(`create index person_last_name_idx on person (last_name, id);`);
    this.addSql(`create index person_email_order_idx on person (email, id);`);
    this.addSql(`create index person_search_idx on person using gin (lower(first_name || ' ' || last_name || ' ' || email) gin_trgm_ops);`);

    this.addSql(`
      create table role_assignment (
        id uuid primary key,
        person_id uuid not null references person (id),
        role text not null check (role in ('MANAGER', 'WORKPLACE_COORDINATOR', 'COMPETENCE_COORDINATOR', 'ORGANISATION_ADMIN', 'ADMINISTRATOR')),
        workplace_id uuid references workplace (id),
        organisation_id uuid references organisation (id),
        starts_on date not null,
        ends_on date,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        -- The scope follows from the role: workplace roles need a workplace, organisation admins an organisation,
        -- administrators hold everything.
        constraint role_assignment_scope_matches_role check (
          (role in ('MANAGER', 'WORKPLACE_COORDINATOR', 'COMPETENCE_COORDINATOR') and workplace_id is not null and organisation_id is null)
          or (role = 'ORGANISATION_ADMIN' and organisation_id is not null and workplace_id is null)
          or (role = 'ADMINISTRATOR' and organisation_id is null and workplace_id is null)
        ),
        constraint role_assignment_ends_after_start check (ends_on is null or ends_on >= starts_on),
        -- A workplace has one manager and one workplace coordinator at a time: their periods never overlap.
        -- Checked at commit, so one transaction can end the current holder and add the next in any order.
        constraint role_assignment_single_holder exclude using gist (
          workplace_id with =, role with =, daterange(starts_on, ends_on, '[)') with &&
        ) where (role in ('MANAGER', 'WORKPLACE_COORDINATOR')) deferrable initially deferred
      );`);
    this.addSql(`create index role_assignment_person_idx on role_assignment (person_id, starts_on);`);
    this.addSql(`create index role_assignment_workplace_idx on role_assignment (workplace_id, role) where workplace_id is not null;`);
    this.addSql(
      `create index role_assignment_organisation_idx on role_assignment (organisation_id, role) where organisation_id is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists role_assignment;`);
    this.addSql(`drop table if exists person;`);
    this.addSql(`drop table if exists workplace;`);
    this.addSql(`drop table if exists organisation_population;`);
    this.addSql(`drop table if exists organisation;`);
  }
}
