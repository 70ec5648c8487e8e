import { randomUUID } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { AuditEntryOwner } from '../../platform/unit-of-work.js';
import { recordLockReleased, recordLockTaken, recordQuery } from '../../platform/database/query-counter.js';
import type { OutboxRow } from '../notification/outbox.js';
import { OfferingStatus, RegistrationStatus } from './offering.enums.js';
import { freePlacesSql } from './queue-places.js';

/** A new registration, everything about it decided before the offering's row is locked but its place. */
export interface Admission {
  registrationId: string;
  offeringId: string;
  personId: string;
  organisationId: string;
  registeredByPersonId: string | null;
  now: Date;
  /** Administrators register outside the registration window. */
  ignoresWindow: boolean;
  /** The caller could approve the registration, so the offering's approval step does not apply. */
  approves: boolean;
  /** The outbox rows of each outcome (empty: no usable address); a waitlisted row's texts hold `positionMarker` for the position. */
  messages: { confirmed: OutboxRow[]; waitlisted: OutboxRow[] };
  positionMarker: string;
  /** The audit entry's fields; its changes are built in the statement from what it decides. */
  audit: { id: string; operation: string; actorPersonId: string | null; actorApiClientId: string | null; requestId: string | null };
}

/** A number no message text holds otherwise: the admitting statement writes the waitlist position in its place. */
export function newPositionMarker(): number {
  return Math.floor(1e11 + Math.random() * 8.9e11);
}

/** The new registration a message of either outcome is about, before the statement decides its place. */
export function admittedRegistration(
  admission: Pick<Admission, 'registrationId' | 'personId' | 'organisationId' | 'registeredByPersonId'>,
  waitlistPosition: number | null,
) {
  return {
    id: admission.registrationId,
    person: { id: admission.personId },
    organisation: { id: admission.organisationId },
    registeredByPersonId: admission.registeredByPersonId,
    waitlistPosition,
    offerExpiresAt: null,
    rejectionReason: null,
  };
}

/** The audit entry's fields of an admission, from whoever acts. */
export function admissionAudit({ operation, actor, requestId }: AuditEntryOwner): Admission['audit'] {
  return {
    id: randomUUID(),
    operation,
    actorPersonId: actor.kind === 'person' ? actor.personId : null,
    actorApiClientId: actor.kind === 'apiClient' ? actor.clientId : null,
    requestId,
  };
}

export interface AdmissionRow {
  id: string;
  offering_id: string;
  person_id: string;
  organisation_id: string;
  status: RegistrationStatus;
  waitlist_position: number | null;
  registered_by_person_id: string | null;
  registered_at: Date;
  created_at: Date;
  updated_at: Date;
  /** The database's clock right after the offering's row was locked (epoch ms). */
  locked_at: number;
}

/**
 * The whole of a new registration in one statement, so that the offering's row lock is held for the
 * database's work alone: lock the offering when it still takes the registration as prepared (open, within
 * the window unless `ignoresWindow`, no approval step unless `approves`, no seat quotas holding), decide
 * between a place and the end of the queue by `freePlacesSql` (the queue's own rule), update the counters,
 * insert the registration, its outbox messages (those of the outcome) and its audit entry. No row: the
 * offering is not as prepared (closed, quotas, approval…), and the caller takes the general path, which
 * answers each case. A racing duplicate meets the unique index `registration_once`. A seat quota added by a
 * transaction that commits while this one waits for the lock is not seen: the registration counts as made
 * before it.
 */
export async function admitInOneStatement(em: EntityManager, admission: Admission): Promise<AdmissionRow | null> {
  // Run and committed in one round trip on the unit of work's own connection: the lock ends inside the
  // database, never waiting for this process to get round to sending the commit. The unit of work's own
  // commit then finds the transaction ended (PostgreSQL only warns); nothing else is written after this.
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) throw new Error('A registration is admitted inside its unit of work.');
  const row = await runAdmission(em, transaction, `${admissionSql(admission)}; commit;`);
  if (row) return row;
  // Nothing was written, and the reads before are committed: the general path goes on in a transaction again.
  await transaction.raw('begin');
  return null;
}

/**
 * `admitInOneStatement` outside any transaction: the statement alone, on a pooled connection, is its own
 * transaction (PostgreSQL commits it when it ends, or writes nothing when it fails), so the whole registration
 * is one round trip with no `begin` or `commit` of its own. For a registration whose reads are already done
 * (`registration-direct.ts`).
 */
export function admitOnItsOwn(em: EntityManager, admission: Admission): Promise<AdmissionRow | null> {
  if (em.getTransactionContext()) throw new Error('A registration admitted on its own runs outside a transaction.');
  return runAdmission(em, em.getKnex(), admissionSql(admission));
}

/** What knex's client lends: a `pg` connection (the transaction's own inside one, else one of the pool). */
interface KnexClient {
  acquireConnection(): Promise<pg.ClientBase>;
  releaseConnection(connection: pg.ClientBase): Promise<unknown>;
}

/**
 * Sends the statement straight on the connection, past knex's query building (which would read a `?` in the
 * messages' texts as a placeholder), converting a database error (a racing duplicate meeting
 * `registration_once`) to the driver's typed one.
 */
async function runAdmission(em: EntityManager, knex: Knex, sql: string): Promise<AdmissionRow | null> {
  recordQuery();
  const client = knex.client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  let results: pg.QueryResult<AdmissionRow> | pg.QueryResult<AdmissionRow>[];
  try {
    results = (await connection.query<AdmissionRow>(sql)) as pg.QueryResult<AdmissionRow> | pg.QueryResult<AdmissionRow>[];
  } catch (error) {
    // E.g. a racing duplicate meeting registration_once: the typed error (and a unit of work rolls back).
    throw em.getDriver().convertException(error as Error);
  } finally {
    await client.releaseConnection(connection);
  }
  const row = (Array.isArray(results) ? results[0] : results)?.rows[0];
  // The lock ended with the statement's commit, inside the round trip: its answer is the latest it can have ended.
  if (row) recordLockTaken(Number(row.locked_at));
  recordLockReleased();
  return row ? { ...row, locked_at: Number(row.locked_at) } : null;
}

/** The admitting statement, its values written in (a multi-statement round trip takes no parameters). */
function admissionSql(admission: Admission): string {
  const outbox = [
    ...admission.messages.confirmed.map((row) => ({ ...row, outcome: RegistrationStatus.CONFIRMED })),
    ...admission.messages.waitlisted.map((row) => ({ ...row, outcome: RegistrationStatus.WAITLISTED })),
  ].map((row) => ({
    outcome: row.outcome,
    kind: row.kind,
    person_id: row.personId,
    to_address: row.toAddress,
    language: row.language,
    subject: row.subject,
    body: row.body,
    html_body: row.htmlBody,
    attachments: row.attachments,
  }));
  const registrationAfter = {
    id: admission.registrationId,
    offering: admission.offeringId,
    person: admission.personId,
    organisation: admission.organisationId,
    offerExpiresAt: null,
    completedOn: null,
    registeredByPersonId: admission.registeredByPersonId,
    registeredAt: admission.now.toISOString(),
    cancelledAt: null,
    rejectionReason: null,
    createdAt: admission.now.toISOString(),
  };
  const { audit } = admission;
  const sql = inline(
    `with locked as (
       select o.id, o.capacity, o.confirmed_count, o.offered_count, o.waitlisted_count
       from offering o
       where o.id = ? and o.status = '${OfferingStatus.OPEN}'
         and (?::boolean or ((o.registration_opens_at is null or o.registration_opens_at <= ?) and (o.registration_closes_at is null or ? < o.registration_closes_at)))
         and (?::boolean or not o.requires_approval)
         and (o.quotas_released_at is not null or not exists (select 1 from offering_quota q where q.offering_id = o.id))
       for update
     ),
     decided as (
       select l.*, ${freePlacesSql('l')} > 0 as confirmed from locked l
     ),
     counted as (
       update offering o
       set confirmed_count = o.confirmed_count + case when d.confirmed then 1 else 0 end,
           waitlisted_count = o.waitlisted_count + case when d.confirmed then 0 else 1 end,
           updated_at = ?
       from decided d
       where o.id = d.id
       returning d.confirmed, d.confirmed_count as confirmed_before, d.waitlisted_count as waitlisted_before,
                 o.confirmed_count, o.waitlisted_count, extract(epoch from clock_timestamp()) * 1000 as locked_at
     ),
     registered as (
       insert into registration (id, offering_id, person_id, organisation_id, status, waitlist_position, registered_by_person_id, registered_at, created_at, updated_at)
       select ?, ?, ?, ?,
              case when c.confirmed then '${RegistrationStatus.CONFIRMED}' else '${RegistrationStatus.WAITLISTED}' end,
              case when c.confirmed then null else c.waitlisted_count end,
              ?, ?, ?, ?
       from counted c
       returning *
     ),
     notified as (
       insert into notification (id, kind, person_id, to_address, language, subject, body, html_body, attachments, next_attempt_at, created_at)
       select gen_random_uuid(), m.kind, m.person_id, m.to_address, m.language,
              replace(m.subject, ?, coalesce(r.waitlist_position::text, '')),
              replace(m.body, ?, coalesce(r.waitlist_position::text, '')),
              replace(m.html_body, ?, coalesce(r.waitlist_position::text, '')),
              m.attachments, ?, ?
       from registered r
       join jsonb_to_recordset(?::jsonb) as m(outcome text, kind text, person_id uuid, to_address text, language text, subject text, body text, html_body text, attachments jsonb)
         on m.outcome = r.status
     ),
     audited as (
       insert into audit_entry (id, occurred_at, actor_person_id, actor_api_client_id, operation, entity_type, entity_id, request_id, changes)
       select ?, ?, ?, ?, ?, 'Registration', r.id, ?,
              jsonb_build_array(
                jsonb_build_object('entityType', 'Registration', 'entityId', r.id, 'type', 'create', 'before', null,
                  'after', ?::jsonb || jsonb_build_object('status', r.status, 'waitlistPosition', r.waitlist_position)),
                jsonb_build_object('entityType', 'Offering', 'entityId', r.offering_id, 'type', 'update',
                  'before', case when c.confirmed then jsonb_build_object('confirmedCount', c.confirmed_before)
                                 else jsonb_build_object('waitlistedCount', c.waitlisted_before) end,
                  'after', case when c.confirmed then jsonb_build_object('confirmedCount', c.confirmed_count)
                                else jsonb_build_object('waitlistedCount', c.waitlisted_count) end))
       from registered r, counted c
     )
     select r.*, c.locked_at from registered r, counted c`,
    [
      admission.offeringId,
      admission.ignoresWindow,
      admission.now,
      admission.now,
      admission.approves,
      admission.now,
      admission.registrationId,
      admission.offeringId,
      admission.personId,
      admission.organisationId,
      admission.registeredByPersonId,
      admission.now,
      admission.now,
      admission.now,
      admission.positionMarker,
      admission.positionMarker,
      admission.positionMarker,
      admission.now,
      admission.now,
      JSON.stringify(outbox),
      audit.id,
      admission.now,
      audit.actorPersonId,
      audit.actorApiClientId,
      audit.operation,
      audit.requestId,
      JSON.stringify(registrationAfter),
    ],
  );
  return sql;
}

/** The statement with its values written in as literals (PostgreSQL's own quoting): a multi-statement query takes no parameters. */
function inline(sql: string, values: unknown[]): string {
  let index = 0;
  return sql.replace(/\?/g, () => {
    const value = values[index++];
    if (value === null || value === undefined) return 'null';
    if (typeof value === 'boolean') return value ? 'true' : 'false';
    if (value instanceof Date) return `${pg.escapeLiteral(value.toISOString())}::timestamptz`;
    return pg.escapeLiteral(String(value));
  });
}
