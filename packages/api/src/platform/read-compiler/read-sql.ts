import type { EntityClass } from '@mikro-orm/postgresql';
import type { AccessPolicy } from '../access/access-policy.js';

/**
 * The pieces a module offers the read compiler for its own rows: how a GraphQL object type of the module is
 * read in SQL (its table, its columns, the caller's read scope as a condition) and how the fields that reach
 * other rows join them. The compiler (`read-compiler.ts`) knows no module: it puts the pieces of the modules'
 * manifests together into one statement per root field.
 */

/** What a piece writes SQL with: the caller, the day, and bound values. */
export interface ReadSqlContext {
  readonly access: AccessPolicy;
  /** Today in Sweden, as the request's loaders use it. */
  readonly today: string;
  /** A bound value's placeholder. */
  bind(value: string | number | boolean | Date): string;
  /** `column in (…)` over bound values; `false` for none. */
  inList(column: string, values: readonly string[]): string;
  /** A fresh table alias. */
  alias(prefix: string): string;
}

/** A scalar field: its SQL expression over the row's alias and how the JSON value becomes the object's value. */
export interface ReadSqlScalar {
  sql(alias: string, ctx: ReadSqlContext): string;
  /** e.g. timestamps (JSON strings) to Dates, as the entity would hold them. */
  decode?(value: unknown): unknown;
}

/** Rows another field reaches from a parent row: a table, the join and scope condition, and an order. */
export interface ReadSqlJoin {
  table: string;
  where: string;
  orderBy?: string;
}

/** The sort keys of a connection page as the loader path orders and encodes its cursors. */
export interface ReadSqlOrder {
  /** Entity properties, the id last (what the cursor encodes). */
  properties: string[];
  /** Their columns, in the same order. */
  columns: string[];
  direction: 'asc' | 'desc';
}

export type ReadSqlField =
  /** One object or null (e.g. `Workplace.organisation`, `Workplace.manager`). */
  | { kind: 'one'; type: string; join(parent: string, child: string, ctx: ReadSqlContext): ReadSqlJoin | null }
  /** A list of objects (e.g. `Workplace.competenceCoordinators`). */
  | { kind: 'list'; type: string; join(parent: string, child: string, ctx: ReadSqlContext): ReadSqlJoin }
  /** A scalar that depends on the caller (e.g. `Person.email`): an SQL expression. */
  | { kind: 'value'; sql(parent: string, ctx: ReadSqlContext): string; decode?(value: unknown): unknown }
  /** A connection (e.g. `Organisation.workplaces`), paged as `findPagesByParent` pages it. */
  | { kind: 'connection'; connection: ReadSqlConnection };

/** A connection's rows: null from `where` or `order` when the arguments are beyond the compiler (the loader path answers). */
export interface ReadSqlConnection {
  /** The node type. */
  type: string;
  /** The entity, whose metadata checks `after` cursors as the loader path does. */
  entity: EntityClass<object>;
  table: string;
  /** The rows of the parent (null at the root) the caller may read, filtered by the arguments. */
  where(parent: string | null, child: string, args: Record<string, unknown>, ctx: ReadSqlContext): string | null;
  order(args: Record<string, unknown>): ReadSqlOrder | null;
}

/** How one GraphQL object type of a module is read. */
export interface ReadSqlType {
  typeName: string;
  /** Its global ids name this type (it implements `Node`: `id` is `toGlobalId(typeName, row id)`). */
  node: boolean;
  /** The GraphQL object class the rows become. */
  objectClass: new () => object;
  /** Properties every object needs beyond its fields (row ids of related rows), by property name: their SQL over the alias. */
  keys: Record<string, (alias: string) => string>;
  scalars: Record<string, ReadSqlScalar>;
  fields: Record<string, ReadSqlField>;
}

/** A root field a module's resolver compiles. */
export type ReadSqlRoot =
  /** One object by global id, e.g. `workplace(id:)`. */
  | { kind: 'byId'; type: string; table: string; where(alias: string, id: string, ctx: ReadSqlContext): string }
  /** A connection at the root, e.g. `organisations`. */
  | { kind: 'connection'; connection: ReadSqlConnection };

/** A module's pieces, in its manifest. */
export interface ReadSqlPieces {
  types?: ReadSqlType[];
  /** Fields the module adds to another module's type, by type name (as its resolvers add them, e.g. `Organisation.workplaces`). */
  fields?: Record<string, Record<string, ReadSqlField>>;
  /** By root field name of `Query`. */
  roots?: Record<string, ReadSqlRoot>;
}

/** A plain column of the row. */
export function column(name: string): ReadSqlScalar {
  return { sql: (alias) => `${alias}.${name}` };
}

/** `timestamptz` read as JSON to the Date the entity would hold. */
export function decodeTimestamp(value: unknown): unknown {
  return value === null || value === undefined ? null : new Date(value as string);
}

/** A `timestamptz` column, as a Date. */
export function timestampColumn(name: string): ReadSqlScalar {
  return { sql: (alias) => `${alias}.${name}`, decode: decodeTimestamp };
}
