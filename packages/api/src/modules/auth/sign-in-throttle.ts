import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { RateLimiterRes, type RateLimiterPostgres } from 'rate-limiter-flexible';
import { postgresRateLimiter } from '../../platform/rate-limit.js';

export interface ThrottleSettings {
  /** Consecutive failed sign-ins that lock an account. */
  maxFailuresPerAccount: number;
  /** Failed sign-ins from one address per hour that lock the address. */
  maxFailuresPerAddress: number;
  /** How long a lock lasts; it ends by itself. */
  lockSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = { maxFailuresPerAccount: 5, maxFailuresPerAddress: 50, lockSeconds: 15 * 60 };

/** The key an account's attempts are counted under: hashed, so the table holds no e-mail address. */
export function accountThrottleKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
const addressKey = (address: string) => createHash('sha256').update(address).digest('hex');

export type SignInAttempt =
  | { allowed: true; /** This was the last attempt before the lock: a failure now locks. */ lastBeforeLock: boolean }
  | { allowed: false; retryInSeconds: number };

/**
 * Sign-in attempts counted in PostgreSQL (rate-limiter-flexible), so every API process sees the same
 * counts: per account (consecutive failures) and per address. Each attempt is counted before the
 * password is checked and given back when it was right, so parallel guesses cannot outrun the lock.
 */
export class SignInThrottle {
  private readonly byAccount: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;

  constructor(
    knex: Knex,
    private readonly settings: ThrottleSettings,
  ) {
    const blockDuration = settings.lockSeconds;
    this.byAccount = postgresRateLimiter(knex, {
      keyPrefix: 'sign_in_account',
      points: settings.maxFailuresPerAccount,
      duration: settings.lockSeconds,
      blockDuration,
    });
    this.byAddress = postgresRateLimiter(knex, {
      keyPrefix: 'sign_in_address',
      points: settings.maxFailuresPerAddress,
      duration: 60 * 60,
      blockDuration,
    });
  }

  get lockSeconds(): number {
    return this.settings.lockSeconds;
  }

  async attempt(email: string, address: string): Promise<SignInAttempt> {
    const results = await Promise.allSettled([
      this.byAccount.consume(accountThrottleKey(email)),
      this.byAddress.consume(addressKey(address)),
    ]);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (refused.length > 0) {
      // A limiter refuses with a RateLimiterRes; anything else is a real failure (e.g. the database).
      const failure = refused.find((result) => !(result.reason instanceof RateLimiterRes));
      if (failure) throw failure.reason;
      const waits = refused.map((result) => (result.reason as RateLimiterRes).msBeforeNext);
      return { allowed: false, retryInSeconds: Math.ceil(Math.max(...waits) / 1000) };
    }
    const [account] = results as PromiseFulfilledResult<RateLimiterRes>[];
    return { allowed: true, lastBeforeLock: account!.value.remainingPoints === 0 };
  }

  /** The password was right: the account's count starts over, and the address gets its attempt back. */
  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([this.byAccount.delete(accountThrottleKey(email)), this.byAddress.reward(addressKey(address), 1)]);
  }
}

/** Forgets an account's counted attempts inside a transaction (when its person is erased). */
export async function forgetAccountAttempts(em: EntityManager, email: string): Promise<void> {
  const key = accountThrottleKey(email);
  await em.getConnection().execute('delete from rate_limit where key in (?, ?)', [`sign_in_account:${key}`, `reset_link:${key}`]);
}
