import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { ApiScope } from '../../platform/access/vocabulary.js';

/** Who may change member organisations and the data that belongs to one. Organisations are public to anyone signed in. */
export class OrganisationPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): OrganisationPolicy {
    return access.memo(OrganisationPolicy, () => new OrganisationPolicy(access));
  }

  /** Member organisations and their agreements: the central administrators. */
  canManageOrganisations(): boolean {
    return this.access.isAdministrator;
  }

  /**
   * Workplaces, people and roles of one organisation: administrators and that organisation's admins;
   * API clients with WRITE_DIRECTORY for it (or county-wide).
   */
  canManageOrganisationData(organisationId: string): boolean {
    if (this.access.actor.kind === 'apiClient') {
      return this.access.hasClientScope(ApiScope.WRITE_DIRECTORY) && this.access.clientCovers(organisationId);
    }
    return this.access.isAdministrator || (this.access.grants?.organisationAdminOf.has(organisationId) ?? false);
  }
}
