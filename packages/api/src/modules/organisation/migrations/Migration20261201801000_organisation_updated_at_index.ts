import { Migration } from '@mikro-orm/migrations';

/** Integrators sync incrementally (`updatedSince` on the list of Organisations): the filter reads this index. */
export class Migration20261201801000_organisation_updated_at_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index organisation_updated_at_idx on organisation (updated_at, id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists organisation_updated_at_idx;`);
  }
}
