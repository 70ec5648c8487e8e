import 'reflect-metadata';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import { parse as parseCookies } from 'cookie';
import express, { type ErrorRequestHandler } from 'express';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { requestLog } from './platform/request-log.js';
import { ANONYMOUS } from './platform/access/actor.js';
import { createRequestContext, type RequestContext } from './platform/context.js';
import { todayInSweden } from './platform/swedish-time.js';
import { formatError, serviceUnavailablePlugin } from './platform/errors/format-error.js';
import { DATABASE_UNAVAILABLE_MESSAGE, isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './platform/database/unavailable.js';
import type { Logger } from './platform/logger.js';
import { QueryCounter, runCountingQueries } from './platform/database/query-counter.js';
import { pendingMigrations } from './platform/database/migrate.js';
import { buildApiSchema } from './schema/build-schema.js';
import { defaultRegistry } from './composition.js';
import type { ModuleRegistry } from './platform/module/registry.js';
import type { RouteDependencies } from './platform/module/module-definition.js';
import { auditRecorder } from './modules/audit/audit-trail.js';
import { callerPlugin, resolveCaller } from './modules/auth/caller.plugin.js';
import {
  DEFAULT_SESSION_SETTINGS,
  outboxPasswordResetNotifier,
  type AuthDependencies,
  type PasswordResetNotifier,
  type SessionSettings,
} from './modules/auth/auth.service.js';
import { DEFAULT_THROTTLE, SignInThrottle, type ThrottleSettings } from './modules/auth/sign-in-throttle.js';
import { DEVELOPMENT_SECOND_FACTOR_KEY } from './modules/auth/totp.js';
import { TEST_IDENTITY_NUMBER_KEYRING, type IdentityNumberKeyring } from './modules/identity-number/identity-number-keys.js';
import { DEFAULT_RESET_THROTTLE, PasswordResetThrottle, type ResetThrottleSettings } from './modules/auth/password-reset-throttle.js';
import { ApiClientRateLimits } from './modules/api-client/api-client.service.js';
import { portalRouter, withoutLinkToken, type PortalOptions } from './portal-static.js';
import { portalLinks } from './modules/notification/portal-links.js';
import { CallerCache, CallerChangeListener, DEFAULT_CALLER_CACHE_SETTINGS, type CallerCacheSettings } from './modules/auth/caller-cache.js';

export interface AppOptions {
  orm: MikroORM;
  logger: Logger;
  /** Adds `x-sql-statements` to responses (benchmarks, tests); off in production. */
  exposeQueryCount?: boolean;
  /** Production: Secure cookies, no introspection for anonymous callers. */
  production?: boolean;
  throttle?: ThrottleSettings;
  /** How many password-reset links an address, and a client, may ask for an hour. */
  resetThrottle?: ResetThrottleSettings;
  sessions?: SessionSettings;
  passwordResetNotifier?: PasswordResetNotifier;
  /**
   * Where the API and portal are reached from outside (`PUBLIC_URL`), for URLs it hands out. Unset: calendar
   * feeds use the request's protocol and host; links in e-mails (never a request's Host header) the address it listens on.
   */
  publicUrl?: string;
  /** Express's `trust proxy` setting (`TRUST_PROXY`). */
  trustProxy?: string;
  /** The key second-factor secrets are sealed with (`SECOND_FACTOR_KEY`); unset: a development key. */
  secondFactorKey?: Buffer;
  /** The keys personal identity numbers are sealed with (`IDENTITY_NUMBER_KEY`, while rotating also the previous one); unset: a test key. */
  identityNumberKeys?: IdentityNumberKeyring;
  /** Years an erased person's attested learning hours are kept (`LEARNING_EVIDENCE_RETENTION_YEARS`); unset: 10. */
  learningEvidenceRetentionYears?: number;
  /** The modules to serve; the running system's by default. */
  registry?: ModuleRegistry;
  /** Serves the built portal at `/` (shell), `/mf/<name>/` and `/portal-manifest.json`; unset: no portal. */
  portal?: PortalOptions;
  /** How long and how many callers are kept per session or API key; false: none (every request looks its caller up). */
  callerCache?: CallerCacheSettings | false;
}

export const SESSION_COOKIE = 'evikomp_session';

/**
 * Limits every operation must stay within (OWASP GraphQL cheat sheet; enforced by graphql-armor and
 * Apollo's parser before anything runs). The deepest query the portal and the benchmarks use is 10.
 * Cost counts objects an answer may hold: each object 1, multiplied by the `first` of its lists; so
 * 50 organisations × 50 workplaces with their managers (about 13,000) pass, 100 × 100 do not.
 */
export const QUERY_LIMITS = { maxDepth: 12, maxCost: 50_000, maxAliases: 15, maxDirectives: 50, maxTokens: 2000 } as const;

export interface RunningApp {
  server: Server;
  url: string;
  stop(): Promise<void>;
}

/** The HTTP application: /graphql, /calendar/:token.ics, /healthz, /readyz. */
export async function createApp(options: AppOptions) {
  const { orm, logger } = options;
  const app = express();
  const redactUrl = (url: string) =>
    (options.registry ?? defaultRegistry).routes.reduce((shown, route) => route.redactUrl?.(shown) ?? shown, withoutLinkToken(url));
  app.disable('x-powered-by');
  // Behind a reverse proxy, set TRUST_PROXY so that the client's address (for sign-in throttling) is right.
  app.set('trust proxy', options.trustProxy ?? false);
  const registry = options.registry ?? defaultRegistry;
  const audit = auditRecorder(registry);
  const httpServer = createServer(app);

  const production = options.production ?? false;
  // Caches only while its listener is connected: from listen() on.
  const callerCache = options.callerCache === false ? null : new CallerCache(options.callerCache ?? DEFAULT_CALLER_CACHE_SETTINGS);
  const callerChanges = callerCache ? new CallerChangeListener(callerCache, orm.config.getClientUrl(), logger) : null;
  // Links in e-mails: PUBLIC_URL, or (tests, tools) the address the app listens on, known once it listens.
  let linkBase = options.publicUrl ?? null;
  const links = portalLinks(() => {
    if (!linkBase) throw new Error('The portal link base is unknown: set publicUrl, or listen first.');
    return linkBase;
  });
  const auth: AuthDependencies = {
    production,
    apiClientRateLimits: new ApiClientRateLimits(orm.em.getKnex()),
    throttle: new SignInThrottle(orm.em.getKnex(), options.throttle ?? DEFAULT_THROTTLE),
    resetThrottle: new PasswordResetThrottle(orm.em.getKnex(), options.resetThrottle ?? DEFAULT_RESET_THROTTLE),
    links: { portal: (path) => links.url(path) },
    sessions: options.sessions ?? DEFAULT_SESSION_SETTINGS,
    notifier: options.passwordResetNotifier ?? outboxPasswordResetNotifier,
    ...(callerCache ? { callerCache } : {}),
  };

  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    // The cost limit is ours (it sees the variables): see estimateObjects.
    costLimit: { enabled: false },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: true },
  }).protect();

  const apollo = new ApolloServer<RequestContext>({
    schema: await buildApiSchema(registry),
    formatError: formatError(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    validationRules: armor.validationRules,
    allowBatchedHttpRequests: false,
    // Apollo's own token limit: graphql-armor's turns a syntax error into HTTP 500 on Apollo 5.
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginCacheControlDisabled(),
      serviceUnavailablePlugin(),
      callerPlugin({ anonymousIntrospection: !production, maxObjects: QUERY_LIMITS.maxCost }),
      // graphql-armor is typed against the CommonJS build of @apollo/server; the objects are the same.
      ...(armor.plugins as unknown as ApolloServerPlugin<RequestContext>[]),
    ],
  });
  await apollo.start();

  app.use(requestLog({ logger, redactUrl, ignore: (req) => req.url === '/healthz' || req.url === '/readyz' }));

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  app.get('/readyz', async (_req, res) => {
    try {
      await orm.em.fork().getConnection().execute('select 1');
      const pending = await pendingMigrations(orm);
      if (pending.length > 0) {
        res.status(503).json({ status: 'migrations pending', pending });
        return;
      }
      res.json({ status: 'ready' });
    } catch (error) {
      logger.warn({ err: error }, 'readiness check failed');
      res.status(503).json({ status: 'database unreachable' });
    }
  });

  /** One request's context, as the caller is before the credentials are looked at (anonymous). */
  const requestContextOf = (req: express.Request, res: express.Response): RequestContext => {
    const today = todayInSweden();
    const token = parseCookies(req.headers.cookie ?? '')[SESSION_COOKIE];
    const cookieOptions = { httpOnly: true, sameSite: 'lax', secure: production, path: '/' } as const;
    return createRequestContext({
      // Forked on first use: the fork costs on every request, and one answered from the caller cache reads nothing.
      em: () => orm.em.fork(),
      actor: ANONYMOUS,
      today,
      requestId: String(req.id),
      logger: () => req.log,
      registry,
      audit,
      dependencies: {
        auth,
        secondFactor: { key: options.secondFactorKey ?? DEVELOPMENT_SECOND_FACTOR_KEY },
        identityNumberKeys: options.identityNumberKeys ?? TEST_IDENTITY_NUMBER_KEYRING,
        learningEvidenceRetentionYears: options.learningEvidenceRetentionYears ?? 10,
        portalLinks: links,
      },
      http: {
        address: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        sessionToken: token ?? null,
        bearerToken: /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? null,
        origin: options.publicUrl ?? `${req.protocol}://${req.host}`,
        setSessionCookie: (value, expiresAt) => res.cookie(SESSION_COOKIE, value, { ...cookieOptions, expires: expiresAt }),
        clearSessionCookie: () => res.clearCookie(SESSION_COOKIE, cookieOptions),
      },
    });
  };

  const routeDependencies: RouteDependencies = {
    requestContext: async (req, res) => {
      const ctx = requestContextOf(req, res);
      await resolveCaller(ctx);
      return ctx;
    },
  };
  for (const route of registry.routes) app.use(route.path, route.router(orm, routeDependencies));

  // GraphQL answers POSTs, which no cache keeps: its own sub-app, so that express does not hash every answer
  // into an ETag (the calendar feeds keep theirs, for their 304s).
  const graphqlApp = express();
  graphqlApp.disable('x-powered-by');
  graphqlApp.set('etag', false);
  app.use('/graphql', graphqlApp);
  graphqlApp.use(
    express.json({ limit: '1mb' }),
    // Counting starts after the body is read: stream callbacks would run outside this async context. Only
    // where the count is shown (tests, benchmarks): the AsyncLocalStorage behind it costs on every promise.
    (req, res, next) => {
      if (!options.exposeQueryCount) return next();
      const counter = new QueryCounter();
      const writeHead = res.writeHead.bind(res);
      res.writeHead = ((...args: Parameters<typeof res.writeHead>) => {
        if (!res.headersSent) {
          res.setHeader('x-sql-statements', String(counter.count));
          // How long the request held a row lock it took (a registration's offering), for the registration storm.
          if (counter.lockHeldMs !== null) res.setHeader('x-lock-held-ms', counter.lockHeldMs.toFixed(3));
          // The caller was read from the database, not the caller cache: the count is not a steady-state request's.
          if (counter.callerLookedUp) res.setHeader('x-caller-looked-up', '1');
        }
        return writeHead(...args);
      }) as typeof res.writeHead;
      runCountingQueries(counter, () => next());
    },
    expressMiddleware(apollo, { context: async ({ req, res }) => requestContextOf(req, res) }),
  );

  // After the API's own paths: the portal's history-mode fallback never shadows them.
  const portal = options.portal ? portalRouter(options.portal) : null;
  if (portal) app.use(portal);
  else if (options.portal) logger.warn({ dir: options.portal.dir }, 'the portal is not built: / answers 404 (run the portal build)');

  // Last: errors outside GraphQL (a malformed JSON body, a bad escape in a path) answer without internals.
  const failed: ErrorRequestHandler = (error, req, res, _next) => {
    if (isDatabaseUnavailable(error) && !res.headersSent) {
      req.log.warn({ err: error }, 'database unavailable');
      res.status(503).setHeader('retry-after', String(RETRY_AFTER_SECONDS)).json({ error: DATABASE_UNAVAILABLE_MESSAGE });
      return;
    }
    const status = typeof error?.status === 'number' && error.status >= 400 && error.status < 600 ? error.status : 500;
    if (status >= 500) req.log.error({ err: error }, 'request failed');
    if (res.headersSent) return void res.end();
    res.status(status).json({
      error: status < 500 && error.expose === true ? String(error.message) : status < 500 ? 'Bad request' : 'Internal server error',
    });
  };
  app.use(failed);

  return {
    app,
    httpServer,
    async listen(port: number, host?: string): Promise<RunningApp> {
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve());
      });
      await callerChanges?.start();
      const address = httpServer.address() as AddressInfo;
      const shownHost = host && host !== '0.0.0.0' && host !== '::' ? host : 'localhost';
      linkBase ??= `http://${shownHost}:${address.port}`;
      return {
        server: httpServer,
        url: `http://${shownHost}:${address.port}`,
        stop: async () => {
          await apollo.stop();
          await callerChanges?.stop();
          if (httpServer.listening) await new Promise<void>((resolve) => httpServer.close(() => resolve()));
        },
      };
    },
  };
}
