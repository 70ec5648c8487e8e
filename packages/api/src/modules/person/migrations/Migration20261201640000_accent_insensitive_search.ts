import { Migration } from '@mikro-orm/migrations';

/**
 * Searching people ignores accents and case ("aberg" finds Åberg); the two search indexes follow. People
 * with the same last name are listed by first name: the sort index gains it.
 */
export class Migration20261201640000_accent_insensitive_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists person_search_idx;`);
    this.addSql(
      `create index person_search_idx on person using gin (search_text(first_name || ' ' || last_name || ' ' || email) gin_trgm_ops);`,
    );
    this.addSql(`drop index if exists person_name_search_idx;`);
    this.addSql(`create index person_name_search_idx on person using gin (search_text(first_name || ' ' || last_name) gin_trgm_ops);`);
    this.addSql(`drop index if exists person_last_name_idx;`);
    this.addSql(`create index person_last_name_idx on person (last_name, first_name, id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists person_search_idx;`);
    this.addSql(
      `create index person_search_idx on person using gin (lower((first_name || ' ' || last_name || ' ' || email) collate "default") gin_trgm_ops);`,
    );
    this.addSql(`drop index if exists person_name_search_idx;`);
    this.addSql(
      `create index person_name_search_idx on person using gin (lower((first_name || ' ' || last_name) collate "default") gin_trgm_ops);`,
    );
    this.addSql(`drop index if exists person_last_name_idx;`);
    this.addSql(`create index person_last_name_idx on person (last_name, id);`);
  }
}
