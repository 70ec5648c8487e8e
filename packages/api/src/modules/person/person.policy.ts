import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { EVERYTHING, NOTHING, type ReadScope } from '../../platform/access/read-scope.js';
import { ApiScope } from '../../platform/access/vocabulary.js';
import { OrganisationPolicy } from '../organisation/organisation.policy.js';
import { RoleAssignmentPolicy, type HeldRole } from '../role-assignment/role-assignment.policy.js';

/**
 * What of the directory a caller may read: the read scope (workplaces, people and role assignments; the
 * workplace and role-assignment repositories use it too) and the contact scope (e-mail and phone).
 * Both are computed once per request.
 */
export class PersonPolicy {
  private readScopeValue: ReadScope | undefined;
  private contactScopeValue: ReadScope | undefined;

  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): PersonPolicy {
    return access.memo(PersonPolicy, () => new PersonPolicy(access));
  }

  /**
   * Whether the caller may change a person and their account (name, e-mail, organisation, sign-in) beyond
   * what people change about themselves: administrators anyone; an organisation admin (or an API client
   * with WRITE_DIRECTORY) the people of their organisation, unless the person holds, today or from a later
   * day, a role the caller could not give. Whoever may change someone's e-mail can reset their password
   * and sign in as them, so a role that starts tomorrow counts as much as one held today.
   */
  canChangePerson(homeOrganisationId: string, rolesNowOrLater: readonly HeldRole[]): boolean {
    if (!OrganisationPolicy.of(this.access).canManageOrganisationData(homeOrganisationId)) return false;
    const roles = RoleAssignmentPolicy.of(this.access);
    return rolesNowOrLater.every((held) => roles.canManageRole(held.role, held.organisationId));
  }

  /** Workplaces, people and role assignments the caller may read. Organisations are public to anyone signed in. */
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
      workplaceIds: [...grants.managerOf, ...grants.competenceCoordinatorOf, ...grants.workplaceCoordinatorOf],
    };
  }

  /** Whose e-mail and phone the caller may read: their own, and those of people their role needs to reach. */
  contactScope(): ReadScope {
    this.contactScopeValue ??= this.computeContactScope();
    return this.contactScopeValue;
  }

  private computeContactScope(): ReadScope {
    if (this.access.actor.kind === 'apiClient') return this.access.clientScope(ApiScope.READ_CONTACT_DETAILS);
    const grants = this.access.grants;
    if (!grants) return NOTHING;
    if (grants.administrator) return EVERYTHING;
    return {
      everything: false,
      selfPersonId: this.access.personId,
      organisationIds: [...grants.organisationAdminOf],
      // Workplace coordinators see their workplace, not their colleagues' contact details.
      workplaceIds: [...grants.managerOf, ...grants.competenceCoordinatorOf],
    };
  }
}
