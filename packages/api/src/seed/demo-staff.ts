import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SeedDirectory } from './demo-data.js';
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES } from './demo-names.js';

/** Staff per active demo workplace: a few, so every workplace page shows a staff list without slowing the seed. */
export const DEMO_STAFF_PER_WORKPLACE = 3;

const TITLES = ['Undersköterska', 'Vårdbiträde', 'Sjuksköterska', 'Stödassistent', 'Personlig assistent', 'Arbetsterapeut'];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * A few employees at every active demo workplace (people without roles, with an employee number and a title),
 * and at every fourth workplace one who has left, so the staff lists have history. Deterministic names and
 * numbers; written in bulk.
 */
export async function seedDemoStaff(orm: MikroORM, directory: SeedDirectory): Promise<void> {
  const domainOf = new Map<string, string>();
  for (const person of directory.people)
    if (!domainOf.has(person.homeOrganisationId)) domainOf.set(person.homeOrganisationId, person.email.split('@')[1]!);
  const people: Record<string, unknown>[] = [];
  const employments: Record<string, unknown>[] = [];
  let counter = 0;
  directory.workplaces
    .filter((workplace) => workplace.status === 'ACTIVE')
    .forEach((workplace, index) => {
      for (let position = 0; position < DEMO_STAFF_PER_WORKPLACE; position += 1) {
        counter += 1;
        const firstNames = counter % 5 === 0 ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES;
        const firstName = firstNames[(counter * 7) % firstNames.length]!;
        const lastName = LAST_NAMES[(counter * 13) % LAST_NAMES.length]!;
        const personId = randomUUID();
        people.push({
          id: personId,
          first_name: firstName,
          last_name: lastName,
          email: `${slug(firstName)}.${slug(lastName)}.${counter}@${domainOf.get(workplace.organisationId) ?? 'example.se'}`,
          home_organisation_id: workplace.organisationId,
        });
        const left = position === DEMO_STAFF_PER_WORKPLACE - 1 && index % 4 === 0;
        employments.push({
          id: randomUUID(),
          person_id: personId,
          workplace_id: workplace.id,
          organisation_id: workplace.organisationId,
          starts_on: `${2015 + (counter % 10)}-${String(1 + (counter % 12)).padStart(2, '0')}-01`,
          ends_on: left ? '2025-06-30' : null,
          employee_number: `${String(10000 + counter)}`,
          title: TITLES[counter % TITLES.length],
        });
      }
    });
  const knex = orm.em.getKnex();
  await knex.transaction(async (trx) => {
    for (let start = 0; start < people.length; start += 1000) await trx('person').insert(people.slice(start, start + 1000));
    for (let start = 0; start < employments.length; start += 1000) await trx('employment').insert(employments.slice(start, start + 1000));
  });
}
