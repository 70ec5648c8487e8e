import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the whole-offering completion recompute (all statuses) and for the statistics per
 * organisation, which would otherwise scan every registration and membership.
 */
export class Migration20261126060000_registration_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index registration_offering_idx on registration (offering_id);`);
    this.addSql(`create index registration_organisation_idx on registration (organisation_id, registered_at);`);
    this.addSql(`create index network_membership_organisation_idx on network_membership (organisation_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists network_membership_organisation_idx;`);
    this.addSql(`drop index if exists registration_organisation_idx;`);
    this.addSql(`drop index if exists registration_offering_idx;`);
  }
}
