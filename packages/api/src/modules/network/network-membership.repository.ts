import { EntityRepository } from '@mikro-orm/postgresql';
import type { ReadScope } from '../../platform/access/read-scope.js';
import { Person } from '../person/person.entity.js';
import { NetworkRole } from './network.enums.js';
import type { NetworkMembership } from './network-membership.entity.js';
import type { Network } from './network.entity.js';

export class NetworkMembershipRepository extends EntityRepository<NetworkMembership> {
  /** A membership is visible with its person. */
  findVisibleByIds(ids: string[], scope: ReadScope): Promise<NetworkMembership[]> {
    return this.find({
      id: { $in: ids },
      ...(scope.everything ? {} : { person: this.em.getRepository(Person).visibleTo(scope) }),
    } as never);
  }

  /** The memberships of the networks whose people the scope covers; only open ones unless `includeEnded`. */
  findByNetworks(networkIds: string[], includeEnded: boolean, scope: ReadScope): Promise<NetworkMembership[]> {
    const visible = scope.everything ? {} : { person: this.em.getRepository(Person).visibleTo(scope) };
    return this.find({ network: { $in: networkIds }, ...(includeEnded ? {} : { leftAt: null }), ...visible } as never, {
      orderBy: { joinedAt: 'asc', id: 'asc' },
    });
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
