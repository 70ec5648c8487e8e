import DataLoader from 'dataloader';
import { byIdLoader, oneBy, type LoaderContext } from '../../platform/loaders.js';
import { Cohort, Programme } from './cohort.entities.js';

export function cohortLoaders({ em, access }: LoaderContext) {
  // Programmes and cohorts are public to everyone signed in (API clients: with a training scope).
  const training = access.canReadTraining();
  return {
    programme: byIdLoader((ids) => (training ? em.find(Programme, { id: { $in: ids } }) : Promise.resolve([]))),
    cohort: byIdLoader((ids) => (training ? em.find(Cohort, { id: { $in: ids } }) : Promise.resolve([]))),
    /** Cohorts by the offering behind them. */
    cohortByOffering: new DataLoader<string, Cohort | null>(async (ids) =>
      oneBy(ids, training ? await em.find(Cohort, { offering: { $in: [...ids] } }) : [], (row) => row.offering.id),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof cohortLoaders> {}
}
