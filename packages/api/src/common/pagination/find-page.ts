import {
  Cursor,
  raw,
  type EntityManager,
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
}

type WithId = { id: string };

function orderDefinition<T>(field: string, direction: OrderDirection): QueryOrderMap<T>[] {
  const order = direction === OrderDirection.ASC ? 'asc' : 'desc';
  // The id breaks ties so that cursors are stable.
  return field === 'id' ? [{ id: order } as QueryOrderMap<T>] : [{ [field]: order } as QueryOrderMap<T>, { id: order } as QueryOrderMap<T>];
}

function decodeCursor(after: string, expectedLength: number): unknown[] {
  try {
    const values = Cursor.decode(after);
    if (Array.isArray(values) && values.length === expectedLength) return values;
  } catch {
    // fall through to the error below
  }
  throw new GraphQLError('`after` is not a cursor of this list with this ordering.', {
    extensions: { code: 'BAD_USER_INPUT', argumentName: 'after' },
  });
}

/** One page of a top-level list: the rows and the total count, in two statements. */
export async function findPage<T extends WithId, TField extends string>(
  em: EntityManager,
  entity: EntityName<T>,
  where: FilterQuery<T>,
  request: PageRequest<TField>,
): Promise<Connection<T>> {
  const orderBy = orderDefinition<T>(request.orderBy.field, request.orderBy.direction);
  if (request.after) decodeCursor(request.after, orderBy.length);
  if (request.first === 0) {
    const totalCount = await em.count(entity, where);
    return { edges: [], totalCount, pageInfo: { hasNextPage: totalCount > 0, hasPreviousPage: Boolean(request.after), startCursor: null, endCursor: null } };
  }
  const cursor = await em.findByCursor(entity, where, {
    first: request.first,
    after: request.after ?? undefined,
    orderBy,
    includeCount: true,
  } as never);
  const edges = cursor.items.map((node) => ({ cursor: cursor.from(node as T), node: node as T }));
  return {
    edges,
    totalCount: cursor.totalCount as number,
    pageInfo: {
      hasNextPage: cursor.hasNextPage,
      hasPreviousPage: Boolean(request.after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/**
 * The same page of a nested list for many parents at once (e.g. the first five workplaces of each of
 * 50 organisations): two statements whatever the number of parents, using row_number() per parent.
 */
export async function findPagesByParent<T extends WithId, TField extends string>(
  em: EntityManager,
  entity: EntityName<T>,
  parent: { property: string; column: string },
  parentIds: readonly string[],
  where: FilterQuery<T>,
  request: PageRequest<TField>,
): Promise<Map<string, Connection<T>>> {
  const meta = em.getMetadata().get<T>(typeof entity === 'string' ? entity : (entity as { name: string }).name);
  const orderBy = orderDefinition<T>(request.orderBy.field, request.orderBy.direction);
  const comparison = request.orderBy.direction === OrderDirection.ASC ? '$gt' : '$lt';
  let afterCondition: Record<string, unknown> = {};
  if (request.after) {
    const [value, id] = decodeCursor(request.after, orderBy.length);
    afterCondition =
      orderBy.length === 1
        ? { id: { [comparison]: value } }
        : { $or: [{ [request.orderBy.field]: { [comparison]: value } }, { [request.orderBy.field]: value, id: { [comparison]: id } }] };
  }
  const scoped = { $and: [where, { [parent.property]: { $in: [...parentIds] } }, afterCondition] } as FilterQuery<T>;

  const countRows = await em
    .createQueryBuilder(entity, 'c')
    .select([parent.property, raw('count(*)::int as total')])
    .where({ $and: [where, { [parent.property]: { $in: [...parentIds] } }] } as FilterQuery<T>)
    .groupBy(parent.property)
    .execute<Record<string, unknown>[]>('all', false);
  const totals = new Map(countRows.map((row) => [String(row[parent.column]), Number(row.total)]));

  const pages = new Map<string, Connection<T>>(
    parentIds.map((id) => [id, { edges: [], totalCount: totals.get(id) ?? 0, pageInfo: { hasNextPage: false, hasPreviousPage: Boolean(request.after), startCursor: null, endCursor: null } }]),
  );
  if (request.first === 0) {
    for (const page of pages.values()) page.pageInfo.hasNextPage = page.totalCount > 0;
    return pages;
  }

  const direction = request.orderBy.direction === OrderDirection.ASC ? 'asc' : 'desc';
  const sortColumn = (meta.properties as Record<string, { fieldNames: string[] } | undefined>)[request.orderBy.field]?.fieldNames[0] ?? 'id';
  const windowOrder = sortColumn === 'id' ? `id ${direction}` : `${sortColumn} ${direction}, id ${direction}`;
  const ranked = em
    .createQueryBuilder(entity, 'r')
    .select(['*', raw(`row_number() over (partition by ${parent.column} order by ${windowOrder}) as page_position`)])
    .where(scoped);
  const knex = em.getKnex();
  const rows = await em.execute<Record<string, unknown>[]>(
    knex.select('*').from(ranked.getKnexQuery().as('ranked')).where('page_position', '<=', request.first + 1).orderBy('page_position'),
  );
  for (const row of rows) {
    const parentId = String(row[parent.column]);
    const page = pages.get(parentId);
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
