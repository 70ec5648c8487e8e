import type { PlainRow } from '../../platform/database/plain-rows.js';
import { byIdLoader, groupBy, loaderFamily, type LoaderContext } from '../../platform/loaders.js';
import { RoleAssignment, type Role } from './role-assignment.entity.js';
import { PersonPolicy } from '../person/person.policy.js';

export function roleAssignmentLoaders({ em, access }: LoaderContext) {
  const roleAssignments = em.getRepository(RoleAssignment);
  const scope = PersonPolicy.of(access).readScope();
  return {
    roleAssignment: byIdLoader((ids) => roleAssignments.findRowsByIds(ids, scope)),
    /** Assignments of a workplace role that are active on a day, per workplace. */
    activeWorkplaceRoles: loaderFamily<{ role: Role; day: string }, PlainRow<RoleAssignment>[]>(async ({ role, day }, workplaceIds) =>
      groupBy(workplaceIds, await roleAssignments.findActiveAtWorkplaces([...workplaceIds], role, day, scope), (row) => row.workplace!.id),
    ),
    /** A person's role assignments; only those active on `activeOn` when it is given. */
    personRoles: loaderFamily<{ activeOn: string | null }, PlainRow<RoleAssignment>[]>(async ({ activeOn }, personIds) =>
      groupBy(personIds, await roleAssignments.findForPeople([...personIds], activeOn, scope), (row) => row.person.id),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof roleAssignmentLoaders> {}
}
