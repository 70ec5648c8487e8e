import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { NetworkMembership } from './network.entities.js';

export const networkPersonalData: PersonalDataContributor = {
  entities: [NetworkMembership],
  async export(em, personId) {
    const memberships = await em.find(NetworkMembership, { person: personId }, { populate: ['network'], orderBy: { joinedAt: 'asc' } });
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
    for (const membership of await em.find(NetworkMembership, { person: person.id, leftAt: null })) membership.leftAt = person.erasedAt;
  },
};
