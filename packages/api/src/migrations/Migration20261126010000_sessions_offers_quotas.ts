import { Migration } from '@mikro-orm/migrations';

/**
 * The engine grows: sessions with attendance and completion, offers that hold a freed place for a
 * while (the OFFER promotion policy), and seats reserved per organisation until a release date.
 */
export class Migration20261126010000_sessions_offers_quotas extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table offering
        add column offered_count integer not null default 0 check (offered_count >= 0),
        add column offer_hold_hours integer not null default 48 check (offer_hold_hours between 1 and 720),
        add column quota_release_at timestamptz(3),
        add column quotas_released_at timestamptz(3),
        drop constraint offering_within_capacity,
        -- Offers hold a place as much as confirmations do.
        add constraint offering_within_capacity check (capacity is null or confirmed_count + offered_count <= capacity);`);
    this.addSql(`
      alter table registration
        drop constraint registration_status_check,
        add constraint registration_status_check check (status in ('CONFIRMED', 'WAITLISTED', 'OFFERED', 'LAPSED', 'CANCELLED')),
        -- The organisation the place counts for (quotas, statistics): the person's at registration.
        add column organisation_id uuid references organisation (id),
        add column offer_expires_at timestamptz(3),
        add column completed_on date,
        add constraint registration_offer_expiry check ((status = 'OFFERED') = (offer_expires_at is not null) or status = 'LAPSED');`);
    this.addSql(`update registration r set organisation_id = p.home_organisation_id from person p where p.id = r.person_id;`);
    this.addSql(`alter table registration alter column organisation_id set not null;`);
    // A person's place ends with a cancellation or a lapsed offer; either way they may register again.
    this.addSql(`drop index registration_once;`);
    this.addSql(
      `create unique index registration_once on registration (offering_id, person_id) where status not in ('CANCELLED', 'LAPSED');`,
    );
    this.addSql(`create index registration_offer_expiry_idx on registration (offer_expires_at) where status = 'OFFERED';`);
    this.addSql(
      `create index registration_taken_by_organisation_idx on registration (offering_id, organisation_id) where status in ('CONFIRMED', 'OFFERED');`,
    );
    this.addSql(`create index registration_completed_idx on registration (person_id) where completed_on is not null;`);
    this.addSql(`
      create table offering_quota (
        offering_id uuid not null references offering (id) on delete cascade,
        organisation_id uuid not null references organisation (id),
        places integer not null check (places > 0),
        primary key (offering_id, organisation_id)
      );`);
    this.addSql(
      `create index offering_quota_release_idx on offering (quota_release_at) where quotas_released_at is null and quota_release_at is not null;`,
    );
    this.addSql(`
      create table offering_session (
        id uuid primary key,
        offering_id uuid not null references offering (id) on delete cascade,
        title text,
        starts_at timestamptz(3) not null,
        ends_at timestamptz(3) not null,
        venue text,
        online_url text,
        residential boolean not null default false,
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint offering_session_order check (ends_at > starts_at)
      );`);
    this.addSql(`create index offering_session_offering_idx on offering_session (offering_id, starts_at);`);
    this.addSql(`
      create table attendance (
        session_id uuid not null references offering_session (id) on delete cascade,
        registration_id uuid not null references registration (id),
        status text not null check (status in ('PRESENT', 'ABSENT', 'EXCUSED')),
        recorded_by_person_id uuid references person (id) on delete set null,
        recorded_at timestamptz(3) not null default now(),
        primary key (session_id, registration_id)
      );`);
    this.addSql(`create index attendance_registration_idx on attendance (registration_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists attendance;`);
    this.addSql(`drop table if exists offering_session;`);
    this.addSql(`drop table if exists offering_quota;`);
  }
}
