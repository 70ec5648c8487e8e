import { Migration } from '@mikro-orm/migrations';

/** Networks get calendar feeds of their meetings, like cohorts of their sessions. */
export class Migration20261126050000_network_calendar_feeds extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table calendar_feed
        add column network_id uuid references network (id),
        drop constraint calendar_feed_kind_check,
        add constraint calendar_feed_kind_check check (kind in ('PERSON', 'COHORT', 'NETWORK')),
        drop constraint calendar_feed_subject,
        add constraint calendar_feed_subject check (((kind = 'COHORT') = (cohort_id is not null)) and ((kind = 'NETWORK') = (network_id is not null)));`);
    this.addSql(`create index calendar_feed_network_idx on calendar_feed (network_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from calendar_feed where kind = 'NETWORK';`);
    this.addSql(`alter table calendar_feed drop column network_id;`);
  }
}
