import { Migration } from '@mikro-orm/migrations';

/**
 * Employments of people at workplaces, with their history. An employee number is unique within the
 * organisation among open-ended employments, and a person has one open-ended employment per workplace
 * (the service also checks overlapping periods); `organisation_id` is the workplace's, kept for those indexes.
 */
export class Migration20261201900000_employments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table employment (
        id uuid primary key,
        person_id uuid not null references person (id) on delete cascade,
        workplace_id uuid not null references workplace (id) on delete cascade,
        organisation_id uuid not null references organisation (id) on delete cascade,
        starts_on date not null,
        ends_on date,
        employee_number text check (employee_number is null or length(employee_number) between 1 and 50),
        title text check (title is null or length(title) between 1 and 200),
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        constraint employment_ends_after_start check (ends_on is null or ends_on >= starts_on)
      );`);
    this.addSql(
      `create unique index employment_employee_number_unique on employment (organisation_id, employee_number) where ends_on is null and employee_number is not null;`,
    );
    this.addSql(`create unique index employment_open_once on employment (person_id, workplace_id) where ends_on is null;`);
    this.addSql(`create index employment_workplace_idx on employment (workplace_id, starts_on);`);
    this.addSql(`create index employment_organisation_idx on employment (organisation_id);`);
    this.addSql(`create index employment_person_idx on employment (person_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table employment;`);
  }
}
