import { Migration } from '@mikro-orm/migrations';

/** API clients: external systems with their own revocable keys, scopes and rate limits. */
export class Migration20261123070000_api_clients extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table api_client (
        id uuid primary key,
        name text not null check (length(trim(name)) > 0),
        organisation_id uuid references organisation (id),
        scopes text[] not null check (scopes <@ array['read:directory', 'write:directory', 'read:contact-details', 'read:training', 'write:training']::text[] and cardinality(scopes) > 0),
        -- Only a SHA-256 of the key is kept; the prefix lets people recognise a key without revealing it.
        key_hash text not null,
        key_prefix text not null,
        rate_limit_per_minute integer not null default 600 check (rate_limit_per_minute between 1 and 100000),
        created_by_person_id uuid references person (id),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        expires_at timestamptz(3),
        revoked_at timestamptz(3),
        last_used_at timestamptz(3),
        constraint api_client_key_hash_unique unique (key_hash)
      );`);
    this.addSql(`create index api_client_organisation_idx on api_client (organisation_id);`);
    this.addSql(`create index api_client_name_idx on api_client (name, id);`);
    this.addSql(
      `alter table audit_entry add constraint audit_entry_actor_api_client_fk foreign key (actor_api_client_id) references api_client (id);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table audit_entry drop constraint if exists audit_entry_actor_api_client_fk;`);
    this.addSql(`drop table if exists api_client;`);
  }
}
