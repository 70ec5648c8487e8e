import { Migration } from '@mikro-orm/migrations';

/** Searching people by name only: for callers who may not see everyone's e-mail address. */
export class Migration20261123090000_name_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index person_name_search_idx on person using gin (lower((first_name || ' ' || last_name) collate "default") gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists person_name_search_idx;`);
  }
}
