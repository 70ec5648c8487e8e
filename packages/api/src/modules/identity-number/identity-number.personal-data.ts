import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { PersonIdentityNumber } from './person-identity-number.entity.js';
import { openIdentityNumber } from './identity-number.service.js';

/** The number belongs in the person's export (in plain text: it is theirs); erasure deletes it. */
export const identityNumberPersonalData: PersonalDataContributor = {
  entities: [PersonIdentityNumber],
  async export(em, personId, _about, ctx) {
    const row = await em.getRepository(PersonIdentityNumber).findOfPerson(personId);
    return { identityNumber: row ? openIdentityNumber(ctx.dependencies.identityNumberKeys, row) : null };
  },
  eraseOrder: 40,
  async erase(em, erased) {
    await em.getRepository(PersonIdentityNumber).deleteOfPerson(erased.id);
  },
};
