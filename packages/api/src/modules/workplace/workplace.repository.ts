import { findRows, type PlainRow } from '../../platform/database/plain-rows.js';
import { EntityRepository, LockMode, raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { ReadScope } from '../../platform/access/read-scope.js';
import { argumentEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, findPagesByParent, type PageRequest } from '../../platform/pagination/find-page.js';
import { containsText } from '../../platform/pagination/text-search.js';
import { Workplace } from './workplace.entity.js';
import type { WorkplaceFilterInput, WorkplaceOrderField } from './workplace.inputs.js';

export class WorkplaceRepository extends EntityRepository<Workplace> {
  /** The workplaces a read scope covers. */
  visibleTo(scope: ReadScope): FilterQuery<Workplace> {
    if (scope.everything) return {};
    return { $or: [{ organisation: { $in: scope.organisationIds } }, { id: { $in: scope.workplaceIds } }] };
  }

  findByIds(ids: string[], scope: ReadScope): Promise<Workplace[]> {
    return this.find({ $and: [{ id: { $in: ids } }, this.visibleTo(scope)] });
  }

  /** The same, as plain rows (the read path). */
  findRowsByIds(ids: string[], scope: ReadScope): Promise<PlainRow<Workplace>[]> {
    return findRows(this.em, Workplace, { $and: [{ id: { $in: ids } }, this.visibleTo(scope)] });
  }

  findVisible(id: string, scope: ReadScope): Promise<Workplace | null> {
    return this.findOne({ $and: [{ id }, this.visibleTo(scope)] });
  }

  /** Serialises changes to one workplace and its roles (two admins assigning a manager at once). */
  lockVisible(id: string, scope: ReadScope): Promise<Workplace | null> {
    return this.findOne({ $and: [{ id }, this.visibleTo(scope)] }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** Another workplace of the organisation with this name in any letter case (the unique index's rule). */
  findNamesake(organisationId: string, name: string, exceptId: string | null): Promise<Workplace | null> {
    const where: FilterQuery<Workplace> = {
      organisation: organisationId,
      [raw('lower(name)')]: name.toLowerCase(),
    } as FilterQuery<Workplace>;
    return this.findOne(exceptId ? { $and: [where, { id: { $ne: exceptId } }] } : where);
  }

  findPage(
    filter: WorkplaceFilterInput | undefined,
    page: PageRequest<WorkplaceOrderField>,
    scope: ReadScope,
  ): Promise<Connection<Workplace>> {
    return findPage(this.em, Workplace, { $and: [this.where(filter), this.visibleTo(scope)] }, page);
  }

  /** The same page of workplaces for each organisation, in two statements. */
  findPagesByOrganisation(
    organisationIds: readonly string[],
    filter: WorkplaceFilterInput | undefined,
    page: PageRequest<WorkplaceOrderField>,
    scope: ReadScope,
  ): Promise<Map<string, Connection<Workplace>>> {
    const where = () => ({ $and: [this.where(filter), this.visibleTo(scope)] }) as FilterQuery<Workplace>;
    return findPagesByParent(this.em, Workplace, { property: 'organisation', column: 'organisation_id' }, organisationIds, where, page);
  }

  private where(filter: WorkplaceFilterInput | undefined): FilterQuery<Workplace> {
    const where: FilterQuery<Workplace>[] = [];
    if (filter?.organisationId)
      where.push({ organisation: argumentEntityId(filter.organisationId, 'Organisation', 'filter.organisationId') });
    if (filter?.status) where.push({ status: filter.status });
    if (filter?.type) where.push({ type: filter.type });
    if (filter?.search) where.push(containsText(`name || ' ' || coalesce(city, '')`, filter.search));
    if (filter?.updatedSince) where.push({ updatedAt: { $gte: filter.updatedSince } });
    return { $and: where };
  }
}
