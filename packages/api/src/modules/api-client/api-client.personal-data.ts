import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { ApiClient } from './api-client.entity.js';

/** API clients name the person who created them; the client stays (it belongs to the organisation). */
export const apiClientPersonalData: PersonalDataContributor = {
  entities: [ApiClient],
  async export(em, personId) {
    const clients = await em.getRepository(ApiClient).findCreatedBy(personId);
    return {
      apiClientsCreated: clients.map((client) => ({
        id: client.id,
        name: client.name,
        createdAt: client.createdAt,
        revokedAt: client.revokedAt,
      })),
    };
  },
};
