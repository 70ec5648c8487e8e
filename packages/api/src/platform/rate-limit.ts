import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterPostgres } from 'rate-limiter-flexible';

/** A rate limiter counting in the migrated `rate_limit` table, shared by every API process. */
export function postgresRateLimiter(
  knex: Knex,
  options: { keyPrefix: string; points: number; duration: number; blockDuration?: number },
): RateLimiterPostgres {
  return new RateLimiterPostgres({ storeClient: knex, storeType: 'knex', tableName: 'rate_limit', tableCreated: true, ...options });
}

/** Last use (of a session or an API key) is recorded at most once a minute: otherwise every read would write. */
export const LAST_USE_PRECISION_MS = 60_000;
