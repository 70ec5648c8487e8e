import { describe, expect, it } from 'vitest';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS } from './access/actor.js';
import { createRequestContext, type RequestContext, type ServiceContext } from './context.js';
import { ModuleRegistry } from './module/registry.js';

describe('the resolver context', () => {
  const ctx = createRequestContext({
    em: { marker: 'the request EntityManager' } as unknown as EntityManager,
    actor: ANONYMOUS,
    today: '2026-12-01',
    requestId: 'r1',
    logger: console as never,
    http: {} as never,
    registry: new ModuleRegistry([]),
    audit: { record: () => undefined },
    dependencies: {} as never,
  });

  it('has no EntityManager, in its type or at run time: resolvers reach the database through services and loaders', () => {
    // @ts-expect-error the type has no `em`; the type check fails if one is added
    expect(ctx.em).toBeUndefined();
    const reachable = JSON.stringify(Object.values(ctx), (_key, value: unknown) => (typeof value === 'function' ? undefined : value));
    expect(reachable).not.toContain('the request EntityManager');
  });

  it('hands services the EntityManager', () => {
    class Probe {
      constructor(readonly services: ServiceContext) {}
    }
    expect(ctx.service(Probe).services.em).toEqual({ marker: 'the request EntityManager' });
  });

  it('keeps the caller shared with the copies Apollo makes for each operation', () => {
    const copy = Object.assign(Object.create(Object.getPrototypeOf(ctx) as object) as RequestContext, ctx);
    copy.switchActor({ kind: 'apiClient', clientId: 'c', organisationId: null, scopes: new Set() });
    expect(ctx.actor.kind).toBe('apiClient');
  });
});
