import { Migration } from '@mikro-orm/migrations';

/** Sign-in: password accounts, server-side sessions, password-reset tokens, and attempt counters. */
export class Migration20261123030000_sign_in extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table account (
        person_id uuid primary key references person (id),
        password_hash text not null,
        password_changed_at timestamptz not null default now(),
        -- Demo accounts of the seed: refused in production, whatever their password.
        demo boolean not null default false,
        created_at timestamptz not null default now()
      );`);
    // Sessions live in the database so that any number of API processes serve the same user.
    // Only a hash of the token is stored: a leaked table does not sign anyone in.
    this.addSql(`
      create table session (
        id uuid primary key,
        token_hash text not null,
        person_id uuid not null references person (id),
        created_at timestamptz not null default now(),
        last_seen_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz,
        constraint session_token_hash_unique unique (token_hash)
      );`);
    this.addSql(`create index session_person_idx on session (person_id);`);
    this.addSql(`
      create table password_reset (
        id uuid primary key,
        token_hash text not null,
        person_id uuid not null references person (id),
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        used_at timestamptz,
        constraint password_reset_token_hash_unique unique (token_hash)
      );`);
    this.addSql(`create index password_reset_person_idx on password_reset (person_id);`);
    // The table rate-limiter-flexible keeps its counters in (failed sign-ins per account and per address).
    // Keys are hashed before they get here, so no e-mail address is stored in it.
    this.addSql(`
      create table rate_limit (
        key varchar(255) primary key,
        points integer not null default 0,
        expire bigint
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists rate_limit;`);
    this.addSql(`drop table if exists password_reset;`);
    this.addSql(`drop table if exists session;`);
    this.addSql(`drop table if exists account;`);
  }
}
