import { Migration } from '@mikro-orm/migrations';

/**
 * Networks (lärande chefsnätverk and others) with members and facilitators, whose meetings use the
 * registration engine; and events (kick-offs, information sessions) on the same engine.
 */
export class Migration20261126040000_networks_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table network (
        id uuid primary key,
        name text not null check (length(trim(name)) > 0),
        description text,
        audience_roles text[] not null default '{}',
        audience_organisation_ids uuid[] not null default '{}',
        -- Joining needs a completed place in this programme (e.g. the leader training).
        prerequisite_programme_id uuid references programme (id),
        status text not null default 'ACTIVE' check (status in ('ACTIVE', 'CLOSED')),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      );`);
    this.addSql(`create index network_name_idx on network (name, id);`);
    this.addSql(`
      create table network_membership (
        id uuid primary key,
        network_id uuid not null references network (id),
        person_id uuid not null references person (id),
        -- The organisation the membership counts for (statistics): the person's when they joined.
        organisation_id uuid not null references organisation (id),
        role text not null check (role in ('MEMBER', 'FACILITATOR')),
        joined_at timestamptz(3) not null default now(),
        left_at timestamptz(3),
        added_by_person_id uuid references person (id) on delete set null,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint network_membership_order check (left_at is null or left_at >= joined_at)
      );`);
    // History is kept: one open membership per person and network, any number of ended ones.
    this.addSql(`create unique index network_membership_open on network_membership (network_id, person_id) where left_at is null;`);
    this.addSql(`create index network_membership_person_idx on network_membership (person_id);`);
    this.addSql(`
      create table network_meeting (
        id uuid primary key,
        network_id uuid not null references network (id),
        offering_id uuid not null unique references offering (id),
        title text not null check (length(trim(title)) > 0),
        description text,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      );`);
    this.addSql(`create index network_meeting_network_idx on network_meeting (network_id);`);
    this.addSql(`
      create table event (
        id uuid primary key,
        offering_id uuid not null unique references offering (id),
        kind text not null check (kind in ('KICK_OFF', 'INFORMATION_SESSION', 'OTHER')),
        name text not null check (length(trim(name)) > 0),
        description text,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now()
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists event;`);
    this.addSql(`drop table if exists network_meeting;`);
    this.addSql(`drop table if exists network_membership;`);
    this.addSql(`drop table if exists network;`);
  }
}
