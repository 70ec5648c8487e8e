import { Migration } from '@mikro-orm/migrations';

/** Searching organisations by name or number ignores accents and case, on a trigram index (there was none). */
export class Migration20261201620000_accent_insensitive_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index organisation_search_idx on organisation using gin (search_text(name || ' ' || organisation_number) gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists organisation_search_idx;`);
  }
}
