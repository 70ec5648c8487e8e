import { EntityRepository, type FilterQuery, type Loaded } from '@mikro-orm/postgresql';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import type { Cohort } from './cohort.entity.js';

export class CohortRepository extends EntityRepository<Cohort> {
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

  /** A page of cohorts, of one programme when given. */
  findPage(programmeId: string | null, page: PageRequest<'createdAt'>): Promise<Connection<Cohort>> {
    const where: FilterQuery<Cohort> = programmeId ? { programme: programmeId } : {};
    return findPage(this.em, this.entityName, where, page);
  }

  /** The offerings behind the cohorts of a programme. */
  async offeringIdsOfProgramme(programmeId: string): Promise<string[]> {
    return (await this.find({ programme: programmeId }, { fields: ['offeringId'] })).map((cohort) => cohort.offeringId);
  }
}
