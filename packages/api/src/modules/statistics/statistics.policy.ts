import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { ApiScope } from '../../platform/access/vocabulary.js';

/** Who may read the training statistics, and of which organisations. */
export class StatisticsPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): StatisticsPolicy {
    return access.memo(StatisticsPolicy, () => new StatisticsPolicy(access));
  }

  /**
   * Organisations whose training statistics the caller sees: administrators and county-wide API clients with
   * READ_STATISTICS all, an organisation admin theirs, an API client with READ_STATISTICS its organisation's.
   */
  trainingStatisticsOrganisationIds(): string[] | 'all' {
    const actor = this.access.actor;
    if (actor.kind === 'apiClient') {
      if (!this.access.hasClientScope(ApiScope.READ_STATISTICS)) return [];
      return actor.organisationId === null ? 'all' : [actor.organisationId];
    }
    if (this.access.isAdministrator) return 'all';
    return [...(this.access.grants?.organisationAdminOf ?? [])];
  }

  mayReadTrainingStatistics(): boolean {
    if (this.access.actor.kind === 'apiClient') return this.access.hasClientScope(ApiScope.READ_STATISTICS);
    return this.access.isAdministrator || (this.access.grants?.organisationAdminOf.size ?? 0) > 0;
  }
}
