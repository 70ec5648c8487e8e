import { Migration } from '@mikro-orm/migrations';

/** The notification kinds the outbox accepts, as of this migration (the check constraint is replaced whole). */
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
  'ACCOUNT_INVITATION',
  'ACCOUNT_LOCKED',
];
const PREVIOUS_KINDS = KINDS.filter((kind) => kind !== 'ACCOUNT_INVITATION' && kind !== 'ACCOUNT_LOCKED');
const kindCheck = (kinds: string[]) => `check (kind in (${kinds.map((kind) => `'${kind}'`).join(', ')}))`;

/**
 * Accounts get a life cycle: invitations (single-use links that let a person choose a password) and
 * deactivation. The outbox learns the invitation and account-locked messages.
 */
export class Migration20261201100000_account_lifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table account add column deactivated_at timestamptz(3);`);
    this.addSql(`
      create table account_invitation (
        id uuid primary key,
        person_id uuid not null references person (id),
        token_hash text not null,
        created_at timestamptz(3) not null default now(),
        expires_at timestamptz(3) not null,
        -- Set when the link was used, or replaced by a newer one (resending, activation, deactivation).
        used_at timestamptz(3),
        constraint account_invitation_token_hash_unique unique (token_hash),
        constraint account_invitation_expires_after_creation check (expires_at > created_at)
      );`);
    this.addSql(`create index account_invitation_person_idx on account_invitation (person_id);`);
    this.addSql(`alter table notification drop constraint notification_kind_check;`);
    this.addSql(`alter table notification add constraint notification_kind_check ${kindCheck(KINDS)};`);
  }

  override async down(): Promise<void> {
    this.addSql(`delete from notification where kind in ('ACCOUNT_INVITATION', 'ACCOUNT_LOCKED');`);
    this.addSql(`alter table notification drop constraint notification_kind_check;`);
    this.addSql(`alter table notification add constraint notification_kind_check ${kindCheck(PREVIOUS_KINDS)};`);
    this.addSql(`drop table if exists account_invitation;`);
    this.addSql(`alter table account drop column deactivated_at;`);
  }
}
