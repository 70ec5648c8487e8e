import DataLoader from 'dataloader';
import type { LoaderContext } from '../../platform/loaders.js';
import type { HeldRole } from '../role-assignment/role-assignment.policy.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { Account } from './account.entity.js';
import type { AccountStateRow } from './auth.repository.js';

export function accountLoaders({ em, today }: LoaderContext) {
  return {
    /** Each person's sign-in state (account, open invitation, last sign-in): one statement per level. Who may see it is the resolver's check. */
    accountState: new DataLoader<string, AccountStateRow | undefined>(async (ids) => {
      const rows = new Map((await em.getRepository(Account).statesOf(ids)).map((row) => [row.person_id, row]));
      return ids.map((id) => rows.get(id));
    }),
    /** Each person's roles held today or from a later day, with the organisation each belongs to: what decides who manages their account. */
    openRoles: new DataLoader<string, HeldRole[]>(async (ids) => {
      const assignments = await em.getRepository(RoleAssignment).findOpenForPeople([...ids], today);
      const byPerson = new Map<string, HeldRole[]>(ids.map((id) => [id, []]));
      for (const assignment of assignments) {
        byPerson.get(assignment.person.id)?.push({
          role: assignment.role,
          organisationId: assignment.organisation?.id ?? assignment.workplace?.getEntity().organisation.id ?? null,
        });
      }
      return ids.map((id) => byPerson.get(id)!);
    }),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof accountLoaders> {}
}
