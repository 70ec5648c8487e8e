import { Migration } from '@mikro-orm/migrations';

/** The yearly cost inputs, the weights of a key entered by hand, and the frozen shares of a year. */
export class Migration20261201191000_cost_shares extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table cost_share_year (
        id uuid primary key,
        year integer not null unique check (year between 2000 and 2100),
        base_cost integer check (base_cost between 0 and 2000000000),
        price_index double precision check (price_index > 0),
        key_kind text not null default 'POPULATION' check (key_kind in ('POPULATION', 'WEIGHTS')),
        frozen_at timestamptz,
        frozen_total integer,
        created_at timestamptz not null default now(),
        updated_at timestamptz not null default now(),
        check ((frozen_at is null) = (frozen_total is null))
      );`);
    this.addSql(`
      create table cost_share_weight (
        cost_share_year_id uuid not null references cost_share_year (id) on delete cascade,
        organisation_id uuid not null references organisation (id) on delete cascade,
        weight double precision not null check (weight >= 0),
        primary key (cost_share_year_id, organisation_id)
      );`);
    this.addSql(`
      create table cost_share_frozen_row (
        id uuid primary key,
        cost_share_year_id uuid not null references cost_share_year (id) on delete cascade,
        organisation_id uuid references organisation (id) on delete set null,
        organisation_name text not null,
        "group" text not null check ("group" in ('REGION', 'MUNICIPALITIES')),
        key_value double precision not null,
        participation double precision not null,
        key_share double precision not null,
        exact_share double precision not null,
        amount integer not null,
        rounding integer not null
      );`);
    this.addSql(`create index cost_share_frozen_row_year_idx on cost_share_frozen_row (cost_share_year_id);`);
    // A frozen year is the basis of invoices: its rows are never changed, only removed with the year.
    this.addSql(`
      create function cost_share_frozen_row_unchanged() returns trigger language plpgsql as $$
      begin
        raise exception 'the shares of a frozen year cannot change';
      end $$;`);
    this.addSql(
      `create trigger cost_share_frozen_row_no_update before update on cost_share_frozen_row for each row execute function cost_share_frozen_row_unchanged();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table cost_share_frozen_row;`);
    this.addSql(`drop function cost_share_frozen_row_unchanged;`);
    this.addSql(`drop table cost_share_weight;`);
    this.addSql(`drop table cost_share_year;`);
  }
}
