import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { Language, Person } from './person.entity.js';

/** What an erased person's record keeps: nothing that names or reaches them. */
export const ERASED = { firstName: 'Raderad', lastName: 'person' } as const;

export const personPersonalData: PersonalDataContributor = {
  entities: [Person],
  subjectsAbout: async (_em, personId) => [{ type: 'Person', ids: [personId] }],
  async export(em, personId) {
    const person = await em.getRepository(Person).findOneOrFail({ id: personId }, { populate: ['homeOrganisation'] });
    return {
      person: {
        id: person.id,
        firstName: person.firstName,
        lastName: person.lastName,
        email: person.email,
        phone: person.phone,
        language: person.language,
        homeOrganisation: { id: person.homeOrganisation.id, name: person.homeOrganisation.getEntity().name },
        createdAt: person.createdAt,
        updatedAt: person.updatedAt,
        erasedAt: person.erasedAt,
      },
    };
  },
  // Names, e-mail and phone are anonymised; the record stays so that history per organisation adds up.
  eraseOrder: 50,
  async erase(em, erased) {
    const person = await em.getRepository(Person).findOneOrFail({ id: erased.id });
    person.firstName = ERASED.firstName;
    person.lastName = ERASED.lastName;
    person.email = `erased-${person.id}@invalid`;
    person.phone = null;
    person.language = Language.SV;
    person.erasedAt = erased.erasedAt;
  },
};
