import { Migration } from '@mikro-orm/migrations';

const KINDS = [
  'REGISTRATION_CONFIRMED',
  'REGISTRATION_WAITLISTED',
  'REGISTRATION_PROMOTED',
  'REGISTRATION_CANCELLED',
  'OFFER_MADE',
  'OFFER_LAPSED',
  'APPROVAL_REQUESTED',
  'REGISTRATION_REJECTED',
  'SESSION_REMINDER',
  'MEETING_REMINDER',
  'PASSWORD_RESET',
];

/**
 * A person's language (texts they receive), and the transactional outbox of e-mail notifications:
 * written in the same transaction as the change it tells about, delivered later by a worker.
 */
export class Migration20261126000000_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table person add column language text not null default 'sv' check (language in ('sv', 'en'));`);
    this.addSql(`
      create table notification (
        id uuid primary key,
        kind text not null check (kind in (${KINDS.map((kind) => `'${kind}'`).join(', ')})),
        person_id uuid not null references person (id) on delete cascade,
        to_address text not null,
        language text not null check (language in ('sv', 'en')),
        subject text not null,
        body text not null,
        dedupe_key text,
        status text not null default 'PENDING' check (status in ('PENDING', 'SENT', 'FAILED')),
        attempts integer not null default 0 check (attempts >= 0),
        next_attempt_at timestamptz(3) not null default now(),
        last_error text,
        sent_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        constraint notification_sent_at check ((status = 'SENT') = (sent_at is not null))
      );`);
    // A scheduled job running in several processes enqueues a reminder once (insert ... on conflict do nothing).
    this.addSql(`create unique index notification_dedupe_key on notification (dedupe_key);`);
    // The worker's claim: pending messages, oldest first.
    this.addSql(`create index notification_pending_idx on notification (created_at) where status = 'PENDING';`);
    this.addSql(`create index notification_person_idx on notification (person_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists notification;`);
    this.addSql(`alter table person drop column language;`);
  }
}
