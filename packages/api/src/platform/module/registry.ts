import type { EntityClass, MigrationObject } from '@mikro-orm/postgresql';
import { fromGlobalId, registerNodeTypeNames } from '../graphql/global-id.js';
import { textSearchMigrations } from '../pagination/text-search.js';
import type { Node } from '../graphql/node.interface.js';
import type { DashboardSeriesProvider } from '../dashboard/dashboard-series.js';
import { compiledReadsFor, ReadCompiler } from '../read-compiler/read-compiler.js';
import type { LoaderContext, Loaders } from '../loaders.js';
import type { RequestContext } from '../context.js';
import type {
  Job,
  JobDependencies,
  ModuleDefinition,
  NodeTypeDefinition,
  PersonalDataContributor,
  RouteDefinition,
} from './module-definition.js';

/**
 * Everything central, derived from the one list of modules: the ORM's entities, the migrations, the
 * schema's resolvers, the node registry behind global ids and `node(id:)`, the request's loaders, the
 * audit trail's subject types, the jobs, the HTTP routes and the GDPR contributors.
 */
export class ModuleRegistry {
  readonly entities: EntityClass<object>[];
  readonly migrations: MigrationObject[];
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql takes resolver classes
  readonly resolvers: Function[];
  readonly nodeTypes: ReadonlyMap<string, NodeTypeDefinition>;
  readonly routes: RouteDefinition[];
  /** Every module's dashboard series, in their order. */
  readonly dashboardSeries: DashboardSeriesProvider[];
  /** In the order erasure runs them. */
  readonly personalData: PersonalDataContributor[];
  private readonly subjectTypes = new Map<EntityClass<object>, string>();
  private readonly readCompiler: ReadCompiler;
  private lazyLoaders: (new (ctx: LoaderContext) => object) | null = null;

  constructor(
    readonly modules: readonly ModuleDefinition[],
    /** Migrations written before modules declared their own. */
    baselineMigrations: readonly MigrationObject[] = [],
  ) {
    const names = new Set<string>();
    for (const module of modules) {
      if (names.has(module.name)) throw new Error(`Two modules are named "${module.name}".`);
      names.add(module.name);
    }
    this.entities = modules.flatMap((module) => module.entities ?? []);
    // Names begin with their timestamp: sorting by name is the order they were written in.
    this.migrations = [...baselineMigrations, ...textSearchMigrations, ...modules.flatMap((module) => module.migrations ?? [])].sort(
      (a, b) => a.name.localeCompare(b.name),
    );
    this.resolvers = modules.flatMap((module) => module.resolvers ?? []);
    const nodeTypes = new Map<string, NodeTypeDefinition>();
    for (const nodeType of modules.flatMap((module) => module.nodeTypes ?? [])) {
      if (nodeTypes.has(nodeType.typeName)) throw new Error(`Two modules declare the node type ${nodeType.typeName}.`);
      nodeTypes.set(nodeType.typeName, nodeType);
      if (nodeType.entity) this.subjectTypes.set(nodeType.entity, nodeType.typeName);
    }
    this.nodeTypes = nodeTypes;
    registerNodeTypeNames(nodeTypes.keys());
    this.routes = modules.flatMap((module) => module.routes ?? []);
    this.dashboardSeries = modules
      .flatMap((module) => module.dashboardSeries ?? [])
      .sort((a, b) => a.order - b.order || a.key.localeCompare(b.key));
    const seriesKeys = new Set<string>();
    for (const series of this.dashboardSeries) {
      if (seriesKeys.has(series.key)) throw new Error(`Two modules declare the dashboard series ${series.key}.`);
      seriesKeys.add(series.key);
    }
    this.personalData = modules
      .flatMap((module) => (module.personalData ? [module.personalData] : []))
      .map((contributor, index) => ({ contributor, index }))
      .sort((a, b) => (a.contributor.eraseOrder ?? 0) - (b.contributor.eraseOrder ?? 0) || a.index - b.index)
      .map(({ contributor }) => contributor);
    this.readCompiler = new ReadCompiler(modules.flatMap((module) => (module.readSql ? [module.readSql] : [])));
  }

  /**
   * The request's loaders. Each module's are built on first use of one of them (a request reading
   * organisations builds neither the cohorts' loaders nor anyone else's), then kept for the request, so
   * two loads of the same loader in one request are still batched together.
   */
  createLoaders(ctx: LoaderContext): Loaders {
    this.lazyLoaders ??= lazyLoadersClass(this.modules, this.readCompiler, ctx);
    return new this.lazyLoaders(ctx) as unknown as Loaders;
  }

  /** The GraphQL type name the audit trail records a change of this entity under, or null when it is no node. */
  subjectTypeOf(entity: object): string | null {
    return this.subjectTypes.get(entity.constructor as EntityClass<object>) ?? null;
  }

  async loadNode(ctx: RequestContext, globalId: string): Promise<Node | null> {
    const decoded = fromGlobalId(globalId);
    const nodeType = decoded && this.nodeTypes.get(decoded.type);
    return nodeType ? nodeType.load(ctx, decoded.id) : null;
  }

  jobs(deps: JobDependencies): Job[] {
    return this.modules.flatMap((module) => module.jobs?.(deps) ?? []);
  }
}

/**
 * A class whose instances are one request's loaders: a getter per loader on its prototype builds the
 * module's loaders on first use. The names of each module's loaders are learnt once, from one call of each
 * module's `loaders` (they are object literals: the same names in every request).
 */
function lazyLoadersClass(
  modules: readonly ModuleDefinition[],
  readCompiler: ReadCompiler,
  first: LoaderContext,
): new (ctx: LoaderContext) => object {
  const factories = modules.flatMap((module) => (module.loaders ? [module.loaders.bind(module)] : []));
  class RequestLoaders {
    /** Each module's loaders once built, by the module's place in `factories` (read by the getters below). */
    readonly built: (Partial<Loaders> | undefined)[] = [];
    private reads: Loaders['compiledReads'] | undefined;
    readonly ctx: LoaderContext;
    constructor(ctx: LoaderContext) {
      // What the request is when its loaders are made (a change of caller makes new loaders).
      this.ctx = { ...ctx };
    }

    get compiledReads(): Loaders['compiledReads'] {
      return (this.reads ??= compiledReadsFor(readCompiler, this.ctx.em, this.ctx.access, this.ctx.today));
    }
  }
  const owners = new Map<string, number>();
  factories.forEach((factory, index) => {
    for (const name of Object.keys(factory(first))) {
      if (name in RequestLoaders.prototype || name === 'built' || name === 'ctx' || owners.has(name))
        throw new Error(`Two modules declare the loader ${name}.`);
      owners.set(name, index);
      Object.defineProperty(RequestLoaders.prototype, name, {
        get(this: { built: (Partial<Loaders> | undefined)[]; ctx: LoaderContext }) {
          const loaders = (this.built[index] ??= factory(this.ctx));
          return loaders[name as keyof Loaders];
        },
      });
    }
  });
  return RequestLoaders;
}
