import DataLoader from 'dataloader';
import { byIdLoader, type LoaderContext } from '../../platform/loaders.js';
import { Person } from './person.entity.js';
import { PersonPolicy } from './person.policy.js';

export function personLoaders({ em, access, today }: LoaderContext) {
  const people = em.getRepository(Person);
  return {
    person: byIdLoader((ids) => people.findRowsByIds(ids, PersonPolicy.of(access).readScope())),
    /** Whether the caller may read a person's e-mail and phone. */
    contactDetailsVisible: new DataLoader<string, boolean>(async (ids) => {
      const visible = await people.contactVisibleAmong([...ids], PersonPolicy.of(access).contactScope(), today);
      return ids.map((id) => visible.has(id));
    }),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof personLoaders> {}
}
