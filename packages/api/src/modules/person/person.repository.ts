import { EntityRepository, raw, type FilterQuery } from '@mikro-orm/postgresql';
import { todayInSweden } from '../../common/graphql/calendar.js';
import { argumentEntityId } from '../../common/graphql/global-id.js';
import type { Connection } from '../../common/pagination/connection.js';
import { findPage, type PageRequest } from '../../common/pagination/find-page.js';
import { containsText } from '../../common/pagination/text-search.js';
import { activeOn } from '../role-assignment/role-assignment.repository.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { Person } from './person.entity.js';
import type { PersonFilterInput, PersonOrderField } from './person.inputs.js';

export class PersonRepository extends EntityRepository<Person> {
  findByIds(ids: string[]): Promise<Person[]> {
    return this.find({ id: { $in: ids } });
  }

  /** Whoever has this e-mail address in any letter case. */
  findByEmail(email: string): Promise<Person | null> {
    return this.findOne(containsExactEmail(email));
  }

  findPage(filter: PersonFilterInput | undefined, page: PageRequest<PersonOrderField>): Promise<Connection<Person>> {
    const where: FilterQuery<Person>[] = [];
    if (filter?.search) where.push(containsText(`first_name || ' ' || last_name || ' ' || email`, filter.search));
    if (filter?.homeOrganisationId) {
      where.push({ homeOrganisation: argumentEntityId(filter.homeOrganisationId, 'Organisation', 'filter.homeOrganisationId') });
    }
    if (filter?.workplaceId || filter?.role) {
      const holding: Record<string, unknown> = { ...activeOn(todayInSweden()) };
      if (filter.workplaceId) Object.assign(holding, { workplace: argumentEntityId(filter.workplaceId, 'Workplace', 'filter.workplaceId') });
      if (filter.role) Object.assign(holding, { role: filter.role });
      const holders = this.em.createQueryBuilder(RoleAssignment, 'ra').select('ra.person_id').where(holding as never);
      where.push({ id: { $in: holders.getKnexQuery() } } as unknown as FilterQuery<Person>);
    }
    return findPage(this.em, Person, { $and: where }, page);
  }
}

/** Matches the unique index on lower(email). */
function containsExactEmail(email: string): FilterQuery<Person> {
  return { [raw('lower(email)')]: email.trim().toLowerCase() } as FilterQuery<Person>;
}
