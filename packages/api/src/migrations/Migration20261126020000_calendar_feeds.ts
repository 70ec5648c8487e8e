import { Migration } from '@mikro-orm/migrations';

/** Secret iCalendar feed URLs of people and cohorts. */
export class Migration20261126020000_calendar_feeds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table calendar_feed (
        id uuid primary key,
        kind text not null check (kind in ('PERSON', 'COHORT')),
        person_id uuid not null references person (id),
        cohort_id uuid references cohort (id),
        -- Only a SHA-256 of the token in the URL is kept.
        token_hash text not null,
        created_by_person_id uuid references person (id),
        created_at timestamptz(3) not null default now(),
        revoked_at timestamptz(3),
        constraint calendar_feed_token_hash_unique unique (token_hash),
        constraint calendar_feed_subject check ((kind = 'COHORT') = (cohort_id is not null))
      );`);
    this.addSql(`create index calendar_feed_person_idx on calendar_feed (person_id, created_at);`);
    this.addSql(`create index calendar_feed_cohort_idx on calendar_feed (cohort_id);`);
    this.addSql(`create index calendar_feed_created_by_idx on calendar_feed (created_by_person_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists calendar_feed;`);
  }
}
