import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { EVERYTHING, NOTHING, type ReadScope } from '../../platform/access/read-scope.js';
import { ApiScope } from '../../platform/access/vocabulary.js';

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
