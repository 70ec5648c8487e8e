import DataLoader from 'dataloader';
import { byIdLoader, oneBy, type LoaderContext } from '../../platform/loaders.js';
import { Event } from './event.entity.js';
import { OfferingPolicy } from '../offering/offering.policy.js';

export function eventLoaders({ em, access }: LoaderContext) {
  const training = OfferingPolicy.of(access).canReadTraining();
  return {
    event: byIdLoader((ids) => (training ? em.getRepository(Event).findByIds(ids) : Promise.resolve([]))),
    /** Events by the offering behind them. */
    eventByOffering: new DataLoader<string, Event | null>(async (ids) =>
      oneBy(ids, training ? await em.getRepository(Event).findByOfferingIds([...ids]) : [], (row) => row.offeringId),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof eventLoaders> {}
}
