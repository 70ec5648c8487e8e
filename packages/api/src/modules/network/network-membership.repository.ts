import { EntityRepository, type FilterQuery } from '@mikro-orm/postgresql';
import type { ReadScope } from '../../platform/access/read-scope.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPagesByParent, type PageRequest } from '../../platform/pagination/find-page.js';
import { Person } from '../person/person.entity.js';
import { NetworkRole } from './network.enums.js';
import { NetworkMembership } from './network-membership.entity.js';
import type { Network } from './network.entity.js';

/** Which of a network's memberships a page holds. */
export interface NetworkMembersFilter {
  includeEnded: boolean;
  endedOnly: boolean;
  role: NetworkRole | null;
}

/** Open memberships page by joining date; the history (endedOnly) by leaving date. */
export type NetworkMembersOrderField = 'joinedAt' | 'leftAt';

export class NetworkMembershipRepository extends EntityRepository<NetworkMembership> {
  /** A membership is visible with its person. */
  findVisibleByIds(ids: string[], scope: ReadScope): Promise<NetworkMembership[]> {
    return this.find({
      id: { $in: ids },
      ...(scope.everything ? {} : { person: this.em.getRepository(Person).visibleTo(scope) }),
    } as never);
  }

  /**
   * The same page of the memberships of several networks at once (two statements whatever their number, one without
   * the counts), of the people the scope covers; only open ones unless `includeEnded`, only ended ones with `endedOnly`.
   */
  findPagesByNetwork(
    networkIds: readonly string[],
    filter: NetworkMembersFilter,
    page: PageRequest<NetworkMembersOrderField>,
    scope: ReadScope,
  ): Promise<Map<string, Connection<NetworkMembership>>> {
    const where = () =>
      ({
        $and: [
          filter.endedOnly ? { leftAt: { $ne: null } } : filter.includeEnded ? {} : { leftAt: null },
          filter.role ? { role: filter.role } : {},
          scope.everything ? {} : { person: this.em.getRepository(Person).visibleTo(scope) },
        ],
      }) as FilterQuery<NetworkMembership>;
    return findPagesByParent(this.em, NetworkMembership, { property: 'network', column: 'network_id' }, networkIds, where, page);
  }

  /** The open memberships of these people, oldest first. */
  findOpenByPeople(personIds: string[]): Promise<NetworkMembership[]> {
    return this.find({ person: { $in: personIds }, leftAt: null }, { orderBy: { joinedAt: 'asc', id: 'asc' } });
  }

  /** The person's open membership of the network. */
  findOpen(network: Network, person: Person): Promise<NetworkMembership | null> {
    return this.findOne({ network, person, leftAt: null });
  }

  countOpen(network: Network, person: Person): Promise<number> {
    return this.count({ network, person, leftAt: null });
  }

  countOpenFacilitator(networkId: string, personId: string): Promise<number> {
    return this.count({ network: networkId, person: personId, role: NetworkRole.FACILITATOR, leftAt: null });
  }

  /** All of a person's memberships with their networks, oldest first (for the personal-data export). */
  findAllOfPerson(personId: string): Promise<NetworkMembership[]> {
    return this.find({ person: personId }, { populate: ['network'], orderBy: { joinedAt: 'asc' } });
  }

  findOpenOfPerson(personId: string): Promise<NetworkMembership[]> {
    return this.find({ person: personId, leftAt: null });
  }
}
