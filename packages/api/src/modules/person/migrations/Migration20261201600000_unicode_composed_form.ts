import { Migration } from '@mikro-orm/migrations';

/**
 * Stops the migration, naming them, when rows would be the same once composed (NFC): `key` is what must be
 * unique (for a table alias), `column` the text that is composed.
 */
function twinCheck(table: string, column: string, key: (alias: string) => string, what: string): string {
  return `do $$
declare twins text;
begin
  select string_agg(a.id::text || ' and ' || b.id::text, ', ') into twins
    from ${table} a join ${table} b on a.id < b.id and ${key('a')} = ${key('b')}
   where not (a.${column} is nfc normalized and b.${column} is nfc normalized);
  if twins is not null then
    raise exception '${what} differ only in their Unicode form (${table} %): change one of each pair, then start again.', twins;
  end if;
end $$;`;
}

/**
 * Texts are composed to Unicode NFC on the way in (so that "å" typed as "a" + ring is the same "å"); this
 * composes what was stored before. People whose e-mail addresses (or workplaces of one organisation whose
 * names) differ only in their form are reported, not merged: the migration stops and names them. The
 * identifying columns of people must stay composed, so that the unique index on lower(email) holds across forms.
 */
export class Migration20261201600000_unicode_composed_form extends Migration {
  override async up(): Promise<void> {
    this.addSql(twinCheck('person', 'email', (t) => `lower(normalize(${t}.email, NFC))`, 'E-mail addresses of people'));
    this.addSql(
      twinCheck(
        'workplace',
        'name',
        (t) => `(${t}.organisation_id, lower(normalize(${t}.name, NFC)))`,
        'Names of workplaces of the same organisation',
      ),
    );
    for (const [table, columns] of [
      ['person', ['email', 'first_name', 'last_name', 'phone']],
      ['organisation', ['name']],
      ['workplace', ['name', 'street_address', 'postal_code', 'city']],
    ] as const) {
      for (const column of columns) {
        this.addSql(`update ${table} set ${column} = normalize(${column}, NFC) where ${column} is not nfc normalized;`);
      }
    }
    this.addSql(
      `alter table person add constraint person_texts_composed check (email is nfc normalized and first_name is nfc normalized and last_name is nfc normalized);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table person drop constraint if exists person_texts_composed;`);
  }
}
