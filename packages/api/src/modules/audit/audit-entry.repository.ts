import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { AuditEntry } from './audit-entry.entity.js';

export interface AuditEntryCriteria {
  actorPersonId?: string;
  actorApiClientId?: string;
  entityType?: string;
  entityId?: string;
  operation?: string;
  from?: Date;
  to?: Date;
}

export class AuditEntryRepository extends EntityRepository<AuditEntry> {
  findByIds(ids: string[]): Promise<AuditEntry[]> {
    return this.find({ id: { $in: ids } });
  }

  /** The changes a person made, oldest first. */
  findMadeBy(personId: string): Promise<AuditEntry[]> {
    return this.find({ actorPersonId: personId }, { orderBy: { occurredAt: 'asc' } });
  }

  /** The changes of these subjects of one type, oldest first. */
  findAbout(entityType: string, entityIds: string[]): Promise<AuditEntry[]> {
    return this.find({ entityType, entityId: { $in: entityIds } }, { orderBy: { occurredAt: 'asc' } });
  }

  findPage(criteria: AuditEntryCriteria, page: PageRequest<'occurredAt'>): Promise<Connection<AuditEntry>> {
    const where: FilterQuery<AuditEntry>[] = [];
    if (criteria.actorPersonId) where.push({ actorPersonId: criteria.actorPersonId });
    if (criteria.actorApiClientId) where.push({ actorApiClientId: criteria.actorApiClientId });
    if (criteria.entityType) where.push({ entityType: criteria.entityType });
    if (criteria.entityId) where.push({ entityId: criteria.entityId });
    if (criteria.operation) where.push({ operation: criteria.operation });
    if (criteria.from) where.push({ occurredAt: { $gte: criteria.from } });
    if (criteria.to) where.push({ occurredAt: { $lt: criteria.to } });
    return findPage(this.em, AuditEntry, { $and: where }, page);
  }
}
