import { Migration } from '@mikro-orm/migrations';

/**
 * The learning catalogue: tracks (lärandespår) and their modules (lärandemoduler), each with a stable external key
 * that imports match on. A track co-created (medskapande) by a member names that organisation.
 */
export class Migration20261215090000_catalogue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table learning_track (
        id uuid primary key,
        external_key text not null,
        title text not null check (length(title) between 1 and 200),
        description text not null default '' check (length(description) <= 4000),
        target_group text not null default '' check (length(target_group) <= 500),
        estimated_minutes integer check (estimated_minutes is null or estimated_minutes between 1 and 100000),
        languages text[] not null default '{}',
        status text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
        owner text not null default '' check (length(owner) <= 200),
        organisation_id uuid references organisation (id),
        shared_with_members boolean not null default false,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint learning_track_external_key_unique unique (external_key),
        constraint learning_track_external_key_check check (external_key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$'),
        constraint learning_track_shared_check check (organisation_id is not null or not shared_with_members)
      );`);
    this.addSql(
      `create index learning_track_search_idx on learning_track using gin (search_text(title || ' ' || external_key) gin_trgm_ops);`,
    );
    this.addSql(`create index learning_track_organisation_idx on learning_track (organisation_id) where organisation_id is not null;`);
    this.addSql(`create index learning_track_title_idx on learning_track (title, id);`);
    this.addSql(`
      create table learning_module (
        id uuid primary key,
        track_id uuid not null references learning_track (id),
        external_key text not null,
        title text not null check (length(title) between 1 and 200),
        description text not null default '' check (length(description) <= 4000),
        target_group text not null default '' check (length(target_group) <= 500),
        estimated_minutes integer check (estimated_minutes is null or estimated_minutes between 1 and 100000),
        languages text[] not null default '{}',
        status text not null default 'DRAFT' check (status in ('DRAFT', 'PUBLISHED', 'RETIRED')),
        owner text not null default '' check (length(owner) <= 200),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint learning_module_external_key_unique unique (external_key),
        constraint learning_module_external_key_check check (external_key ~ '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$')
      );`);
    this.addSql(`create index learning_module_track_idx on learning_module (track_id, title, id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table learning_module;`);
    this.addSql(`drop table learning_track;`);
  }
}
