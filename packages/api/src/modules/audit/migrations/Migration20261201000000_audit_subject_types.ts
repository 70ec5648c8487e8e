import { Migration } from '@mikro-orm/migrations';

/**
 * The audit trail names its subjects by GraphQL type, so that `subjectId` is a global id `node(id:)` resolves.
 * Entries written before named sessions by their entity class, and the registration jobs' entries named the
 * offering behind a cohort, meeting or event.
 */
export class Migration20261201000000_audit_subject_types extends Migration {
  override async up(): Promise<void> {
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
  }

  override async down(): Promise<void> {
    this.addSql(`update audit_entry set entity_type = 'OfferingSession' where entity_type = 'Session';`);
  }
}
