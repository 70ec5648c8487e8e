import { AccessPolicy } from '../platform/access/access-policy.js';
import { ANONYMOUS, grantsFrom, type Actor, type Grants } from '../platform/access/actor.js';
import { ApiScope, Role } from '../platform/access/vocabulary.js';

/**
 * Callers for the policies' unit specs: one of every role, API clients and the anonymous caller. Two
 * organisations, each with one workplace; the people's roles are at organisation A and its workplace.
 */
export const ORG_A = 'organisation-a';
export const ORG_B = 'organisation-b';
export const WORKPLACE_A = { id: 'workplace-a', organisationId: ORG_A };
export const WORKPLACE_B = { id: 'workplace-b', organisationId: ORG_B };
export const SELF = 'person-self';

export function personActor(roles: { role: Role; workplaceId?: string; organisationId?: string }[]): Actor {
  const grants: Grants = grantsFrom(
    roles.map((role) => ({ role: role.role, workplaceId: role.workplaceId ?? null, organisationId: role.organisationId ?? null })),
  );
  return { kind: 'person', personId: SELF, sessionId: 'session', grants };
}

export function apiClientActor(scopes: ApiScope[], organisationId: string | null): Actor {
  return { kind: 'apiClient', clientId: 'client', organisationId, scopes: new Set(scopes) };
}

/**
 * One of each role held today. Grants hold only the roles a person holds today (the caller plugin asks
 * for the assignments active on the request's day): a role that starts later, or has ended, gives
 * nothing, so such a person is the person without a role (`futureRole` below).
 */
export const PEOPLE = {
  administrator: personActor([{ role: Role.ADMINISTRATOR }]),
  organisationAdmin: personActor([{ role: Role.ORGANISATION_ADMIN, organisationId: ORG_A }]),
  manager: personActor([{ role: Role.MANAGER, workplaceId: WORKPLACE_A.id }]),
  workplaceCoordinator: personActor([{ role: Role.WORKPLACE_COORDINATOR, workplaceId: WORKPLACE_A.id }]),
  competenceCoordinator: personActor([{ role: Role.COMPETENCE_COORDINATOR, workplaceId: WORKPLACE_A.id }]),
  noRole: personActor([]),
  /** A manager from next month: today's grants do not hold the role yet. */
  futureRole: personActor([]),
} as const;

export const ANONYMOUS_ACTOR: Actor = ANONYMOUS;

/** Every API scope, for a client holding exactly one of them, county-wide (null) or bound to organisation A. */
export const API_SCOPES = Object.values(ApiScope);
export const CLIENT_ORGANISATIONS = [null, ORG_A] as const;

export const access = (actor: Actor) => new AccessPolicy(actor);
