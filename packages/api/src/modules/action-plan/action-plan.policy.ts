import type { AccessPolicy } from '../../platform/access/access-policy.js';

/** The action plans a caller reads: all, or those of these workplaces and of these organisations' workplaces. */
export type ActionPlanScope = { everything: true } | { everything: false; workplaceIds: string[]; organisationIds: string[] };

/**
 * A workplace's action plan: its manager fills it in, submits it and accepts or sends back the proposed schedule;
 * a competence coordinator of the organisation (of any of its workplaces) proposes the schedule. The workplace's
 * manager and coordinators, the organisation's competence coordinators and admins, and administrators read it.
 * Nobody else takes a step, administrators included: each step belongs to one role.
 */
export class ActionPlanPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): ActionPlanPolicy {
    return access.memo(ActionPlanPolicy, () => new ActionPlanPolicy(access));
  }

  /** The workplaces where the caller is a competence coordinator (the service finds their organisations). */
  competenceCoordinatorWorkplaceIds(): string[] {
    return [...(this.access.grants?.competenceCoordinatorOf ?? [])];
  }

  /** The scope, given the organisations of the workplaces the caller is a competence coordinator at. */
  scope(coordinatedOrganisationIds: readonly string[]): ActionPlanScope {
    const grants = this.access.grants;
    if (!grants) return { everything: false, workplaceIds: [], organisationIds: [] };
    if (grants.administrator) return { everything: true };
    return {
      everything: false,
      workplaceIds: [...new Set([...grants.managerOf, ...grants.workplaceCoordinatorOf, ...grants.competenceCoordinatorOf])],
      organisationIds: [...new Set([...grants.organisationAdminOf, ...coordinatedOrganisationIds])],
    };
  }

  /** Starting, filling in, submitting, accepting and sending back: the workplace's manager. */
  isManagerOf(workplaceId: string): boolean {
    return this.access.grants?.managerOf.has(workplaceId) ?? false;
  }

  /** Proposing a schedule: a competence coordinator of the workplace or of another workplace of its organisation. */
  isCompetenceCoordinatorFor(workplaceId: string, organisationId: string, coordinatedOrganisationIds: readonly string[]): boolean {
    return (this.access.grants?.competenceCoordinatorOf.has(workplaceId) ?? false) || coordinatedOrganisationIds.includes(organisationId);
  }
}
