import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessPolicy } from './access/access-policy.js';
import type { Actor } from './access/actor.js';
import type { Node } from './graphql/node.interface.js';
import type { Loaders } from './loaders.js';
import type { Logger } from './logger.js';
import type { ModuleRegistry } from './module/registry.js';

/**
 * Records a mutation's audit entry in its unit of work; the audit module provides it, the module registry
 * names the subject by its GraphQL type.
 */
export interface AuditRecorder {
  record(em: EntityManager, entry: { operation: string; actor: Actor; requestId: string | null; subject: { id: string } }): void;
}

/**
 * Process-wide dependencies that modules add by declaration merging (e.g. the auth module's sign-in
 * throttle), built once by the composition root.
 */
export interface AppDependencies {}

/** What services work with: the unit of work, the caller's rights, and the day it is. */
export interface ServiceContext {
  em: EntityManager;
  access: AccessPolicy;
  /** Today in Sweden, fixed for the request: what "active" means in every field of one answer. */
  today: string;
  /** Recorded with every change, to follow a request across logs and the audit trail. */
  requestId: string | null;
  audit: AuditRecorder;
  registry: ModuleRegistry;
  dependencies: AppDependencies;
  /** Called after a change committed: what the request cached before it may be stale. */
  afterChange?: () => void;
}

/** The HTTP exchange, for what a resolver must do outside GraphQL (the session cookie). */
export interface HttpExchange {
  address: string;
  /** The session cookie's token, if the request carried one; the caller plugin resolves it. */
  sessionToken: string | null;
  /** An API key from `Authorization: Bearer …`, if given; it wins over a cookie. */
  bearerToken: string | null;
  /** Where this API is reached from outside (`PUBLIC_URL`, else the request's protocol and host), for URLs handed out. */
  origin: string;
  setSessionCookie(token: string, expiresAt: Date): void;
  clearSessionCookie(): void;
}

export type ServiceClass<T> = new (ctx: ServiceContext) => T;

/**
 * Everything a resolver works with: the caller, the request's DataLoaders and its services. It has no
 * EntityManager: resolvers reach the database only through services and loaders.
 */
export interface RequestContext {
  readonly logger: Logger;
  readonly actor: Actor;
  readonly access: AccessPolicy;
  readonly today: string;
  readonly requestId: string;
  readonly loaders: Loaders;
  readonly http: HttpExchange;
  readonly dependencies: AppDependencies;
  /** A service working in this request's unit of work, as the caller. */
  service<T>(Service: ServiceClass<T>): T;
  /** Any object by its global id, as the caller may see it; null when there is none. */
  loadNode(globalId: string): Promise<Node | null>;
  /** After signing in, the rest of the request answers as the signed-in person. */
  switchActor(actor: Actor): void;
}

interface RequestState {
  actor: Actor;
  access: AccessPolicy;
  /** Built on first use (a request that reads nothing, or only through services, needs none) and after each change. */
  loaders: Loaders | null;
  createLoaders(): Loaders;
}

/**
 * The request context's implementation. Apollo copies the context's own properties for each operation,
 * so what changes during a request (the caller, its loaders) lives in one shared state object, read
 * through getters on the prototype. The services' context (with the EntityManager) is only in closures.
 */
class Context implements RequestContext {
  constructor(
    private readonly state: RequestState,
    private readonly requestLogger: Logger | (() => Logger),
    readonly today: string,
    readonly requestId: string,
    readonly http: HttpExchange,
    readonly dependencies: AppDependencies,
    readonly service: RequestContext['service'],
    readonly switchActor: RequestContext['switchActor'],
    private readonly registry: ModuleRegistry,
  ) {}

  /** The request's logger; made when first used (most requests log nothing). */
  get logger(): Logger {
    if (typeof this.requestLogger === 'function') Object.defineProperty(this, 'requestLogger', { value: this.requestLogger() });
    return this.requestLogger as Logger;
  }

  get actor(): Actor {
    return this.state.actor;
  }

  get access(): AccessPolicy {
    return this.state.access;
  }

  get loaders(): Loaders {
    return (this.state.loaders ??= this.state.createLoaders());
  }

  loadNode(globalId: string): Promise<Node | null> {
    return this.registry.loadNode(this, globalId);
  }
}

export function createRequestContext(options: {
  /** The request's unit of work, or how to make it when first used (a request answered from caches needs none). */
  em: EntityManager | (() => EntityManager);
  actor: Actor;
  today: string;
  requestId: string;
  /** The request's logger, or how to make it when first used. */
  logger: Logger | (() => Logger);
  http: HttpExchange;
  registry: ModuleRegistry;
  audit: AuditRecorder;
  dependencies: AppDependencies;
}): RequestContext {
  const { registry } = options;
  let em = options.em;
  const services: ServiceContext = {
    get em(): EntityManager {
      if (typeof em === 'function') em = em();
      return em;
    },
    set em(value: EntityManager) {
      em = value;
    },
    access: new AccessPolicy(options.actor),
    today: options.today,
    requestId: options.requestId,
    audit: options.audit,
    registry,
    dependencies: options.dependencies,
  };
  const state: RequestState = {
    actor: options.actor,
    access: services.access,
    loaders: null,
    createLoaders: () => registry.createLoaders(services),
  };
  services.afterChange = () => void (state.loaders = null);
  const switchActor = (actor: Actor) => {
    services.access = new AccessPolicy(actor);
    Object.assign(state, { actor, access: services.access, loaders: null });
  };
  const service = <T>(Service: ServiceClass<T>) => new Service(services);
  return new Context(
    state,
    options.logger,
    options.today,
    options.requestId,
    options.http,
    options.dependencies,
    service,
    switchActor,
    registry,
  );
}
