import { Role } from './vocabulary.js';

/** Roles a signed-in person holds today, as sets of the ids they hold them for. */
export interface Grants {
  administrator: boolean;
  organisationAdminOf: ReadonlySet<string>;
  managerOf: ReadonlySet<string>;
  workplaceCoordinatorOf: ReadonlySet<string>;
  competenceCoordinatorOf: ReadonlySet<string>;
}

export type Actor =
  | { kind: 'anonymous' }
  | {
      kind: 'person';
      personId: string;
      sessionId: string;
      grants: Grants;
      /** Signed in, but must set up a second factor before anything else (an administrator in production): `grants` hold nothing. */
      mustSetUpSecondFactor?: boolean;
    }
  /** An external system: sees one organisation's data (or all, when county-wide) within its scopes. */
  | { kind: 'apiClient'; clientId: string; organisationId: string | null; scopes: ReadonlySet<string> };

export const ANONYMOUS: Actor = { kind: 'anonymous' };

export function grantsFrom(assignments: { role: Role; workplaceId: string | null; organisationId: string | null }[]): Grants {
  const collect = (role: Role, key: 'workplaceId' | 'organisationId') =>
    new Set(assignments.filter((assignment) => assignment.role === role && assignment[key]).map((assignment) => assignment[key]!));
  return {
    administrator: assignments.some((assignment) => assignment.role === Role.ADMINISTRATOR),
    organisationAdminOf: collect(Role.ORGANISATION_ADMIN, 'organisationId'),
    managerOf: collect(Role.MANAGER, 'workplaceId'),
    workplaceCoordinatorOf: collect(Role.WORKPLACE_COORDINATOR, 'workplaceId'),
    competenceCoordinatorOf: collect(Role.COMPETENCE_COORDINATOR, 'workplaceId'),
  };
}
