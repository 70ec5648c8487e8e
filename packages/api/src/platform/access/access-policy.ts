import { RequestError } from '../errors/request-error.js';
import { DomainError, UserErrorCode } from '../errors/user-error.js';
import { Role } from './vocabulary.js';
import type { Actor, Grants } from './actor.js';
import { EVERYTHING, type ReadScope } from './read-scope.js';

const NOTHING: ReadScope = { everything: false, selfPersonId: null, organisationIds: [], workplaceIds: [] };

/**
 * Who may see and do what: the one place to read the rules (the README's access table mirrors it).
 * Reads are scopes that repositories turn into SQL, so lists are filtered and counted right; writes are
 * checks that services make before they change anything.
 */
export class AccessPolicy {
  private readScopeValue: ReadScope | undefined;
  private contactScopeValue: ReadScope | undefined;
  private registrationScopeValue: ReadScope | undefined;

  constructor(readonly actor: Actor) {}

  get personId(): string | null {
    return this.actor.kind === 'person' ? this.actor.personId : null;
  }

  private get grants(): Grants | null {
    return this.actor.kind === 'person' ? this.actor.grants : null;
  }

  get isAdministrator(): boolean {
    return this.grants?.administrator ?? false;
  }

  /** Workplaces, people and role assignments the caller may read. Organisations are public to anyone signed in. */
  readScope(): ReadScope {
    this.readScopeValue ??= this.computeReadScope();
    return this.readScopeValue;
  }

  private computeReadScope(): ReadScope {
    if (this.actor.kind === 'apiClient') return this.clientScope('read:directory', 'write:directory');
    const grants = this.grants;
    if (!grants) return NOTHING;
    if (grants.administrator) return EVERYTHING;
    return {
      everything: false,
      selfPersonId: this.personId,
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
    if (this.actor.kind === 'apiClient') return this.clientScope('read:contact-details');
    const grants = this.grants;
    if (!grants) return NOTHING;
    if (grants.administrator) return EVERYTHING;
    return {
      everything: false,
      selfPersonId: this.personId,
      organisationIds: [...grants.organisationAdminOf],
      // Workplace coordinators see their workplace, not their colleagues' contact details.
      workplaceIds: [...grants.managerOf, ...grants.competenceCoordinatorOf],
    };
  }

  /**
   * Whose registrations, attendance and completions the caller may read: people see those of the people
   * they see; API clients need a training scope, and then see those of their organisation's people.
   */
  registrationScope(): ReadScope {
    this.registrationScopeValue ??=
      this.actor.kind === 'apiClient' ? this.clientScope('read:training', 'write:training') : this.readScope();
    return this.registrationScopeValue;
  }

  /** The course catalogue (programmes, cohorts, sessions): everyone signed in; API clients with a training scope. */
  canReadTraining(): boolean {
    if (this.actor.kind === 'apiClient') return this.actor.scopes.has('read:training') || this.actor.scopes.has('write:training');
    return this.actor.kind === 'person';
  }

  /** Training mutations (registering, cancelling, approving, ...): everyone signed in; API clients with WRITE_TRAINING. */
  mayWriteTraining(): boolean {
    if (this.actor.kind === 'apiClient') return this.actor.scopes.has('write:training');
    return this.actor.kind === 'person';
  }

  /** For training mutations: throws the typed FORBIDDEN error for API clients without WRITE_TRAINING. */
  requireTrainingWrite(): void {
    this.require(this.mayWriteTraining(), null, 'This API client needs the WRITE_TRAINING scope.');
  }

  /**
   * Registrations of one organisation's people (registering them, approving or rejecting them):
   * administrators, that organisation's admins, and API clients with WRITE_TRAINING for it.
   */
  canManageRegistrationsOf(organisationId: string): boolean {
    if (this.actor.kind === 'apiClient') {
      return (
        this.actor.scopes.has('write:training') && (this.actor.organisationId === null || this.actor.organisationId === organisationId)
      );
    }
    return this.isAdministrator || (this.grants?.organisationAdminOf.has(organisationId) ?? false);
  }

  /** The organisations whose pending registrations the caller decides on; null: all (administrators, county-wide clients). */
  approvableOrganisationIds(): string[] | null {
    if (this.actor.kind === 'apiClient') {
      if (!this.actor.scopes.has('write:training')) return [];
      return this.actor.organisationId === null ? null : [this.actor.organisationId];
    }
    if (this.isAdministrator) return null;
    return [...(this.grants?.organisationAdminOf ?? [])];
  }

  /** An API client sees its organisation's data, or everything when county-wide, if a scope allows it. */
  private clientScope(...anyOf: string[]): ReadScope {
    if (this.actor.kind !== 'apiClient' || !anyOf.some((scope) => (this.actor as { scopes: ReadonlySet<string> }).scopes.has(scope)))
      return NOTHING;
    if (this.actor.organisationId === null) return EVERYTHING;
    return { everything: false, selfPersonId: null, organisationIds: [this.actor.organisationId], workplaceIds: [] };
  }

  /** Whether the caller may run mutations at all: API clients need a write scope. */
  mayWrite(): boolean {
    if (this.actor.kind !== 'apiClient') return this.actor.kind === 'person';
    return [...this.actor.scopes].some((scope) => scope.startsWith('write:'));
  }

  /** Member organisations and their agreements: the central administrators. */
  canManageOrganisations(): boolean {
    return this.isAdministrator;
  }

  /** Workplaces, people and roles of one organisation: administrators and that organisation's admins. */
  canManageOrganisationData(organisationId: string): boolean {
    if (this.actor.kind === 'apiClient') {
      return (
        this.actor.scopes.has('write:directory') && (this.actor.organisationId === null || this.actor.organisationId === organisationId)
      );
    }
    return this.isAdministrator || (this.grants?.organisationAdminOf.has(organisationId) ?? false);
  }

  /** A workplace's own details (name, type, address, employees): also its manager. */
  canEditWorkplaceDetails(workplace: { id: string; organisationId: string }): boolean {
    return this.canManageOrganisationData(workplace.organisationId) || (this.grants?.managerOf.has(workplace.id) ?? false);
  }

  /** A manager of this workplace (e.g. to register its workplace coordinator for coordinator sessions). */
  managesWorkplace(workplaceId: string): boolean {
    return this.grants?.managerOf.has(workplaceId) ?? false;
  }

  /**
   * Attendance at sessions: administrators for everyone; competence coordinators for the people of
   * the workplaces they coordinate (this scope, turned into SQL by the people repository).
   */
  attendanceScope(): ReadScope {
    if (this.isAdministrator) return EVERYTHING;
    const workplaceIds = [...(this.grants?.competenceCoordinatorOf ?? [])];
    return workplaceIds.length === 0 ? NOTHING : { everything: false, selfPersonId: null, organisationIds: [], workplaceIds };
  }

  mayRecordAttendance(): boolean {
    return this.isAdministrator || (this.grants?.competenceCoordinatorOf.size ?? 0) > 0;
  }

  /** Organisations whose training statistics an organisation admin sees (administrators: all). */
  trainingStatisticsOrganisationIds(): string[] {
    return [...(this.grants?.organisationAdminOf ?? [])];
  }

  mayReadTrainingStatistics(): boolean {
    return this.isAdministrator || (this.grants?.organisationAdminOf.size ?? 0) > 0;
  }

  /** Programmes, cohorts, sessions (the course catalogue): administrators. */
  canManageTraining(): boolean {
    return this.isAdministrator;
  }

  /**
   * A person's calendar feeds (seeing, creating, revoking): their own, and administrators anyone's.
   * Cohort feeds are open to anyone signed in, as cohorts are; they belong to whoever made them.
   */
  canManageCalendarFeedsOf(personId: string): boolean {
    return this.isAdministrator || this.isSelf(personId);
  }

  /** One's own name and phone. */
  isSelf(personId: string): boolean {
    return this.personId === personId;
  }

  /** Granting or ending a role in an organisation; only administrators handle ADMINISTRATOR. */
  canManageRole(role: Role, organisationId: string | null): boolean {
    if (this.isAdministrator) return true;
    if (role === Role.ADMINISTRATOR || organisationId === null) return false;
    return this.canManageOrganisationData(organisationId);
  }

  /** For queries: throws a FORBIDDEN request error when `allowed` is false (queries have no payload errors). */
  requireToRead(allowed: boolean, what: string): void {
    if (!allowed) throw new RequestError('FORBIDDEN', what);
  }

  /** For mutations: throws the typed FORBIDDEN user error when `allowed` is false. */
  require(allowed: boolean, field: string | null = null, what = 'You may not do this.'): void {
    if (!allowed) throw DomainError.of(field, UserErrorCode.FORBIDDEN, what);
  }
}
