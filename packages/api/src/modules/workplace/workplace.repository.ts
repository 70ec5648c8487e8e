import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import { argumentEntityId } from '../../common/graphql/global-id.js';
import type { Connection } from '../../common/pagination/connection.js';
import { findPage, findPagesByParent, type PageRequest } from '../../common/pagination/find-page.js';
import { containsText } from '../../common/pagination/text-search.js';
import { Workplace } from './workplace.entity.js';
import type { WorkplaceFilterInput, WorkplaceOrderField } from './workplace.inputs.js';

export class WorkplaceRepository extends EntityRepository<Workplace> {
  findByIds(ids: string[]): Promise<Workplace[]> {
    return this.find({ id: { $in: ids } });
  }

  findPage(filter: WorkplaceFilterInput | undefined, page: PageRequest<WorkplaceOrderField>): Promise<Connection<Workplace>> {
    return findPage(this.em, Workplace, this.where(filter), page);
  }

  /** The same page of workplaces for each organisation, in two statements. */
  findPagesByOrganisation(
    organisationIds: readonly string[],
    filter: WorkplaceFilterInput | undefined,
    page: PageRequest<WorkplaceOrderField>,
  ): Promise<Map<string, Connection<Workplace>>> {
    return findPagesByParent(this.em, Workplace, { property: 'organisation', column: 'organisation_id' }, organisationIds, this.where(filter), page);
  }

  findByNameInOrganisation(organisationId: string, name: string): Promise<Workplace | null> {
    return this.findOne({ organisation: organisationId, name });
  }

  private where(filter: WorkplaceFilterInput | undefined): FilterQuery<Workplace> {
    const where: FilterQuery<Workplace>[] = [];
    if (filter?.organisationId) where.push({ organisation: argumentEntityId(filter.organisationId, 'Organisation', 'filter.organisationId') });
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.type) where.push({ type: filter.type });
    if (filter?.search) where.push(containsText(`name || ' ' || coalesce(city, '')`, filter.search));
    return { $and: where };
  }
}
