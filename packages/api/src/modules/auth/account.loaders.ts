import DataLoader from 'dataloader';
import type { LoaderContext } from '../../platform/loaders.js';
import { Account } from './account.entity.js';
import type { AccountStateRow } from './auth.repository.js';

export function accountLoaders({ em }: LoaderContext) {
  return {
    /** Each person's sign-in state (account, open invitation, last sign-in): one statement per level. Who may see it is the resolver's check. */
    accountState: new DataLoader<string, AccountStateRow | undefined>(async (ids) => {
      const rows = new Map((await em.getRepository(Account).statesOf(ids)).map((row) => [row.person_id, row]));
      return ids.map((id) => rows.get(id));
    }),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof accountLoaders> {}
}
