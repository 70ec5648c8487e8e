import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { EVERYTHING, NOTHING, type ReadScope } from '../../platform/access/read-scope.js';
import { ApiScope } from '../../platform/access/vocabulary.js';
import { OrganisationPolicy } from '../organisation/organisation.policy.js';

/**
 * Who sees and changes the staff of workplaces (employments). Names of staff follow the employment;
 * their e-mail and phone stay behind the person module's contact scope.
 */
export class StaffPolicy {
  private readScopeValue: ReadScope | undefined;

  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): StaffPolicy {
    return access.memo(StaffPolicy, () => new StaffPolicy(access));
  }

  /**
   * Whose employments the caller reads: administrators all; organisation admins their organisation's;
   * managers and workplace coordinators their workplace's; oneself one's own; API clients with a directory
   * scope their organisation's (or all, county-wide).
   */
  readScope(): ReadScope {
    this.readScopeValue ??= this.computeReadScope();
    return this.readScopeValue;
  }

  private computeReadScope(): ReadScope {
    if (this.access.actor.kind === 'apiClient') return this.access.clientScope(ApiScope.READ_DIRECTORY, ApiScope.WRITE_DIRECTORY);
    const grants = this.access.grants;
    if (!grants) return NOTHING;
    if (grants.administrator) return EVERYTHING;
    return {
      everything: false,
      selfPersonId: this.access.personId,
      organisationIds: [...grants.organisationAdminOf],
      workplaceIds: [...grants.managerOf, ...grants.workplaceCoordinatorOf],
    };
  }

  /** Whether the caller reads the staff of this workplace. */
  canReadStaffOf(workplace: { id: string; organisationId: string }): boolean {
    const scope = this.readScope();
    return scope.everything || scope.organisationIds.includes(workplace.organisationId) || scope.workplaceIds.includes(workplace.id);
  }

  /** Employments and staff imports of an organisation: whoever manages its data (administrators, its admins, API clients with WRITE_DIRECTORY for it). */
  canManageStaff(organisationId: string): boolean {
    return OrganisationPolicy.of(this.access).canManageOrganisationData(organisationId);
  }
}
