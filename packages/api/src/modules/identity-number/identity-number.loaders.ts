import DataLoader from 'dataloader';
import type { LoaderContext } from '../../platform/loaders.js';
import { PersonIdentityNumber } from './person-identity-number.entity.js';

export function identityNumberLoaders({ em }: LoaderContext) {
  const numbers = em.getRepository(PersonIdentityNumber);
  return {
    /** The sealed number of a person (by row id), or null; the field resolver asks only for callers who may read it. */
    sealedIdentityNumber: new DataLoader<string, PersonIdentityNumber | null>(async (personIds) => {
      const rows = new Map((await numbers.findOfPeople(personIds)).map((row) => [row.person.id, row]));
      return personIds.map((id) => rows.get(id) ?? null);
    }),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof identityNumberLoaders> {}
}
