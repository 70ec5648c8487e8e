import { EntityRepository, type Loaded } from '@mikro-orm/postgresql';
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
}
