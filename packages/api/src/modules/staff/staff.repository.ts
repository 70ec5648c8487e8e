import { EntityRepository, LockMode, raw, type FilterQuery } from '@mikro-orm/postgresql';
import type { ReadScope } from '../../platform/access/read-scope.js';
import { OrderDirection, type Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { searchable } from '../../platform/pagination/text-search.js';
import { GraphQLError } from 'graphql';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Workplace } from '../workplace/workplace.entity.js';
import type { Employment } from './employment.entity.js';
import type { StaffFilterInput } from './staff.inputs.js';

/** The sort columns of a staff page, the employment's id last (the cursor holds their values). */
const SORTS: Record<string, { columns: string[] }> = {
  // The person columns are collated sv-SE-x-icu: … X Y Z Å Ä Ö, as the people list.
  lastName: { columns: ['p.last_name', 'p.first_name', 'e.id'] },
  startsOn: { columns: ['e.starts_on', 'e.id'] },
};

function badCursor(): GraphQLError {
  return new GraphQLError('`after` is not a cursor of this list with this ordering.', {
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
  });
}

function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(after: string, length: number): string[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (!Array.isArray(values) || values.length !== length || !values.every((value) => typeof value === 'string')) throw badCursor();
  return values as string[];
}

/** Escapes LIKE wildcards so a search for "50%" finds "50%". */
function likePattern(text: string): string {
  return `%${text.trim().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export class EmploymentRepository extends EntityRepository<Employment> {
  /** The employments a staff read scope covers. */
  visibleTo(scope: ReadScope): FilterQuery<Employment> {
    if (scope.everything) return {};
    const covered: FilterQuery<Employment>[] = [
      { organisation: { $in: scope.organisationIds } },
      { workplace: { $in: scope.workplaceIds } },
    ];
    if (scope.selfPersonId) covered.push({ person: scope.selfPersonId });
    return { $or: covered };
  }

  findByIds(ids: string[], scope: ReadScope): Promise<Employment[]> {
    return this.find({ $and: [{ id: { $in: ids } }, this.visibleTo(scope)] });
  }

  /** Each person's employments the scope covers, the latest first. */
  findOfPeople(personIds: readonly string[], scope: ReadScope): Promise<Employment[]> {
    return this.find({ $and: [{ person: { $in: [...personIds] } }, this.visibleTo(scope)] }, { orderBy: { startsOn: 'desc', id: 'asc' } });
  }

  /** Every employment of a person (the personal-data export and erasure). */
  findAllOfPerson(personId: string): Promise<Employment[]> {
    return this.find({ person: personId }, { populate: ['workplace'], orderBy: { startsOn: 'asc', id: 'asc' } });
  }

  /** Every employment of the organisation, history included, with its person (the import compares a file to them). */
  findAllOfOrganisation(organisationId: string): Promise<Employment[]> {
    return this.find({ organisation: organisationId }, { populate: ['person'], orderBy: { startsOn: 'asc', id: 'asc' } });
  }

  /** Locks the organisation's row for an import, so that two imports of one organisation run one after the other. */
  lockOrganisation(organisationId: string): Promise<Organisation | null> {
    return this.em.getRepository(Organisation).findOne({ id: organisationId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /** The organisation's workplaces (an import names them). */
  workplacesOf(organisationId: string): Promise<Workplace[]> {
    return this.em.getRepository(Workplace).find({ organisation: organisationId });
  }

  /** Whoever has one of these e-mail addresses, in any letter case (one statement for a whole file). */
  peopleWithEmails(emails: readonly string[]): Promise<Person[]> {
    if (emails.length === 0) return Promise.resolve([]);
    const lowered = [...new Set(emails.map((email) => email.normalize('NFC').toLowerCase()))];
    return this.em.getRepository(Person).find({ [raw('lower(email)')]: { $in: lowered } } as FilterQuery<Person>);
  }

  /** Another employment of the organisation with this employee number whose period overlaps [startsOn, endsOn]. */
  findNumberInUse(
    organisationId: string,
    employeeNumber: string,
    period: { startsOn: string; endsOn: string | null },
    exceptId: string | null,
  ): Promise<Employment | null> {
    const where: FilterQuery<Employment>[] = [
      { organisation: organisationId, employeeNumber },
      { $or: [{ endsOn: null }, { endsOn: { $gte: period.startsOn } }] },
    ];
    if (period.endsOn) where.push({ startsOn: { $lte: period.endsOn } });
    if (exceptId) where.push({ id: { $ne: exceptId } });
    return this.findOne({ $and: where });
  }

  /** Another employment of the person at the workplace whose period overlaps [startsOn, endsOn]. */
  findOverlapping(
    personId: string,
    workplaceId: string,
    period: { startsOn: string; endsOn: string | null },
    exceptId: string | null,
  ): Promise<Employment | null> {
    const where: FilterQuery<Employment>[] = [
      { person: personId, workplace: workplaceId },
      { $or: [{ endsOn: null }, { endsOn: { $gte: period.startsOn } }] },
    ];
    if (period.endsOn) where.push({ startsOn: { $lte: period.endsOn } });
    if (exceptId) where.push({ id: { $ne: exceptId } });
    return this.findOne({ $and: where });
  }

  /**
   * The same page of staff for each workplace, in two statements whatever the number of workplaces: one
   * grouped count and one `row_number() over (partition by workplace_id …)`. Staff are sorted by the
   * person's name (joined through `employment.person_id`), so this is SQL rather than the ORM's cursor.
   */
  async findPagesByWorkplace(
    workplaceIds: readonly string[],
    filter: StaffFilterInput | undefined,
    page: PageRequest<string>,
    today: string,
  ): Promise<Map<string, Connection<Employment>>> {
    const pages = new Map<string, Connection<Employment>>(
      workplaceIds.map((id) => [
        id,
        {
          edges: [],
          totalCount: 0,
          pageInfo: { hasNextPage: false, hasPreviousPage: Boolean(page.after), startCursor: null, endCursor: null },
        },
      ]),
    );
    if (workplaceIds.length === 0) return pages;
    const conditions: string[] = ['e.workplace_id in (?)'];
    const params: unknown[] = [[...workplaceIds]];
    if (filter?.search) {
      conditions.push(`${searchable(`p.first_name || ' ' || p.last_name`)} like search_text(?)`);
      params.push(likePattern(filter.search));
    }
    if (filter?.status === 'CURRENT') {
      conditions.push(`e.starts_on <= ? and (e.ends_on is null or e.ends_on >= ?)`);
      params.push(today, today);
    } else if (filter?.status === 'UPCOMING') {
      conditions.push(`e.starts_on > ?`);
      params.push(today);
    } else if (filter?.status === 'ENDED') {
      conditions.push(`e.ends_on < ?`);
      params.push(today);
    }
    const from = `from employment e join person p on p.id = e.person_id where ${conditions.join(' and ')}`;

    const counts = await this.em.execute<{ workplace_id: string; total: number }[]>(
      `select e.workplace_id, count(*)::int as total ${from} group by e.workplace_id`,
      params,
    );
    for (const row of counts) pages.get(row.workplace_id)!.totalCount = row.total;

    const sort = SORTS[page.orderBy.field] ?? SORTS.lastName!;
    const direction = page.orderBy.direction === OrderDirection.DESC ? 'desc' : 'asc';
    const pageConditions: string[] = [];
    const pageParams: unknown[] = [];
    if (page.after) {
      const values = decodeCursor(page.after, sort.columns.length);
      const placeholders = sort.columns.map((column) => (column === 'e.id' ? '?::uuid' : column === 'e.starts_on' ? '?::date' : '?'));
      pageConditions.push(`(${sort.columns.join(', ')}) ${direction === 'asc' ? '>' : '<'} (${placeholders.join(', ')})`);
      pageParams.push(...values);
    }
    const order = sort.columns.map((column) => `${column} ${direction}`).join(', ');
    const rows = await this.em.execute<Record<string, unknown>[]>(
      `select * from (
         select e.*, p.last_name as sort_last_name, p.first_name as sort_first_name,
                row_number() over (partition by e.workplace_id order by ${order}) as page_position
         ${from}${pageConditions.length ? ` and ${pageConditions.join(' and ')}` : ''}
       ) ranked where page_position <= ? order by page_position`,
      [...params, ...pageParams, page.first + 1],
    );
    for (const row of rows) {
      const connection = pages.get(String(row.workplace_id));
      if (!connection) continue;
      if (connection.edges.length === page.first) {
        connection.pageInfo.hasNextPage = true;
        continue;
      }
      const cursorValues =
        sort === SORTS.startsOn
          ? [String(row.starts_on), String(row.id)]
          : [String(row.sort_last_name), String(row.sort_first_name), String(row.id)];
      delete row.page_position;
      delete row.sort_last_name;
      delete row.sort_first_name;
      const node = this.em.map(this.entityName as never, row as never) as Employment;
      connection.edges.push({ cursor: encodeCursor(cursorValues), node });
    }
    for (const connection of pages.values()) {
      connection.pageInfo.startCursor = connection.edges[0]?.cursor ?? null;
      connection.pageInfo.endCursor = connection.edges.at(-1)?.cursor ?? null;
    }
    return pages;
  }
}
