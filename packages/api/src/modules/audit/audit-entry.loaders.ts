import { byIdLoader, type LoaderContext } from '../../platform/loaders.js';
import { AuditEntry } from './audit-entry.entity.js';
import { AuditPolicy } from './audit.policy.js';

export function auditEntryLoaders({ em, access }: LoaderContext) {
  return {
    // The audit trail is for administrators only.
    auditEntry: byIdLoader((ids) =>
      AuditPolicy.of(access).canReadAuditTrail() ? em.getRepository(AuditEntry).findByIds(ids) : Promise.resolve([]),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof auditEntryLoaders> {}
}
