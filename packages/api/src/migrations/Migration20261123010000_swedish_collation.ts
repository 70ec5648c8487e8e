import { Migration } from '@mikro-orm/migrations';

/**
 * Names sort the Swedish way (… X Y Z Å Ä Ö): the database's default collation puts Ä before Å.
 * ICU ships with PostgreSQL builds in common use, the embedded one included. Dependent indexes are rebuilt.
 */
export class Migration20261123010000_swedish_collation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table organisation alter column name type text collate "sv-SE-x-icu";`);
    this.addSql(`alter table workplace alter column name type text collate "sv-SE-x-icu";`);
    this.addSql(
      `alter table person alter column first_name type text collate "sv-SE-x-icu", alter column last_name type text collate "sv-SE-x-icu";`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table organisation alter column name type text collate "default";`);
    this.addSql(`alter table workplace alter column name type text collate "default";`);
    this.addSql(
      `alter table person alter column first_name type text collate "default", alter column last_name type text collate "default";`,
    );
  }
}
