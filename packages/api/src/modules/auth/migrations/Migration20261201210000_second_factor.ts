import { Migration } from '@mikro-orm/migrations';

/** Second factors: a sealed TOTP secret per person, and single-use recovery codes (hashed). */
export class Migration20261201210000_second_factor extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table second_factor (
        person_id uuid primary key references person (id),
        -- AES-256-GCM under the server's SECOND_FACTOR_KEY: the table alone gives no secret away.
        sealed_secret text not null,
        -- Null while set up but not confirmed with a code: sign-in does not ask for it yet.
        confirmed_at timestamptz(3),
        -- The TOTP time step of the last code used: it and older ones are refused (no replay).
        last_time_step integer check (last_time_step >= 0),
        created_at timestamptz(3) not null default now()
      );`);
    this.addSql(`
      create table recovery_code (
        id uuid primary key,
        person_id uuid not null references person (id),
        code_hash text not null,
        used_at timestamptz(3),
        created_at timestamptz(3) not null default now(),
        constraint recovery_code_person_hash_unique unique (person_id, code_hash)
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists recovery_code;`);
    this.addSql(`drop table if exists second_factor;`);
  }
}
