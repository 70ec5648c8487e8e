import { Migration } from '@mikro-orm/migrations';

/** The reminder job looks for sessions starting within days of now, in every process every run. */
export class Migration20261126070000_session_start_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index offering_session_starts_idx on offering_session (starts_at);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists offering_session_starts_idx;`);
  }
}
