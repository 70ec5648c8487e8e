import { EntityRepository, type FilterQuery, type Loaded } from '@mikro-orm/postgresql';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { narrowsOfferings, offeringIdsMatching, type OfferingCriteria } from '../offering/offering-ids.sql.js';
import { Cohort } from './cohort.entity.js';

export class CohortRepository extends EntityRepository<Cohort> {
  /** A page of cohorts, of one programme and by their offerings' status and registration window when given. */
  findPage(
    filter: OfferingCriteria & { programmeId?: string | null; offeringIds?: readonly string[] | null },
    now: Date,
    page: PageRequest<'createdAt'>,
  ): Promise<Connection<Cohort>> {
    const where: FilterQuery<Cohort>[] = [];
    if (filter.programmeId) where.push({ programme: filter.programmeId });
    if (filter.offeringIds) where.push({ offeringId: { $in: [...filter.offeringIds] } });
    if (narrowsOfferings(filter)) where.push({ offeringId: { $in: offeringIdsMatching(this.em, filter, now) } } as never);
    return findPage(this.em, Cohort, { $and: where }, page);
  }

  findById(id: string): Promise<Cohort | null> {
    return this.findOne({ id });
  }

  findByIds(ids: string[]): Promise<Cohort[]> {
    return this.find({ id: { $in: ids } });
  }

  /** By the offerings behind them. */
  findByOfferingIds(offeringIds: string[]): Promise<Cohort[]> {
    return this.find({ offeringId: { $in: offeringIds } });
  }

  /** The cohort with its programme loaded; it must exist. */
  getWithProgramme(id: string): Promise<Loaded<Cohort, 'programme'>> {
    return this.findOneOrFail({ id }, { populate: ['programme'] });
  }

  /** The offerings behind the cohorts of a programme. */
  async offeringIdsOfProgramme(programmeId: string): Promise<string[]> {
    return (await this.find({ programme: programmeId }, { fields: ['offeringId'] })).map((cohort) => cohort.offeringId);
  }
}
