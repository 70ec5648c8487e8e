import type { AccessPolicy } from '../../platform/access/access-policy.js';

/**
 * The cost shares are the basis of every member's invoice and of the region's public decision: administrators enter
 * the inputs and freeze a year; administrators and every organisation admin read the whole table of a year.
 */
export class CostSharePolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): CostSharePolicy {
    return access.memo(CostSharePolicy, () => new CostSharePolicy(access));
  }

  canRead(): boolean {
    return this.access.isAdministrator || (this.access.grants?.organisationAdminOf.size ?? 0) > 0;
  }

  canManage(): boolean {
    return this.access.isAdministrator;
  }
}
