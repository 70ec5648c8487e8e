import { Migration } from '@mikro-orm/migrations';

/** A person holds a role in one scope at most once at a time (backs the check in the service under races). */
export class Migration20261123040000_role_overlap extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table role_assignment add constraint role_assignment_no_overlap exclude using gist (
        person_id with =,
        role with =,
        (coalesce(workplace_id, organisation_id, '00000000-0000-0000-0000-000000000000'::uuid)) with =,
        daterange(starts_on, ends_on, '[)') with &&
      ) deferrable initially deferred;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table role_assignment drop constraint role_assignment_no_overlap;`);
  }
}
