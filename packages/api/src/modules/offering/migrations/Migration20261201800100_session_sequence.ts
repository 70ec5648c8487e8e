import { Migration } from '@mikro-orm/migrations';

/**
 * Calendar apps update an event they already hold only when its SEQUENCE rises (RFC 5545): a session
 * counts its moves (time or venue changed), and a removed session leaves a tombstone so that feeds keep
 * it, cancelled, with a higher SEQUENCE.
 */
export class Migration20261201800100_session_sequence extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table offering_session add column sequence integer not null default 0 constraint offering_session_sequence_not_negative check (sequence >= 0);`,
    );
    this.addSql(`
      create table offering_session_removal (
        session_id uuid primary key,
        offering_id uuid not null references offering (id),
        title text,
        starts_at timestamptz(3) not null,
        ends_at timestamptz(3) not null,
        venue text,
        online_url text,
        residential boolean not null default false,
        -- The session's SEQUENCE when removed, plus one.
        sequence integer not null,
        removed_at timestamptz(3) not null default now()
      );`);
    this.addSql(`create index offering_session_removal_offering_idx on offering_session_removal (offering_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists offering_session_removal;`);
    this.addSql(`alter table offering_session drop column sequence;`);
  }
}
