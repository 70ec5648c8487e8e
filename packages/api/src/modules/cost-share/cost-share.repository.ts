import { EntityRepository } from '@mikro-orm/postgresql';
import { Agreement } from '../agreement/agreement.entity.js';
import { Organisation, OrganisationPopulation } from '../organisation/organisation.entity.js';
import { CostShareFrozenRow } from './cost-share-frozen-row.entity.js';
import { CostShareWeight } from './cost-share-weight.entity.js';
import type { CostShareYear } from './cost-share-year.entity.js';

/** Every query of the cost sharing: its own tables, and the organisations, populations and agreements it reads. */
export class CostShareRepository extends EntityRepository<CostShareYear> {
  findByYear(year: number): Promise<CostShareYear | null> {
    return this.findOne({ year });
  }

  findByIds(ids: readonly string[]): Promise<CostShareYear[]> {
    return this.find({ id: { $in: [...ids] } });
  }

  findAllByYear(): Promise<CostShareYear[]> {
    return this.find({}, { orderBy: { year: 'desc' } });
  }

  /** The latest year up to `year` with a cost entered directly: the base to index from. */
  findBaseFor(year: number): Promise<CostShareYear | null> {
    return this.findOne({ year: { $lte: year }, baseCost: { $ne: null } }, { orderBy: { year: 'desc' } });
  }

  findWeights(yearIds: readonly string[]): Promise<CostShareWeight[]> {
    return this.em.find(CostShareWeight, { costShareYear: { $in: [...yearIds] } }, { populate: ['organisation'] });
  }

  findFrozenRows(yearId: string): Promise<CostShareFrozenRow[]> {
    return this.em.find(CostShareFrozenRow, { costShareYear: yearId }, { orderBy: { id: 'asc' } });
  }

  findOrganisations(): Promise<Organisation[]> {
    return this.em.find(Organisation, {}, { orderBy: { name: 'asc', id: 'asc' } });
  }

  findOrganisationsByIds(ids: readonly string[]): Promise<Organisation[]> {
    return this.em.find(Organisation, { id: { $in: [...ids] } });
  }

  findPopulations(year: number): Promise<OrganisationPopulation[]> {
    return this.em.find(OrganisationPopulation, { year });
  }

  /** Agreements started by the end of `year`: the ones that can be in force some day of it. */
  findAgreementsStartedBy(year: number): Promise<Agreement[]> {
    return this.em.find(Agreement, { startsOn: { $lte: `${year}-12-31` } });
  }
}
