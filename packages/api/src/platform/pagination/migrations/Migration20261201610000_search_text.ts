import { Migration } from '@mikro-orm/migrations';

/**
 * `search_text(text)`: how searched text is compared, accent- and case-insensitively ("odeshog" finds
 * "Ödeshög", "aberg" "Åberg"). `unaccent` ships with PostgreSQL (the embedded one included) but is only
 * STABLE, as its rules file could change; this wrapper is IMMUTABLE so that expression indexes may use it.
 * Its SQL-standard body is bound when it is created, so it does not depend on the search_path. Should the
 * rules ever change, reindex the search indexes.
 */
export class Migration20261201610000_search_text extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(
      `create function search_text(value text) returns text language sql immutable parallel safe strict
         return lower(unaccent('unaccent'::regdictionary, value) collate "default");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists search_text(text);`);
  }
}
