import { RequestError } from '../errors/request-error.js';
import { DomainError, UserErrorCode } from '../errors/user-error.js';
import type { ApiScope } from './vocabulary.js';
import type { Actor, Grants } from './actor.js';
import { EVERYTHING, NOTHING, type ReadScope } from './read-scope.js';

/**
 * The caller's rights for one request: the access primitives every module's policy is written over (the
 * actor, their grants, the API-client scope helper, `require`/`requireToRead`), and a per-request memo
 * for the modules' policies (`OrganisationPolicy.of(access)`, ...). The rules themselves are in the
 * modules' `*.policy.ts`. Reads are scopes that repositories turn into SQL, so lists are filtered and
 * counted right; writes are checks that services make before they change anything.
 *
 * The training rules below still live here until they move to the offering module's policy.
 */
export class AccessPolicy {
  /**
   * The directory read scope, as the person module's policy defines it (`PersonPolicy.readScope`). The
   * platform imports no module, so that policy hands it in when it is loaded; only the training rules
   * (`registrationScope`) and the calendar feeds still ask for it here.
   */
  private static directoryReadScope: ((access: AccessPolicy) => ReadScope) | null = null;

  static provideDirectoryReadScope(readScope: (access: AccessPolicy) => ReadScope): void {
    AccessPolicy.directoryReadScope = readScope;
  }

  private readonly memos = new Map<object, unknown>();
  private registrationScopeValue: ReadScope | undefined;

  constructor(readonly actor: Actor) {}

  get personId(): string | null {
    return this.actor.kind === 'person' ? this.actor.personId : null;
  }

  /** The roles a signed-in person holds today; null for API clients and anonymous callers. */
  get grants(): Grants | null {
    return this.actor.kind === 'person' ? this.actor.grants : null;
  }

  get isAdministrator(): boolean {
    return this.grants?.administrator ?? false;
  }

  /** One value per request and key (a module's policy, a scope), computed on first use. */
  memo<T>(key: object, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** Whether the caller is an API client holding any of these scopes. */
  hasClientScope(...anyOf: `${ApiScope}`[]): boolean {
    const actor = this.actor;
    return actor.kind === 'apiClient' && anyOf.some((scope) => actor.scopes.has(scope));
  }

  /** Whether the caller is an API client that works for this organisation (or county-wide, for all). */
  clientCovers(organisationId: string): boolean {
    return this.actor.kind === 'apiClient' && (this.actor.organisationId === null || this.actor.organisationId === organisationId);
  }

  /**
   * @deprecated The directory read scope is the person module's (`PersonPolicy.of(access).readScope()`);
   * this delegates to it for the training rules until they move.
   */
  readScope(): ReadScope {
    if (!AccessPolicy.directoryReadScope) throw new Error('The person module has not provided the directory read scope.');
    return AccessPolicy.directoryReadScope(this);
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

  /** An API client sees its organisation's data, or everything when county-wide, if one of these scopes allows it. */
  clientScope(...anyOf: `${ApiScope}`[]): ReadScope {
    if (this.actor.kind !== 'apiClient' || !anyOf.some((scope) => (this.actor as { scopes: ReadonlySet<string> }).scopes.has(scope)))
      return NOTHING;
    if (this.actor.organisationId === null) return EVERYTHING;
    return { everything: false, selfPersonId: null, organisationIds: [this.actor.organisationId], workplaceIds: [] };
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

  /** For queries: throws a FORBIDDEN request error when `allowed` is false (queries have no payload errors). */
  requireToRead(allowed: boolean, what: string): void {
    if (!allowed) throw new RequestError('FORBIDDEN', what);
  }

  /** For mutations: throws the typed FORBIDDEN user error when `allowed` is false. */
  require(allowed: boolean, field: string | null = null, what = 'You may not do this.'): void {
    if (!allowed) throw DomainError.of(field, UserErrorCode.FORBIDDEN, what);
  }
}
