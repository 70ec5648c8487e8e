import type { AccessPolicy } from '../../platform/access/access-policy.js';
import { EVERYTHING, NOTHING, type ReadScope } from '../../platform/access/read-scope.js';
import { ApiScope } from '../../platform/access/vocabulary.js';
import { PersonPolicy } from '../person/person.policy.js';

/**
 * The training rules, shared by cohorts, network meetings and events: the course catalogue (reading it,
 * running it), registrations (whose one may read, register, approve), and attendance. The registration
 * scope is computed once per request.
 */
export class OfferingPolicy {
  private registrationScopeValue: ReadScope | undefined;

  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): OfferingPolicy {
    return access.memo(OfferingPolicy, () => new OfferingPolicy(access));
  }

  /**
   * Whose registrations, attendance and completions the caller may read: people see those of the people
   * they see (the directory read scope); API clients need a training scope, and then see those of their
   * organisation's people.
   */
  registrationScope(): ReadScope {
    this.registrationScopeValue ??=
      this.access.actor.kind === 'apiClient'
        ? this.access.clientScope(ApiScope.READ_TRAINING, ApiScope.WRITE_TRAINING)
        : PersonPolicy.of(this.access).readScope();
    return this.registrationScopeValue;
  }

  /** The course catalogue (programmes, cohorts, sessions): everyone signed in; API clients with a training scope. */
  canReadTraining(): boolean {
    if (this.access.actor.kind === 'apiClient') return this.access.hasClientScope(ApiScope.READ_TRAINING, ApiScope.WRITE_TRAINING);
    return this.access.actor.kind === 'person';
  }

  /** Training mutations (registering, cancelling, approving, ...): everyone signed in; API clients with WRITE_TRAINING. */
  mayWriteTraining(): boolean {
    if (this.access.actor.kind === 'apiClient') return this.access.hasClientScope(ApiScope.WRITE_TRAINING);
    return this.access.actor.kind === 'person';
  }

  /** For training mutations: throws the typed FORBIDDEN error for API clients without WRITE_TRAINING. */
  requireTrainingWrite(): void {
    this.access.require(this.mayWriteTraining(), null, 'This API client needs the WRITE_TRAINING scope.');
  }

  /**
   * Registrations of one organisation's people (registering them, approving or rejecting them):
   * administrators, that organisation's admins, and API clients with WRITE_TRAINING for it.
   */
  canManageRegistrationsOf(organisationId: string): boolean {
    if (this.access.actor.kind === 'apiClient') {
      return this.access.hasClientScope(ApiScope.WRITE_TRAINING) && this.access.clientCovers(organisationId);
    }
    return this.access.isAdministrator || (this.access.grants?.organisationAdminOf.has(organisationId) ?? false);
  }

  /** The organisations whose pending registrations the caller decides on; null: all (administrators, county-wide clients). */
  approvableOrganisationIds(): string[] | null {
    const actor = this.access.actor;
    if (actor.kind === 'apiClient') {
      if (!this.access.hasClientScope(ApiScope.WRITE_TRAINING)) return [];
      return actor.organisationId === null ? null : [actor.organisationId];
    }
    if (this.access.isAdministrator) return null;
    return [...(this.access.grants?.organisationAdminOf ?? [])];
  }

  /**
   * Attendance at sessions: administrators for everyone; competence coordinators for the people of
   * the workplaces they coordinate (this scope, turned into SQL by the people repository).
   */
  attendanceScope(): ReadScope {
    if (this.access.isAdministrator) return EVERYTHING;
    const workplaceIds = [...(this.access.grants?.competenceCoordinatorOf ?? [])];
    return workplaceIds.length === 0 ? NOTHING : { everything: false, selfPersonId: null, organisationIds: [], workplaceIds };
  }

  mayRecordAttendance(): boolean {
    return this.access.isAdministrator || (this.access.grants?.competenceCoordinatorOf.size ?? 0) > 0;
  }

  /** Programmes, cohorts, networks, events and their sessions (running the course catalogue): administrators. */
  canManageTraining(): boolean {
    return this.access.isAdministrator;
  }
}
