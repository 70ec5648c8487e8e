import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';

export interface ThrottleSettings {
  /** Consecutive failed sign-ins that lock an account. */
  maxFailuresPerAccount: number;
  /** Failed sign-ins from one address per hour that lock the address. */
  maxFailuresPerAddress: number;
  /** How long a lock lasts; it ends by itself. */
  lockSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { maxFailuresPerAccount: 5, maxFailuresPerAddress: 50, lockSeconds: 15 * 60 };

// Keys are hashed: the table must not hold e-mail or IP addresses (personal data outlives erasure there).
const key = (value: string) => createHash('sha256').update(value.trim().toLowerCase()).digest('hex');

/**
 * Failed sign-ins counted in PostgreSQL (rate-limiter-flexible), so every API process sees the same
 * counts: per account (consecutive failures) and per address.
 */
export class SignInThrottle {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(knex: Knex, settings: ThrottleSettings) {
    const common = { storeClient: knex, storeType: 'knex', tableName: 'rate_limit', tableCreated: true, blockDuration: settings.lockSeconds };
    this.byAccount = new RateLimiterPostgres({ ...common, keyPrefix: 'sign_in_account', points: settings.maxFailuresPerAccount, duration: settings.lockSeconds });
    this.byAddress = new RateLimiterPostgres({ ...common, keyPrefix: 'sign_in_address', points: settings.maxFailuresPerAddress, duration: 60 * 60 });
  }

  /** Seconds until the account or address may try again; 0 when it may now. */
  async secondsLocked(email: string, address: string): Promise<number> {
    const [account, origin] = await Promise.all([this.byAccount.get(key(email)), this.byAddress.get(key(address))]);
    const lockedFor = (result: RateLimiterRes | null, limit: number) =>
      result && result.consumedPoints >= limit ? Math.ceil(result.msBeforeNext / 1000) : 0;
    return Math.max(lockedFor(account, this.byAccount.points), lockedFor(origin, this.byAddress.points));
  }

  async recordFailure(email: string, address: string): Promise<void> {
    // consume() rejects once the limit is reached; the lock it sets is what secondsLocked() reads.
    await Promise.allSettled([this.byAccount.consume(key(email)), this.byAddress.consume(key(address))]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byAccount.delete(key(email));
  }
}
