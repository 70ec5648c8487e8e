import { Migration } from '@mikro-orm/migrations';

/** Personal identity numbers, encrypted, with a keyed hash to find a person by number (identity-number module). */
export class Migration20261201900000_person_identity_number extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table person_identity_number (
        person_id uuid primary key references person (id),
        -- Which configured key sealed the number and made the hash: re-encryption finds the rows of an old key by it.
        key_id text not null check (key_id ~ '^[0-9a-f]{16}$'),
        -- AES-256-GCM: a version byte, 12 bytes of IV, 16 of authentication tag, then the ciphertext of the 12 digits.
        sealed bytea not null check (get_byte(sealed, 0) = 1 and length(sealed) = 41),
        -- HMAC-SHA-256 of the 12 digits: one person per number.
        lookup_hash bytea not null check (length(lookup_hash) = 32),
        created_at timestamptz(3) not null default now(),
        updated_at timestamptz(3) not null default now(),
        constraint person_identity_number_lookup_unique unique (lookup_hash)
      );`);
    this.addSql(`create index person_identity_number_key_id_idx on person_identity_number (key_id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists person_identity_number;`);
  }
}
