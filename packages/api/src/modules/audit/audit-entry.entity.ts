import { randomUUID } from 'node:crypto';
import { Entity, EntityRepositoryType, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { AuditEntryRepository } from './audit-entry.repository.js';

/** One change of one entity within an audited mutation. Personal fields are masked. */
export interface AuditedChange {
  entityType: string;
  entityId: string;
  type: 'create' | 'update' | 'delete';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Who did what, when, and what changed: one entry per mutation, in the mutation's transaction. */
@Entity({ tableName: 'audit_entry', repository: () => AuditEntryRepository })
export class AuditEntry {
  [EntityRepositoryType]?: AuditEntryRepository;
  [OptionalProps]?: 'occurredAt' | 'actorPersonId' | 'actorApiClientId' | 'requestId';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime' })
  occurredAt: Date = new Date();

  /** Kept as plain ids (not relations): the trail outlives what it describes. */
  @Property({ type: 'uuid', nullable: true })
  actorPersonId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  actorApiClientId: string | null = null;

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'text', nullable: true })
  requestId: string | null = null;

  @Property({ type: 'json' })
  changes!: AuditedChange[];
}
