import { Cursor, type EntityManager } from '@mikro-orm/postgresql';
import { isObjectType, type FieldNode, type GraphQLObjectType, type GraphQLResolveInfo } from 'graphql';
import type { AccessPolicy } from '../access/access-policy.js';
import { toGlobalId, type NodeTypeName } from '../graphql/global-id.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type Connection } from '../pagination/connection.js';
import { mergePlans, NotCompiled, planSelection, type PlannedField } from './selection-plan.js';
import { setPrefetched } from './prefetched.js';
import type { ReadSqlConnection, ReadSqlContext, ReadSqlPieces, ReadSqlRoot, ReadSqlType } from './read-sql.js';

/**
 * Whether roots are compiled: always, except in the test that compares both paths (`setReadCompiler(false)`
 * through the test helpers sends every read through the loader path, which answers the same).
 */
const state = { enabled: true };
export function setReadCompiler(enabled: boolean): void {
  state.enabled = enabled;
}

type Decode = (json: unknown) => unknown;

/** Cursor values of a sort key as the entity holds them (timestamps as Dates), so cursors encode as the loader path's do. */
type CursorDecode = ((value: unknown) => unknown)[];

const CURSOR_TEXT = /^[A-Za-z0-9_-]*$/;

/** Around the number of a bound value in the SQL being written: a character no piece writes. */
const MARK = String.fromCharCode(1);
const MARKERS = new RegExp(`${MARK}(\\d+)${MARK}`, 'g');

/** Writes a statement of modules' SQL pieces (also for a module's own statements built of other modules' pieces). */
export class SqlWriter implements ReadSqlContext {
  readonly bindings: unknown[] = [];
  private aliases = 0;

  constructor(
    readonly access: AccessPolicy,
    readonly today: string,
  ) {}

  /** A numbered marker: the SQL is written inside out, so the markers become `?` in text order at the end (`finish`). */
  bind(value: string | number | boolean | Date): string {
    this.bindings.push(value instanceof Date ? value.toISOString() : value);
    return `${MARK}${this.bindings.length - 1}${MARK}`;
  }

  /** The statement with `?` placeholders and its values in their order. */
  finish(sql: string): { sql: string; values: unknown[] } {
    const values: unknown[] = [];
    const text = sql.replace(MARKERS, (_marker, index: string) => {
      values.push(this.bindings[Number(index)]);
      return '?';
    });
    return { sql: text, values };
  }

  inList(column: string, values: readonly string[]): string {
    if (values.length === 0) return 'false';
    return `${column} in (${values.map((value) => this.bind(value)).join(', ')})`;
  }

  alias(prefix: string): string {
    this.aliases += 1;
    return `${prefix}${this.aliases}`;
  }
}

/**
 * The read compiler: for a root field whose every selected field a module's read pieces know, one SQL
 * statement (JSON built in PostgreSQL, a lateral subquery per nested field, first-N paging per nested
 * connection as `findPagesByParent` pages it, the caller's read scope as conditions) and the GraphQL objects
 * mapped from its JSON, with what each nested field answers prefetched on its parent. No entity is hydrated.
 * Anything it does not know (a field, an argument, a directive) leaves the root to the loader path.
 */
export class ReadCompiler {
  private readonly types = new Map<string, ReadSqlType>();
  private readonly roots = new Map<string, ReadSqlRoot>();

  constructor(pieces: readonly ReadSqlPieces[]) {
    for (const piece of pieces) {
      for (const type of piece.types ?? []) this.types.set(type.typeName, type);
      for (const [name, root] of Object.entries(piece.roots ?? {})) this.roots.set(name, root);
    }
    for (const piece of pieces) {
      for (const [typeName, fields] of Object.entries(piece.fields ?? {})) {
        const type = this.types.get(typeName);
        if (type) this.types.set(typeName, { ...type, fields: { ...type.fields, ...fields } });
      }
    }
  }

  /** The compiled answer of the root field `info` resolves, or undefined when the loader path must answer. */
  async read(
    em: EntityManager,
    access: AccessPolicy,
    today: string,
    info: GraphQLResolveInfo,
    args: Record<string, unknown>,
  ): Promise<{ value: unknown } | undefined> {
    if (!state.enabled) return undefined;
    const actor = access.actor;
    if (!(actor.kind === 'apiClient' || (actor.kind === 'person' && !actor.mustSetUpSecondFactor))) return undefined;
    const root = this.roots.get(info.fieldName);
    if (!root || info.parentType.name !== 'Query') return undefined;
    const writer = new SqlWriter(access, today);
    let sql: string;
    let decode: Decode;
    try {
      ({ sql, decode } = this.compileRoot(em, writer, root, info, args));
    } catch (error) {
      if (error instanceof NotCompiled) return undefined;
      throw error;
    }
    if (sql === '') return { value: decode(null) };
    const statement = writer.finish(sql);
    const rows = await em.execute<{ d: unknown }[]>(statement.sql, statement.values);
    return { value: decode(rows[0]?.d ?? null) };
  }

  private compileRoot(
    em: EntityManager,
    writer: SqlWriter,
    root: ReadSqlRoot,
    info: GraphQLResolveInfo,
    args: Record<string, unknown>,
  ): { sql: string; decode: Decode } {
    const returnType = unwrapObject(info.returnType);
    if (root.kind === 'byId') {
      const type = this.type(root.type);
      const id = args.id;
      if (typeof id !== 'string') throw new NotCompiled('id');
      const alias = writer.alias('t');
      const where = root.where(alias, id, writer);
      if (where === 'false') return { sql: '', decode: () => null };
      const object = this.object(em, writer, type, returnType, info, info.fieldNodes, alias);
      return {
        sql: `select ${object.sql} as d from ${root.table} ${alias} where ${where}`,
        decode: (json) => (json === null ? null : object.decode(json)),
      };
    }
    const connection = this.connection(em, writer, root.connection, returnType, info, info.fieldNodes, args, null);
    return { sql: `select ${connection.sql} as d`, decode: connection.decode };
  }

  private type(name: string): ReadSqlType {
    const type = this.types.get(name);
    if (!type) throw new NotCompiled(`type ${name}`);
    return type;
  }

  /** `json_build_object(…)` of one row of `type` under `alias`, and how its JSON becomes the GraphQL object. */
  private object(
    em: EntityManager,
    writer: SqlWriter,
    type: ReadSqlType,
    graphqlType: GraphQLObjectType,
    info: GraphQLResolveInfo,
    nodes: readonly FieldNode[],
    alias: string,
    extra: Record<string, string> = {},
  ): { sql: string; decode: Decode } {
    return this.objectOf(em, writer, type, graphqlType, info, planSelection(info, graphqlType, nodes), alias, extra);
  }

  private objectOf(
    em: EntityManager,
    writer: SqlWriter,
    type: ReadSqlType,
    graphqlType: GraphQLObjectType,
    info: GraphQLResolveInfo,
    selection: Map<string, PlannedField>,
    alias: string,
    extra: Record<string, string>,
  ): { sql: string; decode: Decode } {
    const pairs: string[] = [];
    for (const [key, sql] of Object.entries(type.keys)) pairs.push(`'${key}', ${sql(alias)}`);
    for (const [key, sql] of Object.entries(extra)) pairs.push(`'${key}', ${sql}`);
    const scalars = new Map<string, ReadSqlType['scalars'][string]>();
    const children: { key: string; decode: Decode }[] = [];
    for (const field of selection.values()) {
      if (field.name === '__typename' || (field.name === 'id' && type.node)) continue;
      const scalar = type.scalars[field.name];
      if (scalar) {
        if (Object.keys(field.args).length > 0) throw new NotCompiled(`arguments of ${field.name}`);
        if (!scalars.has(field.name)) {
          scalars.set(field.name, scalar);
          pairs.push(`'${field.name}', ${scalar.sql(alias, writer)}`);
        }
        continue;
      }
      const nested = type.fields[field.name];
      if (!nested) throw new NotCompiled(`${type.typeName}.${field.name}`);
      const fieldType = graphqlType.getFields()[field.name]!.type;
      const jsonKey = `$${field.responseKey}`;
      if (nested.kind === 'value') {
        if (Object.keys(field.args).length > 0) throw new NotCompiled(`arguments of ${field.name}`);
        pairs.push(`'${jsonKey}', ${nested.sql(alias, writer)}`);
        const decodeValue = nested.decode ?? ((value: unknown) => value ?? null);
        children.push({ key: field.responseKey, decode: decodeValue });
        continue;
      }
      if (nested.kind === 'connection') {
        const connection = this.connection(em, writer, nested.connection, unwrapObject(fieldType), info, field.nodes, field.args, alias);
        pairs.push(`'${jsonKey}', ${connection.sql}`);
        children.push({ key: field.responseKey, decode: connection.decode });
        continue;
      }
      if (Object.keys(field.args).length > 0) throw new NotCompiled(`arguments of ${field.name}`);
      const childType = this.type(nested.type);
      const child = writer.alias('r');
      const join = nested.join(alias, child, writer);
      const object = this.object(em, writer, childType, unwrapObject(fieldType), info, field.nodes, child);
      if (nested.kind === 'one') {
        if (!join) {
          pairs.push(`'${jsonKey}', null`);
          children.push({ key: field.responseKey, decode: () => null });
          continue;
        }
        const order = join.orderBy ? ` order by ${join.orderBy}` : '';
        pairs.push(`'${jsonKey}', (select ${object.sql} from ${join.table} ${child} where ${join.where}${order} limit 1)`);
        children.push({ key: field.responseKey, decode: (json) => (json === null || json === undefined ? null : object.decode(json)) });
      } else {
        if (!join) throw new NotCompiled(`join of ${field.name}`);
        const order = join.orderBy ? ` order by ${join.orderBy}` : '';
        pairs.push(
          `'${jsonKey}', (select coalesce(json_agg(${object.sql}${order}), '[]'::json) from ${join.table} ${child} where ${join.where})`,
        );
        children.push({ key: field.responseKey, decode: (json) => (json as unknown[]).map((item) => object.decode(item)) });
      }
    }
    const ObjectClass = type.objectClass;
    const scalarList = [...scalars.entries()];
    const keyNames = Object.keys(type.keys);
    const decode: Decode = (json) => {
      const row = json as Record<string, unknown>;
      const target = new ObjectClass() as Record<string, unknown>;
      for (const key of keyNames) target[key] = row[key];
      if (type.node) target.id = toGlobalId(type.typeName as NodeTypeName, row.entityId as string);
      for (const [name, scalar] of scalarList) target[name] = scalar.decode ? scalar.decode(row[name]) : row[name];
      for (const child of children) setPrefetched(target, child.key, child.decode(row[`$${child.key}`]));
      return target;
    };
    if (pairs.length > 100) throw new NotCompiled('too many fields');
    return { sql: `json_build_object(${pairs.join(', ')})`, decode };
  }

  /** A page of a connection (of the parent row under `parent`, or at the root) as `findPage`/`findPagesByParent` answer it. */
  private connection(
    em: EntityManager,
    writer: SqlWriter,
    piece: ReadSqlConnection,
    connectionType: GraphQLObjectType,
    info: GraphQLResolveInfo,
    nodes: readonly FieldNode[],
    args: Record<string, unknown>,
    parent: string | null,
  ): { sql: string; decode: Decode } {
    const first = args.first ?? DEFAULT_PAGE_SIZE;
    if (typeof first !== 'number' || !Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) throw new NotCompiled('first');
    const order = piece.order(args);
    if (!order) throw new NotCompiled('order');
    const meta = em.getMetadata().get((piece.entity as { name: string }).name);
    const properties = meta.properties as Record<string, { type: string } | undefined>;
    const cursorDecode: CursorDecode = order.properties.map((property) =>
      String(properties[property]?.type ?? '').toLowerCase() === 'datetime'
        ? (value: unknown) => new Date(value as string)
        : (value: unknown) => value,
    );
    const after = args.after;
    let afterValues: unknown[] | null = null;
    if (after !== undefined && after !== null) {
      if (typeof after !== 'string' || !CURSOR_TEXT.test(after)) throw new NotCompiled('after');
      afterValues = checkedCursor(after, order.properties, properties);
    }

    // What the connection's selection asks: totalCount, and the nodes' fields (over every alias of edges and node).
    const selection = planSelection(info, connectionType, nodes);
    let counts = false;
    const nodeSelections: Map<string, PlannedField>[] = [];
    const edgesField = connectionType.getFields().edges!;
    const edgeType = unwrapObject(edgesField.type);
    const nodeType = unwrapObject(edgeType.getFields().node!.type);
    for (const field of selection.values()) {
      if (field.name === 'totalCount') counts = true;
      else if (field.name === 'edges') {
        for (const edgeField of planSelection(info, edgeType, field.nodes).values()) {
          if (edgeField.name === 'node') nodeSelections.push(planSelection(info, nodeType, edgeField.nodes));
          else if (edgeField.name !== 'cursor' && edgeField.name !== '__typename') throw new NotCompiled(`edge ${edgeField.name}`);
        }
      } else if (field.name !== 'pageInfo' && field.name !== '__typename') throw new NotCompiled(`connection ${field.name}`);
    }

    const type = this.type(piece.type);
    const child = writer.alias('c');
    const where = piece.where(parent, child, args, writer);
    if (where === null) throw new NotCompiled('filter');
    const direction = order.direction;
    const orderSql = order.columns.map((column) => `${child}.${column} ${direction}`).join(', ');
    let afterSql = '';
    if (afterValues) {
      const comparison = direction === 'asc' ? '>' : '<';
      const values = afterValues;
      // After (a, b, id): a beyond, or a equal and b beyond, or both equal and the id beyond.
      const beyond = order.columns.map((column, index) => {
        const equal = order.columns
          .slice(0, index)
          .map((earlier, position) => `${child}.${earlier} = ${writer.bind(cursorBinding(values[position]))}`);
        return `(${[...equal, `${child}.${column} ${comparison} ${writer.bind(cursorBinding(values[index]))}`].join(' and ')})`;
      });
      afterSql = ` and (${beyond.join(' or ')})`;
    }
    const object = this.objectOf(em, writer, type, nodeType, info, mergePlans(nodeSelections), child, {
      '~': `json_build_array(${order.columns.map((column) => `${child}.${column}`).join(', ')})`,
    });
    const limit = first + 1;
    const rowsSql = `coalesce((select json_agg(${object.sql} order by ${orderSql}) from (select * from ${piece.table} ${child} where ${where}${afterSql} order by ${orderSql} limit ${limit}) ${child}), '[]'::json)`;
    let countSql = '';
    if (counts) {
      const countAlias = writer.alias('n');
      const countWhere = piece.where(parent, countAlias, args, writer);
      countSql = `, 't', (select count(*)::int from ${piece.table} ${countAlias} where ${countWhere})`;
    }
    const hasPreviousPage = afterValues !== null;
    const decode: Decode = (json) => {
      const result = json as { e: Record<string, unknown>[]; t?: number };
      const rows = result.e;
      const shown = rows.length > first ? rows.slice(0, first) : rows;
      const edges = shown.map((row) => new CompiledEdge(row['~'] as unknown[], cursorDecode, object.decode(row)));
      const connection: Connection<unknown> = {
        edges,
        totalCount: counts ? result.t! : Number.NaN,
        pageInfo: new CompiledPageInfo(edges, rows.length > first, hasPreviousPage),
      };
      return connection;
    };
    return { sql: `json_build_object('e', ${rowsSql}${countSql})`, decode };
  }
}

/**
 * An edge of a compiled page. Its cursor (the loader path's format: `Cursor.encode` of the sort key's values
 * as the entity holds them) is encoded only when asked, once: most reads select no cursor.
 */
class CompiledEdge {
  private encoded: string | undefined;

  constructor(
    private readonly sortValues: unknown[],
    private readonly cursorDecode: CursorDecode,
    readonly node: unknown,
  ) {}

  get cursor(): string {
    return (this.encoded ??= Cursor.encode(this.sortValues.map((value, index) => this.cursorDecode[index]!(value))));
  }
}

/** The page's information; its cursors are the first and last edge's, encoded when asked. */
class CompiledPageInfo {
  constructor(
    private readonly edges: CompiledEdge[],
    readonly hasNextPage: boolean,
    readonly hasPreviousPage: boolean,
  ) {}

  get startCursor(): string | null {
    return this.edges[0]?.cursor ?? null;
  }

  get endCursor(): string | null {
    return this.edges.at(-1)?.cursor ?? null;
  }
}

/** The cursor's values, refused (to the loader path, which reports the error) unless they fit the sort key's columns. */
function checkedCursor(after: string, fields: string[], properties: Record<string, { type: string } | undefined>): unknown[] {
  let values: unknown;
  try {
    values = Cursor.decode(after);
  } catch {
    throw new NotCompiled('cursor');
  }
  if (!Array.isArray(values) || values.length !== fields.length) throw new NotCompiled('cursor');
  fields.forEach((field, index) => {
    const type = String(properties[field]?.type ?? '').toLowerCase();
    const value: unknown = values[index];
    const fits =
      type === 'uuid'
        ? typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(value)
        : type === 'integer'
          ? typeof value === 'number' && Number.isInteger(value)
          : type.includes('date')
            ? (value instanceof Date || typeof value === 'string') && !Number.isNaN(new Date(value).getTime())
            : typeof value === 'string';
    if (!fits) throw new NotCompiled('cursor');
  });
  return values;
}

function cursorBinding(value: unknown): string | number | boolean | Date {
  return value as string | number | boolean | Date;
}

function unwrapObject(type: unknown): GraphQLObjectType {
  let current = type as { ofType?: unknown };
  while (current && !isObjectType(current) && current.ofType) current = current.ofType as { ofType?: unknown };
  if (!isObjectType(current)) throw new NotCompiled('not an object type');
  return current;
}

/** The compiler bound to one request's unit of work and caller: what root resolvers ask. */
export interface CompiledReads {
  read(info: GraphQLResolveInfo, args: Record<string, unknown>): Promise<{ value: unknown } | undefined>;
}

export function compiledReadsFor(compiler: ReadCompiler, em: EntityManager, access: AccessPolicy, today: string): CompiledReads {
  return { read: (info, args) => compiler.read(em, access, today, info, args) };
}
