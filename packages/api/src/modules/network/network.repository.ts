import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { containsText } from '../../platform/pagination/text-search.js';
import { Network } from './network.entity.js';
import type { NetworkFilterInput } from './network.inputs.js';

export class NetworkRepository extends EntityRepository<Network> {
  findById(id: string): Promise<Network | null> {
    return this.findOne({ id });
  }

  findByIds(ids: string[]): Promise<Network[]> {
    return this.find({ id: { $in: ids } });
  }

  getById(id: string): Promise<Network> {
    return this.findOneOrFail({ id });
  }

  /** A page of networks (none when `visible` is false); there are a few dozen, so the name search needs no trigram index. */
  findPage(filter: NetworkFilterInput | undefined, page: PageRequest<'name'>, visible: boolean): Promise<Connection<Network>> {
    const where: FilterQuery<Network>[] = visible ? [] : [{ id: { $in: [] } }];
    if (filter?.search) where.push(containsText('name', filter.search));
    if (filter?.status) where.push({ status: filter.status });
    return findPage(this.em, Network, { $and: where }, page);
  }
}
