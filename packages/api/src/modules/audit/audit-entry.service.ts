import type { ServiceContext } from '../../platform/context.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { AuditEntry } from './audit-entry.entity.js';
import type { AuditEntryCriteria } from './audit-entry.repository.js';
import type { AuditEntryOrderField } from './audit-entry.types.js';
import { AuditPolicy } from './audit.policy.js';

export class AuditEntryService {
  constructor(private readonly ctx: ServiceContext) {}

  /** The audit trail: administrators only. */
  list(criteria: AuditEntryCriteria, page: PageRequest<AuditEntryOrderField>): Promise<Connection<AuditEntry>> {
    this.ctx.access.requireToRead(AuditPolicy.of(this.ctx.access).canReadAuditTrail(), 'Only administrators read the audit trail.');
    return this.ctx.em.getRepository(AuditEntry).findPage(criteria, page);
  }
}
