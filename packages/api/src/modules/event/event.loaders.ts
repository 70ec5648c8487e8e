import DataLoader from 'dataloader';
import { oneBy, type LoaderContext } from '../../platform/loaders.js';
import { Event } from './event.entity.js';

export function eventLoaders({ em, access }: LoaderContext) {
  const training = access.canReadTraining();
  return {
    /** Events by the offering behind them. */
    eventByOffering: new DataLoader<string, Event | null>(async (ids) =>
      oneBy(ids, training ? await em.find(Event, { offering: { $in: [...ids] } }) : [], (row) => row.offering.id),
    ),
  };
}

declare module '../../platform/loaders.js' {
  interface Loaders extends ReturnType<typeof eventLoaders> {}
}
