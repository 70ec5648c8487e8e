import type { EntityManager } from '@mikro-orm/postgresql';
import type { AuthDependencies } from '../modules/auth/auth.service.js';
import { AccessPolicy } from './access/access-policy.js';
import type { Actor } from './access/actor.js';
import type { Logger } from './logger.js';
import { createLoaders, type Loaders } from './loaders.js';

/** What services work with: the unit of work, the caller's rights, and the day it is. */
export interface ServiceContext {
  em: EntityManager;
  access: AccessPolicy;
  /** Today in Sweden, fixed for the request: what "active" means in every field of one answer. */
  today: string;
  /** Recorded with every change, to follow a request across logs and the audit trail. */
  requestId: string | null;
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

/** Everything one GraphQL request works with: its own EntityManager, caller and DataLoaders. */
export interface RequestContext extends ServiceContext {
  logger: Logger;
  actor: Actor;
  loaders: Loaders;
  http: HttpExchange;
  auth: AuthDependencies;
}

export function createRequestContext(options: {
  em: EntityManager;
  actor: Actor;
  today: string;
  requestId: string;
  logger: Logger;
  http: HttpExchange;
  auth: AuthDependencies;
}): RequestContext {
  const access = new AccessPolicy(options.actor);
  const ctx: RequestContext = { ...options, access, loaders: createLoaders(options.em, access, options.today) };
  ctx.afterChange = () => void (ctx.loaders = createLoaders(ctx.em, ctx.access, ctx.today));
  return ctx;
}

/** After signing in, the rest of the request answers as the signed-in person. */
export function switchActor(ctx: RequestContext, actor: Actor): void {
  const access = new AccessPolicy(actor);
  Object.assign(ctx, { actor, access, loaders: createLoaders(ctx.em, access, ctx.today) });
}
