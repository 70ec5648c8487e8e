import { Migration } from '@mikro-orm/migrations';

const CONSTRAINT = 'notification_kind_check';
const KINDS = ['LEARNING_HOURS_CONFIRM_REMINDER', 'LEARNING_HOURS_ATTEST_REMINDER'];

/**
 * Learning sessions at workplaces, each participant's minutes, the two signed attestation steps per participant
 * and month, and closed months; the session records whether its sign-in used a second factor (the evidence says
 * how the signer signed in). The outbox learns the two reminder kinds (added only when missing, as other modules do).
 */
export class Migration20261216100000_learning_sessions extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table session add column second_factor boolean not null default false;`);
    this.addSql(`
      create table learning_session (
        id uuid primary key,
        workplace_id uuid not null references workplace (id),
        organisation_id uuid not null references organisation (id),
        held_on date not null,
        starts_at text not null check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        ends_at text not null check (ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
        type text not null check (type in ('TEACHER_LED', 'REFLECTION', 'WEB_BASED', 'OTHER')),
        module_ids uuid[] not null default '{}',
        teacher_needed boolean not null default false,
        teacher_person_id uuid references person (id),
        funder_reference text check (length(funder_reference) between 1 and 100),
        registered_by_person_id uuid references person (id),
        registered_at timestamptz not null default now(),
        cancelled_at timestamptz,
        cancel_reason text check (length(cancel_reason) <= 500),
        paper_list_signed_by_person_id uuid references person (id),
        updated_at timestamptz not null default now(),
        constraint learning_session_times_check check (ends_at > starts_at)
      );`);
    this.addSql(`create index learning_session_workplace_idx on learning_session (workplace_id, held_on, id);`);
    this.addSql(
      `create index learning_session_funder_idx on learning_session (funder_reference, held_on) where funder_reference is not null;`,
    );
    this.addSql(`
      create table learning_attestation (
        id uuid primary key,
        step text not null check (step in ('CONFIRMED', 'ATTESTED')),
        participant_person_id uuid not null references person (id),
        workplace_id uuid not null references workplace (id),
        month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        minutes integer not null check (minutes >= 0),
        signed_by_person_id uuid references person (id),
        signed_at timestamptz not null default now(),
        method text not null check (method in ('PASSWORD', 'PASSWORD_TOTP', 'API_CLIENT', 'PAPER_LIST')),
        ip_address text,
        recorded_by_person_id uuid references person (id),
        session_id uuid references learning_session (id) on delete set null
      );`);
    this.addSql(`create index learning_attestation_participant_idx on learning_attestation (participant_person_id, month);`);
    this.addSql(
      `create index learning_attestation_signer_idx on learning_attestation (signed_by_person_id) where signed_by_person_id is not null;`,
    );
    this.addSql(`
      create table learning_hours (
        id uuid primary key,
        session_id uuid not null references learning_session (id) on delete cascade,
        person_id uuid not null references person (id),
        workplace_id uuid not null references workplace (id),
        held_on date not null,
        month text not null check (month = to_char(held_on, 'YYYY-MM')),
        minutes integer not null check (minutes between 1 and 1440),
        confirmation_id uuid references learning_attestation (id),
        attestation_id uuid references learning_attestation (id),
        anonymised_at timestamptz,
        constraint learning_hours_session_person_unique unique (session_id, person_id),
        constraint learning_hours_steps_check check (attestation_id is null or confirmation_id is not null)
      );`);
    this.addSql(`create index learning_hours_person_month_idx on learning_hours (person_id, month, workplace_id);`);
    this.addSql(`create index learning_hours_workplace_month_idx on learning_hours (workplace_id, month);`);
    this.addSql(`
      create table learning_month_close (
        id uuid primary key,
        month text not null check (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        organisation_id uuid references organisation (id),
        closed_by_person_id uuid references person (id),
        closed_at timestamptz not null default now()
      );`);
    this.addSql(
      `create unique index learning_month_close_unique on learning_month_close (month, coalesce(organisation_id, '00000000-0000-0000-0000-000000000000'));`,
    );
    for (const kind of KINDS)
      this.addSql(`
        do $$
        declare definition text;
        begin
          select pg_get_constraintdef(oid) into definition
            from pg_constraint where conname = '${CONSTRAINT}' and conrelid = 'notification'::regclass;
          if definition not like '%''${kind}''%' then
            execute 'alter table notification drop constraint ${CONSTRAINT}';
            execute 'alter table notification add constraint ${CONSTRAINT} '
              || replace(definition, 'ARRAY[', 'ARRAY[''${kind}''::text, ');
          end if;
        end $$;`);
  }

  override async down(): Promise<void> {
    for (const kind of KINDS) {
      this.addSql(`delete from notification where kind = '${kind}';`);
      this.addSql(`
        do $$
        declare definition text;
        begin
          select pg_get_constraintdef(oid) into definition
            from pg_constraint where conname = '${CONSTRAINT}' and conrelid = 'notification'::regclass;
          execute 'alter table notification drop constraint ${CONSTRAINT}';
          execute 'alter table notification add constraint ${CONSTRAINT} '
            || replace(replace(definition, '''${kind}''::text, ', ''), ', ''${kind}''::text', '');
        end $$;`);
    }
    this.addSql(`drop table learning_month_close;`);
    this.addSql(`drop table learning_hours;`);
    this.addSql(`drop table learning_attestation;`);
    this.addSql(`drop table learning_session;`);
    this.addSql(`alter table session drop column second_factor;`);
  }
}
