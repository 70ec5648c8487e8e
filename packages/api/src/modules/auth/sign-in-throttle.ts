import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import { RateLimiterRes, type RateLimiterPostgres } from 'rate-limiter-flexible';
import { postgresRateLimiter } from '../../platform/rate-limit.js';

export interface ThrottleSettings {
  /** Failed sign-ins to one account from one client address within `lockSeconds` that lock that account for that address. */
  maxFailuresPerAccountAndAddress: number;
  /** Failed sign-ins from one address (to any accounts) within `lockSeconds` that lock the address. */
  maxFailuresPerAddress: number;
  /**
   * Failed sign-ins to one account from anywhere within `lockSeconds` that lock the account for everyone
   * (its owner is told). Far more than the per-address limit: a stranger's guesses from elsewhere must not
   * lock the owner out, so this lock needs many addresses.
   */
  maxFailuresPerAccount: number;
  /** The window failures are counted in, and how long a lock lasts; it ends by itself. */
  lockSeconds: number;
}

export const DEFAULT_THROTTLE: ThrottleSettings = {
  maxFailuresPerAccountAndAddress: 5,
  maxFailuresPerAddress: 50,
  maxFailuresPerAccount: 100,
  lockSeconds: 60 * 60,
};

/** The key an account's attempts are counted under: hashed, so the table holds no e-mail address. */
export function accountThrottleKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}
const addressKey = (address: string) => createHash('sha256').update(address).digest('hex');
/** An account at one address: the account's key first, so that the pairs of an account can be forgotten together. */
const pairKey = (email: string, address: string) => `${accountThrottleKey(email)}:${addressKey(address)}`;

export type SignInAttempt =
  | {
      allowed: true;
      /** This was the last attempt before a lock (of the account at this address, of the address, or of the account): a failure now locks. */
      lastBeforeLock: boolean;
      /** A failure now locks the account for everyone: its owner is to be told. */
      locksAccount: boolean;
    }
  | { allowed: false; retryInSeconds: number };

/**
 * Sign-in attempts counted in PostgreSQL (rate-limiter-flexible), so every API process sees the same
 * counts: per account and client address (a few failures lock that pair), per address (many accounts
 * tried from one place), and per account from anywhere (far more failures, from many addresses, lock the
 * account for everyone). Each attempt is counted before the password is checked and given back when it
 * was right, so parallel guesses cannot outrun a lock. An attempt refused at its address never reaches
 * the account's count: guesses from one place cannot add up to the account-wide lock.
 */
export class SignInThrottle {
  private readonly byPair: RateLimiterPostgres;
  private readonly byAddress: RateLimiterPostgres;
  private readonly byAccount: RateLimiterPostgres;

  constructor(
    private readonly knex: Knex,
    private readonly settings: ThrottleSettings,
  ) {
    const window = { duration: settings.lockSeconds, blockDuration: settings.lockSeconds };
    this.byPair = postgresRateLimiter(knex, { keyPrefix: 'sign_in_pair', points: settings.maxFailuresPerAccountAndAddress, ...window });
    this.byAddress = postgresRateLimiter(knex, { keyPrefix: 'sign_in_address', points: settings.maxFailuresPerAddress, ...window });
    this.byAccount = postgresRateLimiter(knex, { keyPrefix: 'sign_in_account', points: settings.maxFailuresPerAccount, ...window });
  }

  get lockSeconds(): number {
    return this.settings.lockSeconds;
  }

  async attempt(email: string, address: string): Promise<SignInAttempt> {
    const here = await Promise.allSettled([this.byPair.consume(pairKey(email, address)), this.byAddress.consume(addressKey(address))]);
    const refusedHere = refusal(here);
    if (refusedHere) return refusedHere;
    const everywhere = await Promise.allSettled([this.byAccount.consume(accountThrottleKey(email))]);
    const refusedEverywhere = refusal(everywhere);
    if (refusedEverywhere) return refusedEverywhere;
    const [pair, fromAddress, account] = [...here, ...everywhere].map((result) => (result as PromiseFulfilledResult<RateLimiterRes>).value);
    const locksAccount = account!.remainingPoints === 0;
    return {
      allowed: true,
      lastBeforeLock: locksAccount || pair!.remainingPoints === 0 || fromAddress!.remainingPoints === 0,
      locksAccount,
    };
  }

  /**
   * Until when each of these accounts is locked for everyone (failed sign-ins from many places), by e-mail
   * address; accounts that are not locked are left out. One statement for all.
   */
  async accountLocksOf(emails: readonly string[]): Promise<Map<string, Date>> {
    if (emails.length === 0) return new Map();
    const byKey = new Map(emails.map((email) => [`sign_in_account:${accountThrottleKey(email)}`, email]));
    const rows: { key: string; expire: string }[] = await this.knex('rate_limit')
      .select('key', 'expire')
      .whereIn('key', [...byKey.keys()])
      .andWhere('points', '>', this.settings.maxFailuresPerAccount)
      .andWhere('expire', '>', Date.now());
    return new Map(rows.map((row) => [byKey.get(row.key)!, new Date(Number(row.expire))]));
  }

  /** The attempt was neither right nor wrong (the password was right, the second factor is yet to come): every count gets it back. */
  async refund(email: string, address: string): Promise<void> {
    await Promise.all([
      this.byPair.reward(pairKey(email, address), 1),
      this.byAddress.reward(addressKey(address), 1),
      this.byAccount.reward(accountThrottleKey(email), 1),
    ]);
  }

  /** The owner proved they hold the account's e-mail (a password reset): the account-wide lock and count end. */
  async forgiveAccount(email: string): Promise<void> {
    await this.byAccount.delete(accountThrottleKey(email));
  }

  /** The password was right: the account's count at this address starts over, and the address and the account get the attempt back. */
  async succeeded(email: string, address: string): Promise<void> {
    await Promise.all([
      this.byPair.delete(pairKey(email, address)),
      this.byAddress.reward(addressKey(address), 1),
      this.byAccount.reward(accountThrottleKey(email), 1),
    ]);
  }
}

/** The refusal among the limiters' answers (the longest wait), or null when all let the attempt through. */
function refusal(results: PromiseSettledResult<RateLimiterRes>[]): { allowed: false; retryInSeconds: number } | null {
  const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (refused.length === 0) return null;
  // A limiter refuses with a RateLimiterRes; anything else is a real failure (e.g. the database).
  const failure = refused.find((result) => !(result.reason instanceof RateLimiterRes));
  if (failure) throw failure.reason;
  const waits = refused.map((result) => (result.reason as RateLimiterRes).msBeforeNext);
  return { allowed: false, retryInSeconds: Math.ceil(Math.max(...waits) / 1000) };
}

/** Forgets an account's counted attempts inside a transaction (when its person is erased). */
export async function forgetAccountAttempts(em: EntityManager, email: string): Promise<void> {
  const key = accountThrottleKey(email);
  await em
    .getConnection()
    .execute('delete from rate_limit where key in (?, ?) or key like ?', [
      `sign_in_account:${key}`,
      `reset_link:${key}`,
      `sign_in_pair:${key}:%`,
    ]);
}
