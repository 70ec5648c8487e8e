import type { AccessPolicy } from '../../platform/access/access-policy.js';

/** Who reads the audit trail. */
export class AuditPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): AuditPolicy {
    return access.memo(AuditPolicy, () => new AuditPolicy(access));
  }

  /** The audit trail (its entries, and `node(id:)` for one): the central administrators. */
  canReadAuditTrail(): boolean {
    return this.access.isAdministrator;
  }
}
