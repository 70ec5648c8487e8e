import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail names its subjects by GraphQL type, so that `subjectId` is a global id `node(id:)` resolves.
 * Entries written before named sessions by their entity class, and the registration jobs' entries named the
 * offering behind a cohort, meeting or event. The trail is append-only (a trigger refuses updates): this one
 * rewrite of its subject names is made with the trigger off, in the migration's transaction.
 */
export class Migration20261201000000_audit_subject_types extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table audit_entry disable trigger audit_entry_no_update_or_delete;`);
    this.addSql(`update audit_entry set entity_type = 'Session' where entity_type = 'OfferingSession';`);
    this.addSql(
      `update audit_entry a set entity_type = 'Cohort', entity_id = c.id from cohort c where a.entity_type = 'Offering' and c.offering_id = a.entity_id;`,
    );
    this.addSql(
      `update audit_entry a set entity_type = 'NetworkMeeting', entity_id = m.id from network_meeting m where a.entity_type = 'Offering' and m.offering_id = a.entity_id;`,
    );
    this.addSql(
      `update audit_entry a set entity_type = 'Event', entity_id = e.id from event e where a.entity_type = 'Offering' and e.offering_id = a.entity_id;`,
    );
    this.addSql(`alter table audit_entry enable trigger audit_entry_no_update_or_delete;`);
  }

  // The offerings' entries keep their owners' names: which offering they were about is not recorded any more.
  override async down(): Promise<void> {
    this.addSql(`alter table audit_entry disable trigger audit_entry_no_update_or_delete;`);
    this.addSql(`update audit_entry set entity_type = 'OfferingSession' where entity_type = 'Session';`);
    this.addSql(`alter table audit_entry enable trigger audit_entry_no_update_or_delete;`);
  }
}
