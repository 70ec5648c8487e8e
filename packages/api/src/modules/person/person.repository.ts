import { findRows, type PlainRow } from '../../platform/database/plain-rows.js';
import { EntityRepository, LockMode, raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { ReadScope } from '../../platform/access/read-scope.js';
import { argumentEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import { findPage, type PageRequest } from '../../platform/pagination/find-page.js';
import { containsText } from '../../platform/pagination/text-search.js';
import { roleHolderIds } from '../role-assignment/role-holders.sql.js';
import { Person } from './person.entity.js';
import type { PersonFilterInput, PersonOrderField } from './person.inputs.js';
import type { Role } from '../../platform/access/vocabulary.js';

export class PersonRepository extends EntityRepository<Person> {
  /**
   * The people a read scope covers: oneself, the organisations' own staff, and everyone who holds or
   * held a role in the organisations or at the workplaces (so the history of a visible workplace names
   * people one can see). With `activeOn`, only roles held that day count (for contact details).
   */
  visibleTo(scope: ReadScope, activeOnDay: string | null = null): FilterQuery<Person> {
    if (scope.everything) return {};
    const holders = roleHolderIds(this.em, {
      activeOn: activeOnDay,
      within: { workplaceIds: scope.workplaceIds, organisationIds: scope.organisationIds },
    });
    const covered: FilterQuery<Person>[] = [
      { homeOrganisation: { $in: scope.organisationIds } },
      { id: { $in: holders } } as unknown as FilterQuery<Person>,
    ];
    if (scope.selfPersonId) covered.push({ id: scope.selfPersonId });
    return { $or: covered };
  }

  findByIds(ids: string[], scope: ReadScope): Promise<Person[]> {
    return this.find({ $and: [{ id: { $in: ids } }, this.visibleTo(scope)] });
  }

  /** The same, as plain rows (the read path). */
  findRowsByIds(ids: string[], scope: ReadScope): Promise<PlainRow<Person>[]> {
    return findRows(this.em, Person, { $and: [{ id: { $in: ids } }, this.visibleTo(scope)] });
  }

  findVisible(id: string, scope: ReadScope): Promise<Person | null> {
    return this.findOne({ $and: [{ id }, this.visibleTo(scope)] });
  }

  /** Locks the person's row, if the scope covers them (e.g. while a role is given, so that two requests do not both pass a check). */
  lockVisible(id: string, scope: ReadScope): Promise<Person | null> {
    return this.findOne({ $and: [{ id }, this.visibleTo(scope)] }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  async exists(id: string): Promise<boolean> {
    return (await this.count({ id })) > 0;
  }

  /** Which of these people's contact details the scope covers (roles held on `day`). */
  async contactVisibleAmong(ids: string[], scope: ReadScope, day: string): Promise<Set<string>> {
    if (scope.everything) return new Set(ids);
    const rows = await this.createQueryBuilder('p')
      .select('p.id')
      .where({ $and: [{ id: { $in: ids } }, this.visibleTo(scope, day)] })
      .execute<{ id: string }[]>('all', false);
    return new Set(rows.map((row) => row.id));
  }

  /** Whoever has this e-mail address in any letter case. */
  findByEmail(email: string): Promise<Person | null> {
    return this.findOne(sameEmail(email));
  }

  /** `searchEmails`: whether the search may match e-mail addresses (only for callers who may see them all). */
  findPage(
    filter: PersonFilterInput | undefined,
    page: PageRequest<PersonOrderField>,
    scope: ReadScope,
    today: string,
    searchEmails: boolean,
  ): Promise<Connection<Person>> {
    const where: FilterQuery<Person>[] = [this.visibleTo(scope)];
    if (filter?.search) {
      where.push(
        containsText(searchEmails ? `first_name || ' ' || last_name || ' ' || email` : `first_name || ' ' || last_name`, filter.search),
      );
    }
    if (filter?.homeOrganisationId) {
      where.push({ homeOrganisation: argumentEntityId(filter.homeOrganisationId, 'Organisation', 'filter.homeOrganisationId') });
    }
    if (filter?.workplaceId || filter?.role) {
      const holders = roleHolderIds(this.em, {
        activeOn: today,
        ...(filter.workplaceId ? { workplaceId: argumentEntityId(filter.workplaceId, 'Workplace', 'filter.workplaceId') } : {}),
        ...(filter.role ? { role: filter.role } : {}),
      });
      where.push({ id: { $in: holders } } as unknown as FilterQuery<Person>);
    }
    if (filter?.updatedSince) where.push({ updatedAt: { $gte: filter.updatedSince } });
    // People with the same last name are listed by first name (the sort index is on both). A string: the
    // inputs' enum cannot be imported here as a value (the entity imports this file).
    const ordered = (page.orderBy.field as string) === 'lastName' ? { ...page, thenBy: ['firstName'] } : page;
    return findPage(this.em, Person, { $and: where }, ordered);
  }

  /**
   * The ids of the people a selection names, among those the scope covers, in name order, at most `limit`:
   * everyone whose home organisation it is, or (with a role, or at a workplace) who holds a role there today.
   */
  async idsInSelection(
    selection: { workplaceId?: string; organisationId?: string; role?: Role },
    scope: ReadScope,
    today: string,
    limit: number,
  ): Promise<string[]> {
    const where: FilterQuery<Person>[] = [this.visibleTo(scope)];
    if (selection.workplaceId || selection.role) {
      const holders = roleHolderIds(this.em, {
        activeOn: today,
        ...(selection.workplaceId ? { workplaceId: selection.workplaceId } : {}),
        ...(selection.role ? { role: selection.role } : {}),
        ...(selection.organisationId ? { within: { workplaceIds: [], organisationIds: [selection.organisationId] } } : {}),
      });
      where.push({ id: { $in: holders } } as unknown as FilterQuery<Person>);
    } else if (selection.organisationId) {
      where.push({ homeOrganisation: selection.organisationId });
    }
    const rows = await this.find({ $and: where }, { fields: ['id'], orderBy: { lastName: 'asc', firstName: 'asc', id: 'asc' }, limit });
    return rows.map((row) => row.id);
  }

  findById(id: string): Promise<Person | null> {
    return this.findOne({ id });
  }

  /** Which of these people have been erased. */
  async findErasedIds(ids: string[]): Promise<string[]> {
    return (await this.find({ id: { $in: ids }, erasedAt: { $ne: null } }, { fields: ['id'] })).map((person) => person.id);
  }

  /** Loads the people into the identity map in one statement, whoever may see them (for the notification workers). */
  loadByIds(ids: string[]): Promise<Person[]> {
    return this.find({ id: { $in: ids } });
  }
}

/** Matches the unique index on lower(email); stored addresses are composed (NFC), so the address is too. */
function sameEmail(email: string): FilterQuery<Person> {
  return { [raw('lower(email)')]: email.trim().normalize('NFC').toLowerCase() } as FilterQuery<Person>;
}
