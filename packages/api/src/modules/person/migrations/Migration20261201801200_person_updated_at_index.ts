import { Migration } from '@mikro-orm/migrations';

/** Integrators sync incrementally (`updatedSince` on the list of Persons): the filter reads this index. */
export class Migration20261201801200_person_updated_at_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index person_updated_at_idx on person (updated_at, id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists person_updated_at_idx;`);
  }
}
