import type { AccessPolicy } from '../../platform/access/access-policy.js';

/** Who may read the training statistics, and of which organisations. */
export class StatisticsPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): StatisticsPolicy {
    return access.memo(StatisticsPolicy, () => new StatisticsPolicy(access));
  }

  /** Organisations whose training statistics an organisation admin sees (administrators: all). */
  trainingStatisticsOrganisationIds(): string[] {
    return [...(this.access.grants?.organisationAdminOf ?? [])];
  }

  mayReadTrainingStatistics(): boolean {
    return this.access.isAdministrator || (this.access.grants?.organisationAdminOf.size ?? 0) > 0;
  }
}
