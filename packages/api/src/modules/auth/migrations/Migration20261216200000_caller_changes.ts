import { Migration } from '@mikro-orm/migrations';

/**
 * Every change to what finding the caller reads (the roles held, the account, the sessions, the second
 * factor, the API clients) sends `NOTIFY caller_changed` with the person's or the client's id, from a
 * trigger in the changing transaction: PostgreSQL delivers it to every listening API process only when
 * that transaction commits, and each evicts the callers it cached for that id. A TRUNCATE sends `*`
 * (evict everything). Session uses (last_seen_at, the idle end moving on) notify nothing. Re-runnable (`or
 * replace`): a database that applied it under its first name (20261216090000, before it was renamed to sort
 * after the learning sessions) applies it again unchanged.
 */
export class Migration20261216200000_caller_changes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create or replace function notify_caller_changed() returns trigger language plpgsql as $$
      declare
        key_column text := tg_argv[0];
        old_id text;
        new_id text;
      begin
        if tg_op in ('UPDATE', 'DELETE') then old_id := to_jsonb(old) ->> key_column; end if;
        if tg_op in ('INSERT', 'UPDATE') then new_id := to_jsonb(new) ->> key_column; end if;
        if old_id is not null then perform pg_notify('caller_changed', old_id); end if;
        if new_id is not null and new_id is distinct from old_id then perform pg_notify('caller_changed', new_id); end if;
        return null;
      end $$;`);
    this.addSql(`
      create or replace function notify_caller_changed_all() returns trigger language plpgsql as $$
      begin
        perform pg_notify('caller_changed', '*');
        return null;
      end $$;`);
    for (const [table, key] of [
      ['role_assignment', 'person_id'],
      ['account', 'person_id'],
      ['second_factor', 'person_id'],
      ['api_client', 'id'],
    ] as const) {
      this.addSql(
        `create or replace trigger ${table}_caller_changed after insert or update or delete on ${table} for each row execute function notify_caller_changed('${key}');`,
      );
      this.addSql(
        `create or replace trigger ${table}_caller_changed_all after truncate on ${table} for each statement execute function notify_caller_changed_all();`,
      );
    }
    // A session is cached only while it is open: only its end (revoked, deleted, an earlier expiry) matters.
    this.addSql(
      `create or replace trigger session_caller_changed after update on session for each row
       when (old.revoked_at is distinct from new.revoked_at or new.expires_at < old.expires_at or old.person_id is distinct from new.person_id)
       execute function notify_caller_changed('person_id');`,
    );
    this.addSql(
      `create or replace trigger session_caller_changed_delete after delete on session for each row execute function notify_caller_changed('person_id');`,
    );
    this.addSql(
      `create or replace trigger session_caller_changed_all after truncate on session for each statement execute function notify_caller_changed_all();`,
    );
  }

  override async down(): Promise<void> {
    for (const table of ['role_assignment', 'account', 'second_factor', 'api_client', 'session']) {
      this.addSql(`drop trigger if exists ${table}_caller_changed on ${table};`);
      this.addSql(`drop trigger if exists ${table}_caller_changed_all on ${table};`);
    }
    this.addSql(`drop trigger if exists session_caller_changed_delete on session;`);
    this.addSql(`drop function if exists notify_caller_changed();`);
    this.addSql(`drop function if exists notify_caller_changed_all();`);
  }
}
