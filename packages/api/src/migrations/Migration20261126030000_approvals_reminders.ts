import { Migration } from '@mikro-orm/migrations';

/**
 * Optional approval of registrations by the registrant's organisation admin: a pending status that
 * holds no place, and a rejected one (with its reason) that ends the registration. Reminders need no
 * schema: they use the outbox's unique dedupe key.
 */
export class Migration20261126030000_approvals_reminders extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table offering add column requires_approval boolean not null default false;`);
    this.addSql(`
      alter table registration
        drop constraint registration_status_check,
        add constraint registration_status_check check (status in ('PENDING_APPROVAL', 'CONFIRMED', 'WAITLISTED', 'OFFERED', 'LAPSED', 'CANCELLED', 'REJECTED')),
        add column rejection_reason text,
        add constraint registration_rejection_reason check ((status = 'REJECTED') = (rejection_reason is not null)),
        add constraint registration_rejection_reason_length check (rejection_reason is null or length(trim(rejection_reason)) between 1 and 500);`);
    // A rejected person may register again; a pending registration counts as active.
    this.addSql(`drop index registration_once;`);
    this.addSql(
      `create unique index registration_once on registration (offering_id, person_id) where status not in ('CANCELLED', 'LAPSED', 'REJECTED');`,
    );
    this.addSql(
      `create index registration_pending_idx on registration (organisation_id, registered_at, id) where status = 'PENDING_APPROVAL';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists registration_pending_idx;`);
    this.addSql(`drop index registration_once;`);
    this.addSql(
      `create unique index registration_once on registration (offering_id, person_id) where status not in ('CANCELLED', 'LAPSED');`,
    );
    this.addSql(`
      alter table registration
        drop constraint registration_rejection_reason_length,
        drop constraint registration_rejection_reason,
        drop column rejection_reason,
        drop constraint registration_status_check,
        add constraint registration_status_check check (status in ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'LAPSED', 'CANCELLED'));`);
    this.addSql(`alter table offering drop column requires_approval;`);
  }
}
