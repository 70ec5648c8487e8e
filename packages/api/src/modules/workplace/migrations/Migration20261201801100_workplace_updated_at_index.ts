import { Migration } from '@mikro-orm/migrations';

/** Integrators sync incrementally (`updatedSince` on the list of Workplaces): the filter reads this index. */
export class Migration20261201801100_workplace_updated_at_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index workplace_updated_at_idx on workplace (updated_at, id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists workplace_updated_at_idx;`);
  }
}
