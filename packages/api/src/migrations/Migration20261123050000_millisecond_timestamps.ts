import { Migration } from '@mikro-orm/migrations';

/**
 * Timestamps to the millisecond, as JavaScript and cursors hold them: with microseconds, a cursor taken
 * from `createdAt` could not find its own row again, and paging by it repeated or skipped rows.
 */
export class Migration20261123050000_millisecond_timestamps extends Migration {
  override async up(): Promise<void> {
    for (const table of ['organisation', 'workplace', 'person', 'role_assignment']) {
      this.addSql(`alter table ${table} alter column created_at type timestamptz(3), alter column updated_at type timestamptz(3);`);
    }
  }

  override async down(): Promise<void> {
    for (const table of ['organisation', 'workplace', 'person', 'role_assignment']) {
      this.addSql(`alter table ${table} alter column created_at type timestamptz, alter column updated_at type timestamptz;`);
    }
  }
}
