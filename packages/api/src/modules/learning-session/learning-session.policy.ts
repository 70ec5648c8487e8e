import type { AccessPolicy } from '../../platform/access/access-policy.js';

/** The learning sessions a caller reads: all, or those of these workplaces and of these organisations' workplaces. */
export type LearningSessionScope = { everything: true } | { everything: false; workplaceIds: string[]; organisationIds: string[] };

/** Whose hours a caller reads: the sessions' scope, and always their own. */
export type LearningHoursScope = LearningSessionScope & { selfPersonId: string | null };

/**
 * Learning sessions and their hours. Administrators read and register everything and close months; organisation
 * admins read and register their organisation's; the workplace's manager and workplace coordinators their
 * workplace's, and record paper attendance lists; participants read their own hours. The two attestation steps
 * belong to one person each: the participant confirms, the workplace's manager attests (nobody else, administrators
 * included: they are signatures). API clients read and write none of it.
 */
export class LearningSessionPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): LearningSessionPolicy {
    return access.memo(LearningSessionPolicy, () => new LearningSessionPolicy(access));
  }

  scope(): LearningSessionScope {
    const grants = this.access.grants;
    if (!grants) return { everything: false, workplaceIds: [], organisationIds: [] };
    if (grants.administrator) return { everything: true };
    return {
      everything: false,
      workplaceIds: [...new Set([...grants.managerOf, ...grants.workplaceCoordinatorOf])],
      organisationIds: [...grants.organisationAdminOf],
    };
  }

  hoursScope(): LearningHoursScope {
    return { ...this.scope(), selfPersonId: this.access.personId };
  }

  canRead(workplace: { id: string; organisationId: string }): boolean {
    const scope = this.scope();
    return scope.everything || scope.workplaceIds.includes(workplace.id) || scope.organisationIds.includes(workplace.organisationId);
  }

  /** Registering, changing and cancelling sessions: whoever reads the workplace's sessions. */
  canRegister(workplace: { id: string; organisationId: string }): boolean {
    return this.canRead(workplace);
  }

  /** Recording a session from a signed paper list: the workplace's manager or coordinator, or an administrator. */
  canRecordPaperList(workplaceId: string): boolean {
    const grants = this.access.grants;
    if (!grants) return false;
    return grants.administrator || grants.managerOf.has(workplaceId) || grants.workplaceCoordinatorOf.has(workplaceId);
  }

  canConfirm(participantId: string): boolean {
    return this.access.personId !== null && this.access.personId === participantId;
  }

  canAttest(workplaceId: string): boolean {
    return this.access.grants?.managerOf.has(workplaceId) ?? false;
  }

  canCloseMonth(): boolean {
    return this.access.isAdministrator;
  }

  /** The funder's attendance report holds personal identity numbers: administrators only. */
  canExportFunderReport(): boolean {
    return this.access.isAdministrator;
  }
}
