import { Migration } from '@mikro-orm/migrations';

const CONSTRAINT = 'notification_kind_check';
const KINDS = ['OFFERING_CANCELLED', 'SESSION_CHANGED', 'SESSION_CANCELLED', 'REGISTRATION_AWAITING_APPROVAL'];

/**
 * The outbox learns the messages of training workflows that finish what they start (a cancelled offering,
 * a moved or removed session, the acknowledgement of a registration awaiting approval), and keeps an HTML
 * body and attachments (a confirmation's calendar file) beside the plain text. The kinds are added to
 * whatever the check constraint allows when this runs, each only when missing, so migrations of other
 * modules that add kinds of their own may run before or after.
 */
export class Migration20261201800000_training_workflow_messages extends Migration {
  override async up(): Promise<void> {
    for (const kind of KINDS)
      this.addSql(`
        do $$
        declare definition text;
        begin
          select pg_get_constraintdef(oid) into definition
            from pg_constraint where conname = '${CONSTRAINT}' and conrelid = 'notification'::regclass;
          if definition not like '%''${kind}''%' then
            execute 'alter table notification drop constraint ${CONSTRAINT}';
            execute 'alter table notification add constraint ${CONSTRAINT} '
              || replace(definition, 'ARRAY[', 'ARRAY[''${kind}''::text, ');
          end if;
        end $$;`);
    this.addSql(`alter table notification add column html_body text;`);
    // [{ filename, contentType, content }]: small texts such as an iCalendar file.
    this.addSql(`alter table notification add column attachments jsonb;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table notification drop column attachments;`);
    this.addSql(`alter table notification drop column html_body;`);
    for (const kind of KINDS) {
      this.addSql(`delete from notification where kind = '${kind}';`);
      this.addSql(`
        do $$
        declare definition text;
        begin
          select pg_get_constraintdef(oid) into definition
            from pg_constraint where conname = '${CONSTRAINT}' and conrelid = 'notification'::regclass;
          execute 'alter table notification drop constraint ${CONSTRAINT}';
          execute 'alter table notification add constraint ${CONSTRAINT} '
            || replace(replace(definition, '''${kind}''::text, ', ''), ', ''${kind}''::text', '');
        end $$;`);
    }
  }
}
