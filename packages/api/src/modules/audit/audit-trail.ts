import { ChangeSetType, Reference, type ChangeSet, type EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../platform/access/actor.js';
import type { AuditRecorder } from '../../platform/context.js';
import type { ModuleRegistry } from '../../platform/module/registry.js';
import { AuditEntry, type AuditedChange } from './audit-entry.entity.js';

/** Who made a change, as the trail records it. */
export interface AuditActor {
  personId: string | null;
  apiClientId: string | null;
}

export function auditActorOf(actor: Actor): AuditActor {
  return {
    personId: actor.kind === 'person' ? actor.personId : null,
    apiClientId: actor.kind === 'apiClient' ? actor.clientId : null,
  };
}

/** Fields whose values are personal data: the trail records that they changed, not what they were. */
const PERSONAL_FIELDS: Record<string, ReadonlySet<string>> = {
  Person: new Set(['firstName', 'lastName', 'email', 'phone']),
  // Free text meant for the person, which may name them.
  Registration: new Set(['rejectionReason']),
  // Where a step was signed from: kept for the funder's audit, not copied into the trail.
  LearningAttestation: new Set(['ipAddress']),
  LearningSession: new Set(['cancelReason']),
};
export const MASKED = '[personal data]';

/** Entities the trail does not record themselves (they are the trail, secrets, or the outbox of texts with personal data). */
const UNAUDITED = new Set(['AuditEntry', 'Account', 'Session', 'PasswordReset', 'SecondFactor', 'RecoveryCode', 'Notification']);

function plain(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Reference.isReference(value)) return (value.unwrap() as { id?: unknown }).id ?? null;
  if (value && typeof value === 'object' && 'id' in value) return (value as { id: unknown }).id;
  return value;
}

export const SECRET = '[secret]';

function describe(changeSet: ChangeSet<object>): AuditedChange {
  const personal = PERSONAL_FIELDS[changeSet.name] ?? new Set<string>();
  // Hidden properties (key and token hashes) are secrets: the trail says they changed, nothing more.
  const hidden = (field: string) => Boolean((changeSet.meta.properties as Record<string, { hidden?: boolean } | undefined>)[field]?.hidden);
  const shown = (field: string, value: unknown) => {
    if (value === null || value === undefined) return plain(value);
    if (hidden(field)) return SECRET;
    return personal.has(field) ? MASKED : plain(value);
  };
  const fields = Object.keys(changeSet.payload).filter((field) => field !== 'updatedAt');
  const before =
    changeSet.type === ChangeSetType.CREATE
      ? null
      : Object.fromEntries(
          fields.map((field) => [field, shown(field, (changeSet.originalEntity as Record<string, unknown> | undefined)?.[field])]),
        );
  const after =
    changeSet.type === ChangeSetType.DELETE
      ? null
      : Object.fromEntries(fields.map((field) => [field, shown(field, (changeSet.payload as Record<string, unknown>)[field])]));
  return {
    entityType: changeSet.name,
    entityId: String(changeSet.getPrimaryKey() ?? (changeSet.entity as { id?: string }).id),
    type: changeSet.type === ChangeSetType.CREATE ? 'create' : changeSet.type === ChangeSetType.DELETE ? 'delete' : 'update',
    before,
    after,
  };
}

/**
 * Adds the mutation's audit entry to the unit of work, so it is written in the same flush and
 * transaction as the changes it describes: both land, or neither.
 */
export function recordAuditEntry(
  em: EntityManager,
  entry: { operation: string; actor: AuditActor; requestId: string | null; subject: { type: string; id: string } },
): void {
  const uow = em.getUnitOfWork();
  uow.computeChangeSets();
  const changes = uow
    .getChangeSets()
    .filter((changeSet) => !UNAUDITED.has(changeSet.name))
    .map((changeSet) => describe(changeSet as ChangeSet<object>));
  em.persist(
    em.create(AuditEntry, {
      operation: entry.operation,
      actorPersonId: entry.actor.personId,
      actorApiClientId: entry.actor.apiClientId,
      requestId: entry.requestId,
      entityType: entry.subject.type,
      entityId: entry.subject.id,
      changes,
    }),
  );
}

/** The recorder every unit of work writes its entry with: the subject is named by its GraphQL type. */
export function auditRecorder(registry: ModuleRegistry): AuditRecorder {
  return {
    record(em, { operation, actor, requestId, subject }) {
      const type = registry.subjectTypeOf(subject);
      if (!type) throw new Error(`${subject.constructor.name} is no node type of any module: the audit trail cannot name it.`);
      recordAuditEntry(em, { operation, actor: auditActorOf(actor), requestId, subject: { type, id: subject.id } });
    },
  };
}
