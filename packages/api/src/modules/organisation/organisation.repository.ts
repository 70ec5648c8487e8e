import { findRows, type PlainRow } from '../../platform/database/plain-rows.js';
import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { Organisation, OrganisationPopulation } from './organisation.entity.js';
import type { OrganisationFilterInput, OrganisationOrderField } from './organisation.inputs.js';
import { containsText } from '../../platform/pagination/text-search.js';

export class OrganisationRepository extends EntityRepository<Organisation> {
  findByIds(ids: string[]): Promise<Organisation[]> {
    return this.find({ id: { $in: ids } });
  }

  /** The same, as plain rows (the read path). */
  findRowsByIds(ids: string[]): Promise<PlainRow<Organisation>[]> {
    return findRows(this.em, Organisation, { id: { $in: ids } });
  }

  /** All organisations ('all') or these, by name. */
  findAllOrByIdsByName(ids: string[] | 'all'): Promise<Organisation[]> {
    return this.find(ids === 'all' ? {} : { id: { $in: ids } }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  findPopulations(organisationIds: string[]): Promise<OrganisationPopulation[]> {
    return this.em.find(OrganisationPopulation, { organisation: { $in: organisationIds } }, { orderBy: { year: 'asc' } });
  }

  findPrincipal(): Promise<Organisation | null> {
    return this.findOne({ isPrincipal: true });
  }

  findByOrganisationNumber(organisationNumber: string): Promise<Organisation | null> {
    return this.findOne({ organisationNumber });
  }

  findPage(filter: OrganisationFilterInput | undefined, page: PageRequest<OrganisationOrderField>): Promise<Connection<Organisation>> {
    const where: FilterQuery<Organisation>[] = [];
    if (filter?.search) where.push(containsText(`name || ' ' || organisation_number`, filter.search));
    if (filter?.kind) where.push({ kind: filter.kind });
    if (filter?.isPrincipal !== undefined && filter?.isPrincipal !== null) where.push({ isPrincipal: filter.isPrincipal });
    if (filter?.updatedSince) where.push({ updatedAt: { $gte: filter.updatedSince } });
    return findPage(this.em, Organisation, { $and: where }, page);
  }
}
