import 'reflect-metadata';
import './provided-context.js';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { generate } from 'otplib';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createApp, SESSION_COOKIE } from '../app.js';
import { ensureDatabase } from '../platform/database/embedded-postgres.js';
import { ormConfig } from '../composition.js';
import { migrate } from '../platform/database/migrate.js';
import type { ModuleRegistry } from '../platform/module/registry.js';
import type { Logger } from '../platform/logger.js';
import { DEFAULT_SESSION_SETTINGS, type PasswordResetMessage, type SessionSettings } from '../modules/auth/auth.service.js';
import { DEFAULT_RESET_THROTTLE, type ResetThrottleSettings } from '../modules/auth/password-reset-throttle.js';
import { logTransport, smtpTransport } from '../modules/notification/notification.transport.js';
import { NotificationWorker, type RetryPolicy } from '../modules/notification/notification.worker.js';
import { hashPassword } from '../modules/auth/secrets.js';
import { DEVELOPMENT_SECOND_FACTOR_KEY, newTotpSecret, sealSecret } from '../modules/auth/totp.js';
import { globalId, rowId } from './global-id.js';
import { DEFAULT_THROTTLE, type ThrottleSettings } from '../modules/auth/sign-in-throttle.js';
import { DEFAULT_PORTAL_DIR, portalManifest } from '../portal-static.js';
import type { CallerCacheSettings } from '../modules/auth/caller-cache.js';
import type { IdentityNumberKeyring } from '../modules/identity-number/identity-number-keys.js';

export { freePort } from '../platform/free-port.js';
export { globalId, rowId } from './global-id.js';
export { RegistrationJobs } from '../modules/offering/registration-jobs.js';
export { LearningJobs } from '../modules/learning-session/learning-session.jobs.js';
export { setReadCompiler } from '../platform/read-compiler/read-compiler.js';
export { setDirectRegistration } from '../modules/offering/registration-direct.js';

/** The code an authenticator app shows for this secret, `stepsAhead` 30-second steps from now (a later code, for a second sign-in). */
export function totpCode(secret: string, stepsAhead = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });
}

/** Another connection pool to a test database, as a second API process would have. */
export async function openOrm(databaseUrl: string): Promise<MikroORM> {
  return MikroORM.init(ormConfig({ clientUrl: databaseUrl, logger: pino({ level: 'silent' }), poolMax: 5 }));
}

export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  data?: TData;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  /** SQL statements the request made. */
  sqlStatements: number;
  /** Whether the API read the caller from the database (the caller cache did not hold them). */
  callerLookedUp: boolean;
  /** The session cookie the response set, if any (empty string when it cleared it). */
  setCookie: string | null;
}

export type GraphQLClient = <TData = Record<string, any>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<GraphQLResponse<TData>>;

export const TEST_PASSWORD = 'test-password-123';
export const TEST_ADMINISTRATOR_EMAIL = 'zz.administrator@evikomp.test';

/** A fresh database cloned from the migrated template; one per test file. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  await ensureDatabase(adminUrl, name, inject('templateDatabase'));
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/**
 * The real API over real HTTP on a free port, on its own database. `graphql` is signed in as an
 * administrator (who works for the organisation "Testadministrationen"); `anonymous` is not signed in.
 */
export async function startTestApi(
  options: {
    databaseUrl?: string;
    throttle?: Partial<ThrottleSettings>;
    /** Password-reset requests per address and per client an hour (by default 3 and 1000: tests ask from one address). */
    resetThrottle?: Partial<ResetThrottleSettings>;
    sessions?: Partial<SessionSettings>;
    production?: boolean;
    /** false: no administrator is created, and `graphql` is anonymous (for databases without the schema). */
    withAdministrator?: boolean;
    /** Where `notifications` delivers e-mail; unset: to the (silent) log. */
    smtpUrl?: string;
    /** Starts `notifications` polling; without it the worker only runs when a test calls `deliverDue()`. */
    notificationWorker?: { pollMs?: number; batchSize?: number; retry?: Partial<RetryPolicy> };
    /** Password-reset links go through the outbox, as in production, instead of `resetMessages`. */
    resetsThroughOutbox?: boolean;
    /** Serves these modules instead of the running system's (their pending migrations are applied first). */
    registry?: ModuleRegistry;
    /** false: in production, the administrator has no second factor yet (and may only set one up). */
    administratorSecondFactor?: boolean;
    /** Express's `trust proxy` (`TRUST_PROXY`): with it, `client(cookie, { 'x-forwarded-for': … })` calls from that address. */
    trustProxy?: string;
    /** Serves the built portal, as `npm start` does; `manifest` replaces PORTAL_MANIFEST. */
    portal?: { dir?: string; manifest?: string };
    /** The API's logger (at `trace` it gets every SQL statement); unset: silent unless TEST_LOG_LEVEL says otherwise. */
    logger?: Logger;
    /** The keys of personal identity numbers; unset: the test key. */
    identityNumberKeys?: IdentityNumberKeyring;
    /** The caller cache's TTL and size (false: no cache); unset: the API's defaults. */
    callerCache?: CallerCacheSettings | false;
  } = {},
) {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const logger = options.logger ?? pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const orm = await MikroORM.init(
    ormConfig({ clientUrl: databaseUrl, logger, poolMax: 10, ...(options.registry ? { registry: options.registry } : {}) }),
  );
  if (options.registry) await migrate(orm);
  const resetMessages: PasswordResetMessage[] = [];
  const app = await createApp({
    orm,
    logger,
    exposeQueryCount: true,
    ...(options.registry ? { registry: options.registry } : {}),
    production: options.production ?? false,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    ...(options.identityNumberKeys ? { identityNumberKeys: options.identityNumberKeys } : {}),
    ...(options.callerCache !== undefined ? { callerCache: options.callerCache } : {}),
    // Tests sign in from one address many times: only the per-address limit is raised.
    throttle: { ...DEFAULT_THROTTLE, maxFailuresPerAddress: 1000, ...options.throttle },
    resetThrottle: { ...DEFAULT_RESET_THROTTLE, perClientPerHour: 1000, ...options.resetThrottle },
    sessions: { ...DEFAULT_SESSION_SETTINGS, ...options.sessions },
    ...(options.portal
      ? {
          portal: {
            dir: options.portal.dir ?? DEFAULT_PORTAL_DIR,
            manifest: portalManifest(options.portal.dir ?? DEFAULT_PORTAL_DIR, options.portal.manifest),
          },
        }
      : {}),
    ...(options.resetsThroughOutbox
      ? {}
      : { passwordResetNotifier: { send: async (message) => void (message.created && resetMessages.push(message)) } }),
  });
  const running = await app.listen(0, '127.0.0.1');
  const notifications = new NotificationWorker({
    orm,
    logger,
    transport: options.smtpUrl
      ? smtpTransport(options.smtpUrl, 'Evikomp test <no-reply@evikomp.test>')
      : logTransport(logger, { production: false }),
    ...options.notificationWorker,
  });
  if (options.notificationWorker) notifications.start();

  /** A client with this session cookie (null: anonymous), sending these headers with every request. */
  function client(cookie: string | null, headers: Record<string, string> = {}): GraphQLClient {
    return async (query, variables) => {
      const response = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers, ...(cookie ? { cookie: `${SESSION_COOKIE}=${cookie}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse, 'status' | 'sqlStatements' | 'callerLookedUp' | 'setCookie'>;
      const setCookie = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
      return {
        ...body,
        status: response.status,
        sqlStatements: Number(response.headers.get('x-sql-statements') ?? NaN),
        callerLookedUp: response.headers.get('x-caller-looked-up') === '1',
        setCookie: setCookie === undefined ? null : decodeURIComponent(setCookie.slice(SESSION_COOKIE.length + 1).split(';')[0]!),
      } as GraphQLResponse<any>;
    };
  }

  const anonymous = client(null);

  async function stop(): Promise<void> {
    await running.stop();
    await notifications.stop();
    await orm.close();
  }

  /** Signs in through the API; the client carries the session cookie. */
  async function signIn(email: string, password: string = TEST_PASSWORD): Promise<GraphQLClient> {
    const response = await anonymous(`mutation($input: SignInInput!) { signIn(input: $input) { me { id } errors { code message } } }`, {
      input: { email, password },
    });
    if (!response.setCookie) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(response.data ?? response.errors)}`);
    return client(response.setCookie);
  }

  /** Gives a person (by global id) a password, as an administrator would when creating accounts. */
  async function createAccount(personId: string, password: string = TEST_PASSWORD): Promise<void> {
    await orm.em
      .getConnection()
      .execute('insert into account (person_id, password_hash) values (?, ?)', [rowId(personId), await hashPassword(password)]);
  }

  // The administrator every test starts as.
  if (options.withAdministrator === false) {
    return {
      url: running.url,
      databaseUrl,
      orm,
      graphql: anonymous,
      anonymous,
      client,
      signIn,
      createAccount,
      resetMessages,
      notifications,
      administrator: null,
      sessionCookie: null,
      stop,
    };
  }
  const connection = orm.em.getConnection();
  const [organisationId, personId] = [randomUUID(), randomUUID()];
  await connection.execute(
    `insert into organisation (id, name, kind, organisation_number) values (?, 'Testadministrationen', 'OTHER', '559999-0008')`,
    [organisationId],
  );
  await connection.execute(
    `insert into person (id, first_name, last_name, email, home_organisation_id) values (?, 'Test', 'Administratör', ?, ?)`,
    [personId, TEST_ADMINISTRATOR_EMAIL, organisationId],
  );
  await connection.execute(`insert into role_assignment (id, person_id, role, starts_on) values (?, ?, 'ADMINISTRATOR', '2000-01-01')`, [
    randomUUID(),
    personId,
  ]);
  await createAccount(globalId('Person', personId));
  const sessionCookie = (
    await anonymous(`mutation($input: SignInInput!) { signIn(input: $input) { errors { code } } }`, {
      input: { email: TEST_ADMINISTRATOR_EMAIL, password: TEST_PASSWORD },
    })
  ).setCookie!;
  const graphql = client(sessionCookie);
  // A production administrator has a second factor (they could do nothing else without one); its secret, for later sign-ins.
  let secondFactorSecret: string | null = null;
  if (options.production && options.administratorSecondFactor !== false) {
    secondFactorSecret = newTotpSecret();
    await connection.execute('insert into second_factor (person_id, sealed_secret, confirmed_at) values (?, ?, now())', [
      personId,
      sealSecret(secondFactorSecret, DEVELOPMENT_SECOND_FACTOR_KEY),
    ]);
  }

  return {
    url: running.url,
    databaseUrl,
    orm,
    graphql,
    anonymous,
    client,
    signIn,
    createAccount,
    /** Password-reset links the API sent (to people with an account), oldest first. */
    resetMessages,
    /** The outbox's worker (started only with `notificationWorker`). */
    notifications,
    administrator: { personId: globalId('Person', personId), organisationId: globalId('Organisation', organisationId), secondFactorSecret },
    /** The administrator's session token, for requests made without `graphql`. */
    sessionCookie: sessionCookie as string | null,
    stop,
  };
}

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;
