import type { PersonalDataContributor } from '../../platform/module/module-definition.js';
import { Employment } from './employment.entity.js';

export const staffPersonalData: PersonalDataContributor = {
  entities: [Employment],
  async export(em, personId) {
    const employments = await em.getRepository(Employment).findAllOfPerson(personId);
    return {
      employments: employments.map((employment) => ({
        workplace: employment.workplace.getEntity().name,
        startsOn: employment.startsOn,
        endsOn: employment.endsOn,
        employeeNumber: employment.employeeNumber,
        title: employment.title,
      })),
    };
  },
  // The employment history stays for the statistics (who worked where), without the HR system's key to the person.
  eraseOrder: 60,
  async erase(em, person) {
    const day = person.erasedAt.toISOString().slice(0, 10);
    for (const employment of await em.getRepository(Employment).findAllOfPerson(person.id)) {
      employment.employeeNumber = null;
      if (employment.endsOn === null || employment.endsOn > day) employment.endsOn = employment.startsOn > day ? employment.startsOn : day;
    }
  },
};
