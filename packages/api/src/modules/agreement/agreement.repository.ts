import { EntityRepository } from '@mikro-orm/postgresql';
import type { Agreement } from './agreement.entity.js';

export class AgreementRepository extends EntityRepository<Agreement> {
  findByIds(ids: readonly string[]): Promise<Agreement[]> {
    return this.find({ id: { $in: [...ids] } });
  }

  /** Every agreement of these organisations, oldest first. */
  findByOrganisations(organisationIds: readonly string[]): Promise<Agreement[]> {
    return this.find({ organisation: { $in: [...organisationIds] } }, { orderBy: { startsOn: 'asc', id: 'asc' } });
  }

  /** Agreements that may be in force some day of the year: started by its end (ended ones are sorted out by the caller). */
  findStartedBy(lastDay: string): Promise<Agreement[]> {
    return this.find({ startsOn: { $lte: lastDay } }, { populate: ['organisation'], orderBy: { id: 'asc' } });
  }

  /** All agreements with their organisations, by organisation name. */
  findAllByOrganisationName(): Promise<Agreement[]> {
    return this.find({}, { populate: ['organisation'], orderBy: { organisation: { name: 'asc' }, startsOn: 'asc', id: 'asc' } });
  }
}
