import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { ApiScope } from '../../platform/access/vocabulary.js';

/**
 * Who reads the dashboard and its exports, and for what: administrators and competence coordinators (the
 * central team) the county and every organisation, organisation admins their own organisations; API clients
 * with READ_STATISTICS their organisation's, or everything when county-wide. Everyone else nothing.
 */
export class DashboardPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): DashboardPolicy {
    return access.memo(DashboardPolicy, () => new DashboardPolicy(access));
  }

  /** Whether the caller sees the county's figures (and so every organisation's). */
  readsCounty(): boolean {
    const actor = this.access.actor;
    if (actor.kind === 'apiClient') return this.access.hasClientScope(ApiScope.READ_STATISTICS) && actor.organisationId === null;
    const grants = this.access.grants;
    return this.access.isAdministrator || (grants?.competenceCoordinatorOf.size ?? 0) > 0;
  }

  /** The organisations whose dashboard the caller may open. */
  organisationIds(): string[] | 'all' {
    if (this.readsCounty()) return 'all';
    const actor = this.access.actor;
    if (actor.kind === 'apiClient') {
      return this.access.hasClientScope(ApiScope.READ_STATISTICS) && actor.organisationId !== null ? [actor.organisationId] : [];
    }
    return [...(this.access.grants?.organisationAdminOf ?? [])];
  }

  mayReadOrganisation(organisationId: string): boolean {
    const ids = this.organisationIds();
    return ids === 'all' || ids.includes(organisationId);
  }

  mayRead(): boolean {
    const ids = this.organisationIds();
    return ids === 'all' || ids.length > 0;
  }
}
