import DataLoader from 'dataloader';
import { byIdLoader, groupBy, type LoaderContext } from '../../platform/loaders.js';
import { Agreement } from './agreement.entity.js';

export function agreementLoaders({ em }: LoaderContext) {
  const agreements = em.getRepository(Agreement);
  return {
    agreement: byIdLoader((ids) => agreements.findByIds(ids)),
    agreementsOfOrganisation: new DataLoader<string, Agreement[]>(async (ids) =>
      groupBy(ids, await agreements.findByOrganisations(ids), (agreement) => agreement.organisation.id),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof agreementLoaders> {}
}
