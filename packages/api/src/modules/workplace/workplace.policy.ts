import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { OrganisationPolicy } from '../organisation/organisation.policy.js';

/** Who may change a workplace. Which workplaces one may read is the directory read scope (`PersonPolicy.readScope`). */
export class WorkplacePolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): WorkplacePolicy {
    return access.memo(WorkplacePolicy, () => new WorkplacePolicy(access));
  }

  /** Everything about a workplace (joining, status, leaving): whoever manages its organisation's data. */
  canManageWorkplace(workplace: { organisationId: string }): boolean {
    return OrganisationPolicy.of(this.access).canManageOrganisationData(workplace.organisationId);
  }

  /** A workplace's own details (name, type, address, employees): also its manager. */
  canEditWorkplaceDetails(workplace: { id: string; organisationId: string }): boolean {
    return this.canManageWorkplace(workplace) || this.managesWorkplace(workplace.id);
  }

  /** A manager of this workplace (e.g. to register its workplace coordinators for coordinator sessions). */
  managesWorkplace(workplaceId: string): boolean {
    return this.access.grants?.managerOf.has(workplaceId) ?? false;
  }
}
