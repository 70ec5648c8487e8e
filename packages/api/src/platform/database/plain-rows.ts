import { ReferenceKind, type EntityClass, type EntityManager, type FilterQuery, type QueryOrderMap, type Ref } from '@mikro-orm/postgresql';

/**
 * An entity's data as a plain object: its properties by name (as the entity holds them: timestamps as Dates,
 * dates as `YYYY-MM-DD`), each many-to-one reference as `{ id }`. The read path maps these to GraphQL objects;
 * entities (identity map, change tracking) are for writes. An entity is a `PlainRow` of itself, so the same
 * mapper serves a mutation's result.
 */
export type PlainRow<T> = {
  [K in keyof T as K extends symbol ? never : T[K] extends (...args: never[]) => unknown ? never : K]: T[K] extends Ref<object>
    ? { id: string }
    : T[K] extends Ref<object> | null
      ? { id: string } | null
      : T[K];
};

/**
 * The rows of `entity` that `where` matches, as plain objects (`PlainRow`), in one statement through the query
 * builder: no entity is created and nothing enters the unit of work's identity map.
 */
export async function findRows<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  where: FilterQuery<T>,
  orderBy?: QueryOrderMap<T>[],
): Promise<PlainRow<T>[]> {
  const query = em.createQueryBuilder(entity).select('*').where(where);
  if (orderBy) query.orderBy(orderBy);
  const rows = await query.execute<Record<string, unknown>[]>('all', true);
  const references = em
    .getMetadata()
    .get(entity.name)
    .relations.filter((property) => property.kind === ReferenceKind.MANY_TO_ONE && !property.mapToPk)
    .map((property) => property.name as string);
  for (const row of rows) {
    for (const name of references) {
      const value = row[name];
      row[name] = value === null || value === undefined ? null : { id: typeof value === 'object' ? (value as { id: string }).id : value };
    }
  }
  return rows as unknown as PlainRow<T>[];
}
