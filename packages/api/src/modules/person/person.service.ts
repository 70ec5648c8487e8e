import type { EntityManager } from '@mikro-orm/postgresql';
import { requireEntityId } from '../../common/graphql/global-id.js';
import type { Connection } from '../../common/pagination/connection.js';
import type { PageRequest } from '../../common/pagination/find-page.js';
import { assertValidInput } from '../../common/validation.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationErrors } from '../organisation/organisation.errors.js';
import { Person } from './person.entity.js';
import { PersonErrors } from './person.errors.js';
import type { PersonCreateInput, PersonFilterInput, PersonOrderField, PersonUpdateInput } from './person.inputs.js';

export class PersonService {
  constructor(private readonly em: EntityManager) {}

  list(filter: PersonFilterInput | undefined, page: PageRequest<PersonOrderField>): Promise<Connection<Person>> {
    return this.em.getRepository(Person).findPage(filter, page);
  }

  async create(input: PersonCreateInput): Promise<Person> {
    await assertValidInput(input);
    const homeOrganisationId = requireEntityId(input.homeOrganisationId, 'Organisation', 'homeOrganisationId');
    return this.em.transactional(async (em) => {
      const homeOrganisation = await em.getRepository(Organisation).findOne({ id: homeOrganisationId });
      if (!homeOrganisation) throw OrganisationErrors.notFound('homeOrganisationId');
      if (await em.getRepository(Person).findByEmail(input.email)) throw PersonErrors.emailTaken();
      return em.create(Person, {
        firstName: input.firstName.trim(),
        lastName: input.lastName.trim(),
        email: input.email.trim(),
        phone: input.phone?.trim() || null,
        homeOrganisation,
      });
    });
  }

  async update(input: PersonUpdateInput): Promise<Person> {
    await assertValidInput(input);
    const id = requireEntityId(input.id, 'Person', 'id');
    const homeOrganisationId = input.homeOrganisationId ? requireEntityId(input.homeOrganisationId, 'Organisation', 'homeOrganisationId') : null;
    return this.em.transactional(async (em) => {
      const people = em.getRepository(Person);
      const person = await people.findOne({ id });
      if (!person) throw PersonErrors.notFound('id');
      if (input.email && input.email.trim().toLowerCase() !== person.email.toLowerCase()) {
        if (await people.findByEmail(input.email)) throw PersonErrors.emailTaken();
      }
      if (homeOrganisationId) {
        const organisation = await em.getRepository(Organisation).findOne({ id: homeOrganisationId });
        if (!organisation) throw OrganisationErrors.notFound('homeOrganisationId');
        person.homeOrganisation = em.getReference(Organisation, organisation.id, { wrapped: true });
      }
      if (input.firstName) person.firstName = input.firstName.trim();
      if (input.lastName) person.lastName = input.lastName.trim();
      if (input.email) person.email = input.email.trim();
      if (input.phone !== undefined) person.phone = input.phone?.trim() || null;
      return person;
    });
  }
}
