import { Migration } from '@mikro-orm/migrations';

/** Integrators sync incrementally (`updatedSince` on the list of RoleAssignments): the filter reads this index. */
export class Migration20261201801300_role_assignment_updated_at_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index role_assignment_updated_at_idx on role_assignment (updated_at, id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists role_assignment_updated_at_idx;`);
  }
}
