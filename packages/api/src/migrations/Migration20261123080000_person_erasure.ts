import { Migration } from '@mikro-orm/migrations';

/** When a person's personal data was erased (GDPR): the record stays, anonymous, so statistics add up. */
export class Migration20261123080000_person_erasure extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table person add column erased_at timestamptz(3);`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table person drop column erased_at;`);
  }
}
