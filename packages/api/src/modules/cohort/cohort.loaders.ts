import DataLoader from 'dataloader';
import { byIdLoader, oneBy, type LoaderContext } from '../../platform/loaders.js';
import { Cohort } from './cohort.entity.js';
import { Programme } from './programme.entity.js';
import { OfferingPolicy } from '../offering/offering.policy.js';

export function cohortLoaders({ em, access }: LoaderContext) {
  // Programmes and cohorts are public to everyone signed in (API clients: with a training scope).
  const training = OfferingPolicy.of(access).canReadTraining();
  return {
    programme: byIdLoader((ids) => (training ? em.getRepository(Programme).findByIds(ids) : Promise.resolve([]))),
    cohort: byIdLoader((ids) => (training ? em.getRepository(Cohort).findByIds(ids) : Promise.resolve([]))),
    /** Cohorts by the offering behind them. */
    cohortByOffering: new DataLoader<string, Cohort | null>(async (ids) =>
      oneBy(ids, training ? await em.getRepository(Cohort).findByOfferingIds([...ids]) : [], (row) => row.offeringId),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof cohortLoaders> {}
}
