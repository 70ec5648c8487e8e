import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { RequestError } from '../../platform/errors/request-error.js';
import { RateLimiterRes, type RateLimiterPostgres } from 'rate-limiter-flexible';
import { LAST_USE_PRECISION_MS, postgresRateLimiter } from '../../platform/rate-limit.js';
import type { Actor } from '../../platform/access/actor.js';
import type { ServiceContext } from '../../platform/context.js';
import { requireEntityId } from '../../platform/graphql/global-id.js';
import type { Connection } from '../../platform/pagination/connection.js';
import type { PageRequest } from '../../platform/pagination/find-page.js';
import { unitOfWork } from '../../platform/unit-of-work.js';
import { assertValidInput } from '../../platform/validation.js';
import { newToken, tokenHash } from '../auth/secrets.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { OrganisationErrors } from '../organisation/organisation.errors.js';
import { ApiClient } from './api-client.entity.js';
import { ApiClientErrors } from './api-client.errors.js';
import type { ApiClientCreateInput, ApiClientIdInput } from './api-client.inputs.js';
import { ApiClientPolicy } from './api-client.policy.js';

const KEY_PREFIX = 'evk_';

function newKey(): { key: string; keyPrefix: string } {
  const key = `${KEY_PREFIX}${newToken()}`;
  return { key, keyPrefix: key.slice(0, KEY_PREFIX.length + 8) };
}

/** Administrators manage API clients; the key is shown once, on creation or rotation. */
export class ApiClientService {
  constructor(private readonly ctx: ServiceContext) {}

  private requireAdministrator(): void {
    this.ctx.access.require(ApiClientPolicy.of(this.ctx.access).canManageApiClients(), null, 'Only administrators manage API clients.');
  }

  list(page: PageRequest<'name' | 'createdAt'>): Promise<Connection<ApiClient>> {
    this.ctx.access.requireToRead(ApiClientPolicy.of(this.ctx.access).canManageApiClients(), 'Only administrators see API clients.');
    return this.ctx.em.getRepository(ApiClient).findPage(page);
  }

  async create(input: ApiClientCreateInput): Promise<{ client: ApiClient; key: string }> {
    this.requireAdministrator();
    await assertValidInput(input);
    const organisationId = input.organisationId ? requireEntityId(input.organisationId, 'Organisation', 'organisationId') : null;
    if (input.expiresAt && input.expiresAt <= new Date()) throw ApiClientErrors.expiryNotInFuture();
    const { key, keyPrefix } = newKey();
    const client = await unitOfWork(this.ctx, 'apiClientCreate', async (em) => {
      if (organisationId && !(await em.getRepository(Organisation).findOne({ id: organisationId })))
        throw OrganisationErrors.notFound('organisationId');
      return em.create(ApiClient, {
        name: input.name,
        organisation: organisationId,
        scopes: [...new Set(input.scopes)],
        keyHash: tokenHash(key),
        keyPrefix,
        rateLimitPerMinute: input.rateLimitPerMinute ?? 600,
        expiresAt: input.expiresAt ?? null,
        createdByPersonId: this.ctx.access.personId,
      });
    });
    return { client, key };
  }

  async revoke(input: ApiClientIdInput): Promise<ApiClient> {
    this.requireAdministrator();
    const id = requireEntityId(input.id, 'ApiClient', 'id');
    return unitOfWork(this.ctx, 'apiClientRevoke', async (em) => {
      const client = await em.getRepository(ApiClient).findOne({ id });
      if (!client) throw ApiClientErrors.notFound();
      if (client.revokedAt) throw ApiClientErrors.alreadyRevoked();
      client.revokedAt = new Date();
      return client;
    });
  }

  /** A new key for the client; the old one stops working at once. */
  async rotate(input: ApiClientIdInput): Promise<{ client: ApiClient; key: string }> {
    this.requireAdministrator();
    const id = requireEntityId(input.id, 'ApiClient', 'id');
    const { key, keyPrefix } = newKey();
    const client = await unitOfWork(this.ctx, 'apiClientRotate', async (em) => {
      const found = await em.getRepository(ApiClient).findOne({ id });
      if (!found) throw ApiClientErrors.notFound();
      if (found.revokedAt) throw ApiClientErrors.revokedGetsNoKey();
      found.keyHash = tokenHash(key);
      found.keyPrefix = keyPrefix;
      return found;
    });
    return { client, key };
  }
}

/** Requests per minute per client, counted in PostgreSQL so that every API process sees the same count. */
export class ApiClientRateLimits {
  private readonly limiters = new Map<number, RateLimiterPostgres>();

  constructor(private readonly knex: Knex) {}

  /** Counts a request; throws RATE_LIMITED (HTTP 429) when the client is over its limit. */
  async consume(client: { id: string; rateLimitPerMinute: number }): Promise<void> {
    let limiter = this.limiters.get(client.rateLimitPerMinute);
    if (!limiter) {
      limiter = postgresRateLimiter(this.knex, { keyPrefix: 'api_client', points: client.rateLimitPerMinute, duration: 60 });
      this.limiters.set(client.rateLimitPerMinute, limiter);
    }
    try {
      await limiter.consume(client.id);
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      const seconds = Math.ceil(rejection.msBeforeNext / 1000);
      throw new RequestError(
        'RATE_LIMITED',
        `Rate limit of ${client.rateLimitPerMinute} requests per minute exceeded. Try again in ${seconds} s.`,
        {
          retryAfterSeconds: seconds,
        },
      );
    }
  }
}

/** The caller behind an API key (and the client's limits); null when the key is unknown, revoked or expired. */
export async function resolveApiClient(
  em: EntityManager,
  key: string,
  rateLimits: ApiClientRateLimits,
): Promise<{ actor: Actor; client: { id: string; rateLimitPerMinute: number; expiresAt: Date | null } } | null> {
  const client = await em.getRepository(ApiClient).findByKeyHash(tokenHash(key));
  const now = new Date();
  if (!client || !client.isActiveAt(now)) return null;
  await rateLimits.consume(client);
  if (!client.lastUsedAt || now.getTime() - client.lastUsedAt.getTime() > LAST_USE_PRECISION_MS) {
    await em.getRepository(ApiClient).recordUse(client.id, now);
  }
  return {
    actor: { kind: 'apiClient', clientId: client.id, organisationId: client.organisation?.id ?? null, scopes: new Set(client.scopes) },
    client: { id: client.id, rateLimitPerMinute: client.rateLimitPerMinute, expiresAt: client.expiresAt },
  };
}
