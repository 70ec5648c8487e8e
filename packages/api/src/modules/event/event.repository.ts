import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { narrowsOfferings, offeringIdsMatching, type OfferingCriteria } from '../offering/offering-ids.sql.js';
import { Event, type EventKind } from './event.entity.js';

export class EventRepository extends EntityRepository<Event> {
  /** A page of events, of one kind and by their offerings' status and registration window when given. */
  findPage(
    filter: OfferingCriteria & { kind?: EventKind | null; offeringIds?: readonly string[] | null },
    now: Date,
    page: PageRequest<'createdAt'>,
  ): Promise<Connection<Event>> {
    const where: FilterQuery<Event>[] = [];
    if (filter.kind) where.push({ kind: filter.kind });
    if (filter.offeringIds) where.push({ offeringId: { $in: [...filter.offeringIds] } });
    if (narrowsOfferings(filter)) where.push({ offeringId: { $in: offeringIdsMatching(this.em, filter, now) } } as never);
    return findPage(this.em, Event, { $and: where }, page);
  }

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
