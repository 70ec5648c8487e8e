import { createHash } from 'node:crypto';
import type { Knex } from '@mikro-orm/postgresql';
import { RateLimiterRes, type RateLimiterPostgres } from 'rate-limiter-flexible';
import { postgresRateLimiter } from '../../platform/rate-limit.js';
import { accountThrottleKey } from './sign-in-throttle.js';

export interface ResetThrottleSettings {
  /** Reset links one e-mail address may ask for an hour (whether or not it has an account). */
  perAddressPerHour: number;
  /** Reset requests one client (IP address) may make an hour. */
  perClientPerHour: number;
}

export const DEFAULT_RESET_THROTTLE: ResetThrottleSettings = { perAddressPerHour: 3, perClientPerHour: 30 };

const clientKey = (address: string) => createHash('sha256').update(address).digest('hex');

/**
 * Password-reset requests counted in PostgreSQL, per e-mail address and per client address. Both are counted
 * for every request, whether or not the address has an account, so a refusal tells nothing about accounts.
 */
export class PasswordResetThrottle {
  private readonly byEmail: RateLimiterPostgres;
  private readonly byClient: RateLimiterPostgres;

  constructor(knex: Knex, settings: ResetThrottleSettings) {
    // The e-mail key is the sign-in throttle's account key, so erasing a person forgets both.
    this.byEmail = postgresRateLimiter(knex, { keyPrefix: 'reset_link', points: settings.perAddressPerHour, duration: 60 * 60 });
    this.byClient = postgresRateLimiter(knex, { keyPrefix: 'reset_client', points: settings.perClientPerHour, duration: 60 * 60 });
  }

  /** Counts one request; null when it may go ahead, else the seconds until it may. */
  async consume(email: string, clientAddress: string): Promise<number | null> {
    const results = await Promise.allSettled([
      this.byEmail.consume(accountThrottleKey(email)),
      this.byClient.consume(clientKey(clientAddress)),
    ]);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (refused.length === 0) return null;
    const failure = refused.find((result) => !(result.reason instanceof RateLimiterRes));
    if (failure) throw failure.reason;
    return Math.ceil(Math.max(...refused.map((result) => (result.reason as RateLimiterRes).msBeforeNext)) / 1000);
  }
}
