import { Migration } from '@mikro-orm/migrations';

/** The audit trail: one entry per mutation, written in its transaction, never changed afterwards. */
export class Migration20261123060000_audit_trail extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table audit_entry (
        id uuid primary key,
        occurred_at timestamptz(3) not null default now(),
        actor_person_id uuid references person (id),
        actor_api_client_id uuid,
        operation text not null,
        entity_type text not null,
        entity_id uuid not null,
        request_id text,
        changes jsonb not null
      );`);
    this.addSql(`create index audit_entry_occurred_idx on audit_entry (occurred_at desc, id desc);`);
    this.addSql(`create index audit_entry_entity_idx on audit_entry (entity_type, entity_id, occurred_at desc);`);
    this.addSql(`create index audit_entry_actor_idx on audit_entry (actor_person_id, occurred_at desc);`);
    // Nothing outside the API's inserts may change the trail: not the API, not a stray script.
    this.addSql(`
      create function audit_entry_is_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'the audit trail cannot be changed or deleted' using errcode = 'insufficient_privilege';
      end $$;`);
    this.addSql(
      `create trigger audit_entry_no_update_or_delete before update or delete on audit_entry for each row execute function audit_entry_is_append_only();`,
    );
    this.addSql(
      `create trigger audit_entry_no_truncate before truncate on audit_entry for each statement execute function audit_entry_is_append_only();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists audit_entry;`);
    this.addSql(`drop function if exists audit_entry_is_append_only();`);
  }
}
