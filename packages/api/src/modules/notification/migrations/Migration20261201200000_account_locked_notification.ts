import { Migration } from '@mikro-orm/migrations';

const CONSTRAINT = 'notification_kind_check';

/**
 * The outbox learns the account-locked message (sign-in locked for everyone after many failures). The kind
 * is added to whatever the check constraint allows when this runs, and only when it is missing, so a
 * migration of another module that replaces the list whole with ACCOUNT_LOCKED in it may run before or after.
 */
export class Migration20261201200000_account_locked_notification extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      do $$
      declare definition text;
      begin
        select pg_get_constraintdef(oid) into definition
          from pg_constraint where conname = '${CONSTRAINT}' and conrelid = 'notification'::regclass;
        if definition not like '%''ACCOUNT_LOCKED''%' then
          execute 'alter table notification drop constraint ${CONSTRAINT}';
          execute 'alter table notification add constraint ${CONSTRAINT} '
            || replace(definition, 'ARRAY[', 'ARRAY[''ACCOUNT_LOCKED''::text, ');
        end if;
      end $$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from notification where kind = 'ACCOUNT_LOCKED';`);
    this.addSql(`
      do $$
      declare definition text;
      begin
        select pg_get_constraintdef(oid) into definition
          from pg_constraint where conname = '${CONSTRAINT}' and conrelid = 'notification'::regclass;
        execute 'alter table notification drop constraint ${CONSTRAINT}';
        execute 'alter table notification add constraint ${CONSTRAINT} '
          || replace(replace(definition, '''ACCOUNT_LOCKED''::text, ', ''), ', ''ACCOUNT_LOCKED''::text', '');
      end $$;`);
  }
}
