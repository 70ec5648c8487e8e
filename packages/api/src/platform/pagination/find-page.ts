import {
  Cursor,
  raw,
  type EntityManager,
  type EntityMetadata,
  type EntityName,
  type FilterQuery,
  type QueryOrderMap,
} from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { OrderDirection, type Connection } from './connection.js';

/** Page request after the GraphQL arguments were read: a size, an optional cursor and one sort key. */
export interface PageRequest<TField extends string> {
  first: number;
  after?: string | null | undefined;
  orderBy: { field: TField; direction: OrderDirection };
  /** Properties that order rows with the same sort key, before the id does (e.g. first name after last name). */
  thenBy?: readonly string[];
  /**
   * false: the query does not ask for `totalCount`, so it is not counted (one statement less; the connection's
   * `totalCount` is then NaN, which GraphQL refuses to serialise rather than answer a wrong number).
   */
  count?: boolean;
}

/** What a connection's `totalCount` holds when it was not counted. */
const NOT_COUNTED = Number.NaN;

/** The properties a page is ordered by, the id last. */
function sortFields(request: PageRequest<string>): string[] {
  return request.orderBy.field === 'id' ? ['id'] : [request.orderBy.field, ...(request.thenBy ?? []), 'id'];
}

type WithId = { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function orderDefinition<T>(request: PageRequest<string>): QueryOrderMap<T>[] {
  const order = request.orderBy.direction === OrderDirection.ASC ? 'asc' : 'desc';
  // The id breaks the last ties so that cursors are stable.
  return sortFields(request).map((field) => ({ [field]: order }) as QueryOrderMap<T>);
}

/** Whether a cursor value fits the sort column, so that a forged or foreign cursor never reaches SQL. */
function fitsColumn(value: unknown, columnType: string): boolean {
  if (columnType === 'uuid') return typeof value === 'string' && UUID.test(value);
  if (columnType === 'integer') return typeof value === 'number' && Number.isInteger(value);
  // MikroORM's cursors turn ISO timestamps back into Dates.
  if (columnType.includes('date')) return (value instanceof Date || typeof value === 'string') && !Number.isNaN(new Date(value).getTime());
  return typeof value === 'string';
}

function badCursor(): GraphQLError {
  return new GraphQLError('`after` is not a cursor of this list with this ordering.', {
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
  });
}

/** The values behind a cursor, checked against the ordering's columns. */
function decodeCursor<T>(after: string, meta: EntityMetadata<T>, fields: string[]): unknown[] {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    throw badCursor();
  }
  const types = fields.map((name) =>
    String((meta.properties as Record<string, { type: string } | undefined>)[name]?.type ?? '').toLowerCase(),
  );
  if (!Array.isArray(values) || values.length !== fields.length || !values.every((value, index) => fitsColumn(value, types[index]!)))
    throw badCursor();
  return values;
}

function metadataOf<T>(em: EntityManager, entity: EntityName<T>): EntityMetadata<T> {
  return em.getMetadata().get<T>(typeof entity === 'string' ? entity : (entity as { name: string }).name);
}

/** One page of a top-level list: the rows and (when asked) the total count, in two statements or one. */
export async function findPage<T extends WithId, TField extends string>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  request: PageRequest<TField>,
): Promise<Connection<T>> {
  const orderBy = orderDefinition<T>(request);
  if (request.after) decodeCursor(request.after, metadataOf(em, entity), sortFields(request));
  // For `first: 0` one row is read only to answer hasNextPage.
  const cursor = await em.findByCursor(entity, where, {
    first: Math.max(request.first, 1),
    after: request.after ?? undefined,
    orderBy,
    includeCount: request.count !== false,
  } as never);
  const items = request.first === 0 ? [] : cursor.items;
  const edges = items.map((node) => ({ cursor: cursor.from(node as T), node: node as T }));
  return {
    edges,
    totalCount: request.count === false ? NOT_COUNTED : (cursor.totalCount as number),
    pageInfo: {
      hasNextPage: request.first === 0 ? cursor.items.length > 0 : cursor.hasNextPage,
      hasPreviousPage: Boolean(request.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The same page of a nested list for many parents at once (e.g. the first five workplaces of each of
 * 50 organisations): two statements whatever the number of parents (one without the counts), using
 * row_number() per parent.
 * `where` is a factory: a filter may hold raw SQL fragments, which serve one query each.
 */
export async function findPagesByParent<T extends WithId, TField extends string>(
  em: EntityManager,
  entity: EntityName<T>,
  parent: { property: string; column: string },
  parentIds: readonly string[],
  where: () => FilterQuery<T>,
  request: PageRequest<TField>,
): Promise<Map<string, Connection<T>>> {
  const meta = metadataOf(em, entity);
  const orderBy = orderDefinition<T>(request);
  const fields = sortFields(request);
  const comparison = request.orderBy.direction === OrderDirection.ASC ? '$gt' : '$lt';
  let afterCondition: Record<string, unknown> = {};
  if (request.after) {
    const values = decodeCursor(request.after, meta, fields);
    // After (a, b, id): a beyond, or a equal and b beyond, or both equal and the id beyond.
    const beyond = fields.map((field, index) => ({
      ...Object.fromEntries(fields.slice(0, index).map((earlier, position) => [earlier, values[position]])),
      [field]: { [comparison]: values[index] },
    }));
    afterCondition = beyond.length === 1 ? beyond[0]! : { $or: beyond };
  }
  const ofParents = { [parent.property]: { $in: [...parentIds] } };

  const countRows =
    request.count === false
      ? null
      : await em
          .createQueryBuilder(entity, 'c')
          .select([parent.property, raw('count(*)::int as total')])
          .where({ $and: [where(), ofParents] } as FilterQuery<T>)
          .groupBy(parent.property)
          .execute<Record<string, unknown>[]>('all', false);
  const totals = countRows && new Map(countRows.map((row) => [String(row[parent.column]), Number(row.total)]));

  const pages = new Map<string, Connection<T>>(
    parentIds.map((id) => [
      id,
      {
        edges: [],
        totalCount: totals ? (totals.get(id) ?? 0) : NOT_COUNTED,
        pageInfo: { hasNextPage: false, hasPreviousPage: Boolean(request.after), startCursor: null, endCursor: null },
      },
    ]),
  );

  // One row more than the page shows tells whether another page follows.
  const direction = request.orderBy.direction === OrderDirection.ASC ? 'asc' : 'desc';
  const columnOf = (field: string) =>
    (meta.properties as Record<string, { fieldNames: string[] } | undefined>)[field]?.fieldNames[0] ?? 'id';
  // Qualified: a filter on a relation (e.g. the member's person) joins tables that have the same column names.
  const windowOrder = fields.map((field) => `r.${columnOf(field)} ${direction}`).join(', ');
  const ranked = em
    .createQueryBuilder(entity, 'r')
    .select(['*', raw(`row_number() over (partition by r.${parent.column} order by ${windowOrder}) as page_position`)])
    .where({ $and: [where(), ofParents, afterCondition] } as FilterQuery<T>);
  const knex = em.getKnex();
  const rows = await em.execute<Record<string, unknown>[]>(
    knex
      .select('*')
      .from(ranked.getKnexQuery().as('ranked'))
      .where('page_position', '<=', request.first + 1)
      .orderBy('page_position'),
  );
  for (const row of rows) {
    const page = pages.get(String(row[parent.column]));
    if (!page) continue;
    if (page.edges.length === request.first) {
      page.pageInfo.hasNextPage = true;
      continue;
    }
    delete row.page_position;
    const node = em.map(entity, row as never) as T;
    page.edges.push({ cursor: Cursor.for(meta, node as never, orderBy as never), node });
  }
  for (const page of pages.values()) {
    page.pageInfo.startCursor = page.edges[0]?.cursor ?? null;
    page.pageInfo.endCursor = page.edges.at(-1)?.cursor ?? null;
  }
  return pages;
}
