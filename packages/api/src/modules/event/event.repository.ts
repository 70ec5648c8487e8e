import { EntityRepository } from '@mikro-orm/postgresql';
import type { Event } from './event.entity.js';

export class EventRepository extends EntityRepository<Event> {
  findById(id: string): Promise<Event | null> {
    return this.findOne({ id });
  }

  findByIds(ids: string[]): Promise<Event[]> {
    return this.find({ id: { $in: ids } });
  }

  /** By the offerings behind them. */
  findByOfferingIds(offeringIds: string[]): Promise<Event[]> {
    return this.find({ offeringId: { $in: offeringIds } });
  }
}
