import { Migration } from '@mikro-orm/migrations';

/** Searching workplaces by name or city ignores accents and case ("odeshog" finds Ödeshög); the index follows. */
export class Migration20261201630000_accent_insensitive_search extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists workplace_search_idx;`);
    this.addSql(`create index workplace_search_idx on workplace using gin (search_text(name || ' ' || coalesce(city, '')) gin_trgm_ops);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists workplace_search_idx;`);
    this.addSql(
      `create index workplace_search_idx on workplace using gin (lower((name || ' ' || coalesce(city, '')) collate "default") gin_trgm_ops);`,
    );
  }
}
