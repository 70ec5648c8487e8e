import { randomUUID } from 'node:crypto';
import type { ServiceContext } from '../../platform/context.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ANONYMOUS, grantsFrom, type Actor } from '../../platform/access/actor.js';
import { recordCallerLookup } from '../../platform/database/query-counter.js';
import { LAST_USE_PRECISION_MS } from '../../platform/rate-limit.js';
import { assertValidInput } from '../../platform/validation.js';
import { enqueueNotification, enqueueNotificationForRecipient, NotificationKind } from '../notification/outbox.js';
import { Person } from '../person/person.entity.js';
import { RoleAssignment } from '../role-assignment/role-assignment.entity.js';
import { Account } from './account.entity.js';
import { PasswordReset } from './password-reset.entity.js';
import { Session } from './session.entity.js';
import { AuthErrors } from './auth.errors.js';
import type { PasswordChangeInput, PasswordResetInput, PasswordResetRequestInput, SignInInput } from './auth.inputs.js';
import { hashPassword, newToken, tokenHash, UNUSED_PASSWORD_HASH, verifyPassword } from './secrets.js';
import type { SignInThrottle } from './sign-in-throttle.js';
import type { PasswordResetThrottle } from './password-reset-throttle.js';
import { AccountErrors } from './account.errors.js';
import { recordAuditEntry } from '../audit/audit-trail.js';
import { resolveApiClient, type ApiClientRateLimits } from '../api-client/api-client.service.js';
import { SecondFactor } from './second-factor.entity.js';
import type { CallerCache } from './caller-cache.js';
import { SecondFactorErrors } from './second-factor.errors.js';
import { checkSecondFactor, type SecondFactorDependencies } from './second-factor.service.js';

export interface SessionSettings {
  /** A session ends after this long without use. */
  idleMinutes: number;
  /** A session ends this long after sign-in, however much it is used. */
  maxHours: number;
  /** How long a password-reset link works. */
  resetTokenMinutes: number;
}

export const DEFAULT_SESSION_SETTINGS: SessionSettings = { idleMinutes: 8 * 60, maxHours: 7 * 24, resetTokenMinutes: 60 };

/** A password-reset link, as the notifier gets it; `created` is false when there was no account to reset (nothing must go out). */
export interface PasswordResetMessage {
  resetId: string;
  created: boolean;
  personId: string | null;
  email: string | null;
  token: string;
  url: string;
  expiresAt: Date;
}

/** Where a password-reset link goes; `em` is the transaction that creates the reset. */
export interface PasswordResetNotifier {
  /** Must run the same statements whether or not `message.created`: the answer must not tell whether an account exists. */
  send(message: PasswordResetMessage, em: EntityManager): Promise<void>;
}

/** The notifications outbox: the e-mail commits with the reset, or neither does; one statement either way. */
export const outboxPasswordResetNotifier: PasswordResetNotifier = {
  send: async (message, em) =>
    void (await enqueueNotificationForRecipient(em, {
      kind: NotificationKind.PASSWORD_RESET,
      data: { resetUrl: message.url, resetExpiresAt: message.expiresAt },
      recipient: em.getRepository(PasswordReset).recipientOf(message.resetId),
    })),
};

/** Links into the portal, for e-mails: always from `PUBLIC_URL` (never a request's Host header, which a caller chooses). */
export interface PortalLinks {
  portal(path: string): string;
}

export interface AuthDependencies {
  apiClientRateLimits: ApiClientRateLimits;
  /** In production, demo accounts never sign in. */
  production: boolean;
  throttle: SignInThrottle;
  resetThrottle: PasswordResetThrottle;
  sessions: SessionSettings;
  notifier: PasswordResetNotifier;
  links: PortalLinks;
  /** Callers resolved per session or API key, kept briefly (none: every request looks its caller up). */
  callerCache?: CallerCache;
}

declare module '../../platform/context.js' {
  interface AppDependencies {
    auth: AuthDependencies;
  }
}

/**
 * Tells the owner of an account that failed sign-ins from many places locked it for everyone, until when,
 * and what to do: the ACCOUNT_LOCKED e-mail (at most one an hour). The one place a lock reaches the owner.
 */
async function tellOwnerOfLock(em: EntityManager, personId: string, deps: AuthDependencies): Promise<void> {
  const now = Date.now();
  await enqueueNotification(em, {
    kind: NotificationKind.ACCOUNT_LOCKED,
    personId,
    data: { lockedUntil: new Date(now + deps.throttle.lockSeconds * 1000), forgotPasswordUrl: deps.links.portal('/forgot-password') },
    dedupeKey: `account-locked:${personId}:${Math.floor(now / 3_600_000)}`,
  });
}

/** The nil UUID: no person has it. */
const NO_ONE = '00000000-0000-0000-0000-000000000000';

export class AuthService {
  private readonly em: EntityManager;
  private readonly deps: AuthDependencies;
  private readonly secondFactor: SecondFactorDependencies;

  constructor(ctx: ServiceContext) {
    this.em = ctx.em;
    this.deps = ctx.dependencies.auth;
    this.secondFactor = ctx.dependencies.secondFactor;
  }

  /** Checks the password and opens a session; refuses while the account or address is locked. */
  async signIn(input: SignInInput, address: string): Promise<{ person: Person; token: string; cookieExpiresAt: Date }> {
    await assertValidInput(input);
    // The attempt is counted before the password is checked, so parallel guesses cannot outrun the lock.
    const attempt = await this.deps.throttle.attempt(input.email, address);
    if (!attempt.allowed) throw AuthErrors.locked(attempt.retryInSeconds);

    const person = await this.em.getRepository(Person).findByEmail(input.email);
    const account = person ? await this.em.getRepository(Account).findForPerson(person.id) : null;
    // Verify even without an account, so the answer takes as long either way.
    const valid = await verifyPassword(account?.passwordHash ?? UNUSED_PASSWORD_HASH, input.password);
    if (!person || !account || !valid || (account.demo && this.deps.production)) {
      if (attempt.locksAccount && person && account) await tellOwnerOfLock(this.em, person.id, this.deps);
      throw attempt.lastBeforeLock ? AuthErrors.locked(this.deps.throttle.lockSeconds) : AuthErrors.invalidCredentials();
    }
    if (account.deactivatedAt) throw AccountErrors.deactivated();
    // With a second factor on, the password alone opens nothing; a wrong code counts like a wrong password.
    const secondFactor = await checkSecondFactor(this.em, person.id, input.secondFactorCode, this.secondFactor);
    if (secondFactor === 'MISSING') {
      await this.deps.throttle.refund(input.email, address);
      throw SecondFactorErrors.required();
    }
    if (secondFactor === 'WRONG') {
      if (attempt.locksAccount) await tellOwnerOfLock(this.em, person.id, this.deps);
      throw attempt.lastBeforeLock ? AuthErrors.locked(this.deps.throttle.lockSeconds) : SecondFactorErrors.wrongCode('secondFactorCode');
    }
    await this.deps.throttle.succeeded(input.email, address);

    const token = newToken();
    const now = new Date();
    this.em.create(Session, {
      tokenHash: tokenHash(token),
      person,
      expiresAt: this.expiry(now, now),
      lastSeenAt: now,
      createdAt: now,
      secondFactor: secondFactor === 'PASSED',
    });
    await this.em.flush();
    // The browser keeps the cookie until the session's absolute end; the database enforces the idle limit.
    return { person, token, cookieExpiresAt: new Date(now.getTime() + this.deps.sessions.maxHours * 3_600_000) };
  }

  /**
   * The caller behind a session token; anonymous when the session is unknown, revoked or expired. In
   * production a demo account's session (made while the same database was served outside production) is
   * refused at every request, not only at sign-in, and ended.
   */
  async resolveActor(token: string, today: string): Promise<Actor> {
    return (await this.lookUpSession(token, today)).actor;
  }

  /**
   * `resolveActor` through the caller cache: a caller resolved for this token on this day is used without a
   * statement until its entry ends (TTL, the session's end, the day, or a change notified by the database).
   */
  async resolveCaller(token: string, today: string): Promise<Actor> {
    const cache = this.deps.callerCache;
    if (!cache) return this.resolveActor(token, today);
    const key = `session:${tokenHash(token)}`;
    const cached = cache.get(key, today);
    if (cached) return cached.actor;
    recordCallerLookup();
    const stamp = cache.stamp();
    const { actor, sessionEndsAt } = await this.lookUpSession(token, today);
    if (actor.kind === 'person') cache.set(key, stamp, { actor, ownerId: actor.personId, today, expiresAt: sessionEndsAt });
    return actor;
  }

  private async lookUpSession(token: string, today: string): Promise<{ actor: Actor; sessionEndsAt: number | null }> {
    const sessions = this.em.getRepository(Session);
    const session = await sessions.findActiveByTokenHash(tokenHash(token));
    if (!session) return { actor: ANONYMOUS, sessionEndsAt: null };
    if (this.deps.production) {
      const account = await this.em.getRepository(Account).findForPerson(session.person.id);
      if (!account || account.demo) {
        await sessions.revoke(session.id);
        return { actor: ANONYMOUS, sessionEndsAt: null };
      }
    }
    const now = new Date();
    let endsAt = session.expiresAt;
    if (now.getTime() - session.lastSeenAt.getTime() > LAST_USE_PRECISION_MS) {
      endsAt = this.expiry(session.createdAt, now);
      await sessions.touch(session.id, now, endsAt);
    }
    const assignments = await this.em.getRepository(RoleAssignment).findActiveForPerson(session.person.id, today);
    const grants = grantsFrom(
      assignments.map((a) => ({ role: a.role, workplaceId: a.workplace?.id ?? null, organisationId: a.organisation?.id ?? null })),
    );
    const sessionEndsAt = endsAt.getTime();
    // In production an administrator without a second factor may only set one up: until then they hold nothing.
    if (this.deps.production && grants.administrator && !(await this.em.getRepository(SecondFactor).isConfirmed(session.person.id))) {
      return {
        actor: { kind: 'person', personId: session.person.id, sessionId: session.id, grants: grantsFrom([]), mustSetUpSecondFactor: true },
        sessionEndsAt,
      };
    }
    return { actor: { kind: 'person', personId: session.person.id, sessionId: session.id, grants }, sessionEndsAt };
  }

  async signOut(sessionId: string, personId: string): Promise<void> {
    await this.em.getRepository(Session).revoke(sessionId);
    // Committed: this process forgets the caller at once (the others when the database's notification arrives).
    this.deps.callerCache?.evict(personId);
  }

  /** Sets a new password; the person's other sessions end. */
  async changePassword(
    personId: string,
    sessionId: string,
    input: PasswordChangeInput,
    address: string,
    requestId: string | null,
  ): Promise<void> {
    await assertValidInput(input);
    const person = await this.em.getRepository(Person).findOneOrFail({ id: personId });
    // Guesses of the current password count like failed sign-ins (a stolen session must not guess freely).
    const attempt = await this.deps.throttle.attempt(person.email, address);
    if (!attempt.allowed) throw AuthErrors.locked(attempt.retryInSeconds);
    await this.em.transactional(async (em) => {
      const account = await em.getRepository(Account).findForPerson(personId);
      if (!account || !(await verifyPassword(account.passwordHash, input.currentPassword))) throw AuthErrors.wrongCurrentPassword();
      await this.deps.throttle.succeeded(person.email, address);
      if (input.newPassword === input.currentPassword) throw AuthErrors.samePassword();
      account.passwordHash = await hashPassword(input.newPassword);
      account.passwordChangedAt = new Date();
      await em.getRepository(Session).revokeAllOf(personId, sessionId);
      await em.getRepository(PasswordReset).expireAllOf(personId);
      recordAuditEntry(em, {
        operation: 'passwordChange',
        actor: { personId, apiClientId: null },
        requestId,
        subject: { type: 'Person', id: personId },
      });
    });
  }

  /**
   * Sends a reset link when the address has an account that may sign in; answers the same either way (no
   * account probing), and runs the same statements either way before answering: the throttle's counts, one
   * lookup, and two inserts that write nothing when there is no account.
   */
  async requestPasswordReset(input: PasswordResetRequestInput, clientAddress: string): Promise<void> {
    await assertValidInput(input);
    const wait = await this.deps.resetThrottle.consume(input.email, clientAddress);
    if (wait !== null) throw AccountErrors.tooManyResetRequests(wait);
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.deps.sessions.resetTokenMinutes * 60_000);
    const url = this.deps.links.portal(`/reset-password/${token}`);
    await this.em.transactional(async (em) => {
      const person = await em.getRepository(Person).findByEmail(input.email);
      const resetId = randomUUID();
      const created = await em.getRepository(PasswordReset).insertIfAccount({
        id: resetId,
        tokenHash: tokenHash(token),
        // An id no one has, so that an unknown address runs the same insert (which then writes nothing).
        personId: person?.id ?? NO_ONE,
        expiresAt,
        production: this.deps.production,
      });
      await this.deps.notifier.send(
        { resetId, created: created > 0, personId: person?.id ?? null, email: person?.email ?? null, token, url, expiresAt },
        em,
      );
    });
  }

  /**
   * Uses a reset token once: sets the password and ends every session of the person. Whoever holds the
   * link holds the account's e-mail, so an account-wide sign-in lock ends too.
   */
  async resetPassword(input: PasswordResetInput, requestId: string | null): Promise<void> {
    await assertValidInput(input);
    const personId = await this.em.transactional(async (em) => {
      // The row lock makes a token single-use even when two requests race with it.
      const reset = await em.getRepository(PasswordReset).lockByTokenHash(tokenHash(input.token));
      if (!reset || reset.usedAt || reset.expiresAt <= new Date()) throw AuthErrors.invalidToken();
      reset.usedAt = new Date();
      const account = await em.getRepository(Account).findOneOrFail({ person: reset.person.id });
      if (account.deactivatedAt) throw AuthErrors.invalidToken();
      account.passwordHash = await hashPassword(input.newPassword);
      account.passwordChangedAt = new Date();
      await em.getRepository(Session).revokeAllOf(reset.person.id);
      // Other links sent earlier stop working too.
      await em.getRepository(PasswordReset).expireAllOf(reset.person.id);
      // The trail records that the password was reset (by whoever held the link), never the password.
      recordAuditEntry(em, {
        operation: 'passwordReset',
        actor: { personId: reset.person.id, apiClientId: null },
        requestId,
        subject: { type: 'Person', id: reset.person.id },
      });
      return reset.person.id;
    });
    const person = await this.em.getRepository(Person).findById(personId);
    if (person) await this.deps.throttle.forgiveAccount(person.email);
  }

  private expiry(createdAt: Date, now: Date): Date {
    const idle = now.getTime() + this.deps.sessions.idleMinutes * 60_000;
    const absolute = createdAt.getTime() + this.deps.sessions.maxHours * 3_600_000;
    return new Date(Math.min(idle, absolute));
  }
}

/** Who calls with an API key: the client, counted against its rate limit; null for an unknown, revoked or expired key. */
export class ApiKeyAuthentication {
  constructor(private readonly ctx: ServiceContext) {}

  async resolve(key: string): Promise<Actor | null> {
    const { apiClientRateLimits: rateLimits, callerCache: cache } = this.ctx.dependencies.auth;
    if (!cache) return (await resolveApiClient(this.ctx.em, key, rateLimits))?.actor ?? null;
    const cacheKey = `key:${tokenHash(key)}`;
    const cached = cache.get(cacheKey, this.ctx.today);
    if (cached && cached.actor.kind === 'apiClient') {
      // The rate limit counts every request, cached caller or not.
      await rateLimits.consume({ id: cached.ownerId, rateLimitPerMinute: cached.rateLimitPerMinute! });
      return cached.actor;
    }
    recordCallerLookup();
    const stamp = cache.stamp();
    const resolved = await resolveApiClient(this.ctx.em, key, rateLimits);
    if (!resolved) return null;
    cache.set(cacheKey, stamp, {
      actor: resolved.actor,
      ownerId: resolved.client.id,
      today: this.ctx.today,
      expiresAt: resolved.client.expiresAt?.getTime() ?? null,
      rateLimitPerMinute: resolved.client.rateLimitPerMinute,
    });
    return resolved.actor;
  }
}
