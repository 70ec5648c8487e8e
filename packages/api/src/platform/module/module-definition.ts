import type { EntityClass, EntityManager, MigrationObject, MikroORM } from '@mikro-orm/postgresql';
import type { Request, Response, Router } from 'express';
import type { DashboardSeriesProvider } from '../dashboard/dashboard-series.js';
import type { AppConfig } from '../config.js';
import type { LoaderContext, Loaders } from '../loaders.js';
import type { Logger } from '../logger.js';
import type { Node } from '../graphql/node.interface.js';
import type { NodeTypeName } from '../graphql/global-id.js';
import type { RequestContext, ServiceContext } from '../context.js';
import type { ReadSqlPieces } from '../read-compiler/read-sql.js';

/** A GraphQL type that implements `Node`: how `node(id:)` finds it, and which entity's changes the audit trail names by it. */
export interface NodeTypeDefinition {
  /** The GraphQL type name, as in the SDL and in global ids. */
  typeName: NodeTypeName;
  /** The entity behind it; the audit trail records a change of this entity under `typeName`. */
  entity?: EntityClass<object>;
  /** The object for a row id, or null when the caller may not see it (or there is none). */
  load(ctx: RequestContext, id: string): Promise<Node | null>;
}

/** What a module holds about one person: its part of the GDPR export, and how it erases it. */
export interface PersonalDataContributor {
  /** Entities holding rows about a person that this contributor exports and erases (checked by a test). */
  entities: EntityClass<object>[];
  /** Audit subjects that are about the person (their record, their role assignments), for the audit trail's part. */
  subjectsAbout?(em: EntityManager, personId: string): Promise<AuditSubjects[]>;
  /** The sections it adds to the export document, by key (`ctx` for what it needs beyond the database, such as keys). */
  export(em: EntityManager, personId: string, about: AuditSubjects[], ctx: ServiceContext): Promise<Record<string, unknown>>;
  /**
   * Erases or anonymises what it holds, inside the erasure's unit of work. Contributors run by ascending
   * `eraseOrder`: rows other work may hold locks on go first, offerings are locked last.
   */
  erase?(em: EntityManager, person: ErasedPerson, ctx: ServiceContext): Promise<void | ErasureRetention[]>;
  eraseOrder?: number;
}

/** What an erasure kept about the person, and why (the erasure's answer says so). */
export interface ErasureRetention {
  /** What was kept, e.g. "attested learning hours". */
  what: string;
  /** How many records. */
  count: number;
  /** Why it was kept. */
  why: string;
  /** The day it is purged at the latest (YYYY-MM-DD), when a retention period applies. */
  purgedBy: string | null;
}

export interface AuditSubjects {
  type: string;
  ids: string[];
}

/** The person being erased, as contributors see it (before their own changes). */
export interface ErasedPerson {
  id: string;
  email: string;
  erasedAt: Date;
}

export interface JobDependencies {
  orm: MikroORM;
  logger: Logger;
  config: AppConfig;
}

/** Background work a module runs in every API process. */
export interface Job {
  start(): void;
  stop(): Promise<void>;
}

/** What an HTTP route may use beyond the database. */
export interface RouteDependencies {
  /**
   * The request context for this HTTP request, with the caller found as for `/graphql` (the session cookie, or
   * an API key in `Authorization: Bearer …`; anonymous without either). Rejects with a `RequestError`
   * (UNAUTHENTICATED, RATE_LIMITED) when the credentials given are bad.
   */
  requestContext(req: Request, res: Response): Promise<RequestContext>;
}

export interface RouteDefinition {
  /** Where the router is mounted, e.g. `/calendar`. */
  path: string;
  router(orm: MikroORM, dependencies: RouteDependencies): Router;
  /** Hides secrets in a logged URL of this route. */
  redactUrl?(url: string): string;
}

/**
 * A domain module's manifest: everything the rest of the system needs to know about it. The one list of
 * modules (`modules/index.ts`) is all that central code reads; nothing else lists a module's parts.
 */
export interface ModuleDefinition {
  name: string;
  entities?: EntityClass<object>[];
  /** Migrations the module added since modules declare their own (older ones are in `src/migrations/`). */
  migrations?: MigrationObject[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes
  resolvers?: Function[];
  nodeTypes?: NodeTypeDefinition[];
  /** The module's per-request DataLoaders; merged into `ctx.loaders`. */
  loaders?(ctx: LoaderContext): Partial<Loaders>;
  personalData?: PersonalDataContributor;
  /** How the read compiler reads the module's object types and root fields in one statement (`<domain>.read-sql.ts`). */
  readSql?: ReadSqlPieces;
  jobs?(deps: JobDependencies): Job[];
  routes?: RouteDefinition[];
  /** The module's monthly figures on the dashboard (see `DashboardSeriesProvider`). */
  dashboardSeries?: DashboardSeriesProvider[];
}

export function defineModule<const T extends ModuleDefinition>(definition: T): T {
  return definition;
}
