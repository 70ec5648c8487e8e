import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { NetworkMembership } from './network-membership.entity.js';

export const networkPersonalData: PersonalDataContributor = {
  entities: [NetworkMembership],
  async export(em, personId) {
    const memberships = await em.getRepository(NetworkMembership).findAllOfPerson(personId);
    return {
      networkMemberships: memberships.map((membership) => ({
        network: membership.network.getEntity().name,
        role: membership.role,
        joinedAt: membership.joinedAt,
        leftAt: membership.leftAt,
      })),
    };
  },
  // Memberships end with the erasure; their history stays, anonymous.
  eraseOrder: 70,
  async erase(em, person) {
    for (const membership of await em.getRepository(NetworkMembership).findOpenOfPerson(person.id)) membership.leftAt = person.erasedAt;
  },
};
