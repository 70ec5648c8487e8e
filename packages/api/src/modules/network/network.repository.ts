import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { containsText } from '../../platform/pagination/text-search.js';
import { offeringIdsMatching } from '../offering/offering-ids.sql.js';
import { Network } from './network.entity.js';
import type { NetworkStatus } from './network.enums.js';

export class NetworkRepository extends EntityRepository<Network> {
  /** A page of networks by name, status, prerequisite programme, and whether a meeting takes registrations at `now`. */
  findPage(
    filter: {
      search?: string | null;
      status?: NetworkStatus | null;
      prerequisiteProgrammeId?: string | null;
      openForRegistration?: boolean | null;
    },
    now: Date,
    page: PageRequest<'name'>,
  ): Promise<Connection<Network>> {
    const where: FilterQuery<Network>[] = [];
    // There are a few dozen networks: the name search needs no trigram index.
    if (filter.search) where.push(containsText('name', filter.search));
    if (filter.status) where.push({ status: filter.status });
    if (filter.prerequisiteProgrammeId) where.push({ prerequisiteProgramme: filter.prerequisiteProgrammeId });
    if (filter.openForRegistration !== undefined && filter.openForRegistration !== null) {
      const withOpenMeeting = this.em
        .getKnex()
        .select('m.network_id')
        .from('network_meeting as m')
        .whereIn('m.offering_id', offeringIdsMatching(this.em, { openForRegistration: true }, now));
      where.push({ id: { [filter.openForRegistration ? '$in' : '$nin']: withOpenMeeting } } as never);
    }
    return findPage(this.em, Network, { $and: where }, page);
  }

  findById(id: string): Promise<Network | null> {
    return this.findOne({ id });
  }

  findByIds(ids: string[]): Promise<Network[]> {
    return this.find({ id: { $in: ids } });
  }

  getById(id: string): Promise<Network> {
    return this.findOneOrFail({ id });
  }
}
