import { Migration } from '@mikro-orm/migrations';

/** Members' cooperation agreements; one in force at a time per member is checked by the service. */
export class Migration20261201190000_agreements extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table agreement (
        id uuid primary key,
        organisation_id uuid not null references organisation (id) on delete cascade,
        signed_on date not null,
        starts_on date not null,
        first_period_ends_on date not null check (first_period_ends_on >= starts_on),
        notice_period_months integer not null default 12 check (notice_period_months between 0 and 60),
        services text[] not null check (cardinality(services) between 1 and 6),
        notice_given_on date check (notice_given_on is null or notice_given_on >= starts_on),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now()
      );`);
    this.addSql(`create index agreement_organisation_idx on agreement (organisation_id, starts_on);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table agreement;`);
  }
}
