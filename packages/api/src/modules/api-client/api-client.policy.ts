import type { AccessPolicy } from '../../platform/access/access-policy.js';

/** Who manages API clients, and what an API client may do at all. */
export class ApiClientPolicy {
  private constructor(private readonly access: AccessPolicy) {}

  static of(access: AccessPolicy): ApiClientPolicy {
    return access.memo(ApiClientPolicy, () => new ApiClientPolicy(access));
  }

  /** Seeing, creating, revoking and rotating API clients: the central administrators. */
  canManageApiClients(): boolean {
    return this.access.isAdministrator;
  }

  /** Whether the caller may run mutations at all: people who signed in; API clients need a write scope. */
  mayWrite(): boolean {
    const actor = this.access.actor;
    if (actor.kind !== 'apiClient') return actor.kind === 'person';
    return [...actor.scopes].some((scope) => scope.startsWith('write:'));
  }
}
