import DataLoader from 'dataloader';
import { byIdLoader, groupBy, type LoaderContext } from '../../platform/loaders.js';
import { Organisation, OrganisationPopulation } from './organisation.entity.js';

export function organisationLoaders({ em }: LoaderContext) {
  const organisations = em.getRepository(Organisation);
  return {
    // Member organisations are public to everyone signed in.
    organisation: byIdLoader((ids) => organisations.findRowsByIds(ids)),
    populations: new DataLoader<string, OrganisationPopulation[]>(async (ids) =>
      groupBy(ids, await organisations.findPopulations([...ids]), (row) => row.organisation.id),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof organisationLoaders> {}
}
