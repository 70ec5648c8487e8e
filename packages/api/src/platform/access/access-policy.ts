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
 */
export class AccessPolicy {
  private readonly memos = new Map<object, unknown>();

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

  /** An API client sees its organisation's data, or everything when county-wide, if one of these scopes allows it. */
  clientScope(...anyOf: `${ApiScope}`[]): ReadScope {
    if (this.actor.kind !== 'apiClient' || !anyOf.some((scope) => (this.actor as { scopes: ReadonlySet<string> }).scopes.has(scope)))
      return NOTHING;
    if (this.actor.organisationId === null) return EVERYTHING;
    return { everything: false, selfPersonId: null, organisationIds: [this.actor.organisationId], workplaceIds: [] };
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
