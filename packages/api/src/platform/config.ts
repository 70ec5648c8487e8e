import { z } from 'zod';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** The address the HTTP server listens on; unset: loopback (127.0.0.1) outside production, every interface in production. */
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
  /** Where the embedded PostgreSQL keeps its data when DATABASE_URL is not set. */
  DATA_DIR: z.string().min(1).optional(),
  /** Port of the embedded PostgreSQL (5432 is avoided so it never collides with a local server). */
  EMBEDDED_DB_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** Load the demo dataset when the database is empty. */
  SEED_DEMO_DATA: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  /** How often scheduled work runs (lapsing offers, releasing reserved places). */
  JOBS_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(30_000),
  /** Days before each session that confirmed participants get a reminder; 0: none. */
  REMINDER_DAYS_BEFORE: z.coerce.number().int().min(0).max(60).default(3),
  /** Years the attested learning hours of an erased person are kept for the funder's audit (identity removed), then purged. */
  LEARNING_EVIDENCE_RETENTION_YEARS: z.coerce.number().int().min(1).max(50).default(10),
  /** Where e-mail notifications go, e.g. smtp://user:password@host:587 or smtps://…; unset: to the log. */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  /** The sender of e-mail notifications. */
  SMTP_FROM: z.string().min(3).default('Evikomp <no-reply@evikomp.se>'),
  /** How often the notification worker looks for messages to send. */
  NOTIFICATION_POLL_MS: z.coerce.number().int().min(10).default(5000),
  /** Where the portal and API are reached from outside, for URLs they hand out (e-mailed links, calendar feeds); required in production. */
  PUBLIC_URL: z
    .string()
    .regex(/^https?:\/\/[^/?#]+(\/[^?#]*)?$/, 'must be an http:// or https:// URL without query or fragment')
    .transform((value) => value.replace(/\/+$/, ''))
    .optional(),
  /** Express's `trust proxy` behind a reverse proxy (e.g. `loopback`, `1`), so sign-in throttling sees the client's address. */
  TRUST_PROXY: z.string().min(1).optional(),
  /** The AES-256 key second-factor secrets are sealed with: 32 bytes, base64. Required in production. */
  SECOND_FACTOR_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)')
    .optional(),
  /** The AES-256 key personal identity numbers are sealed (and their lookup hash keyed) with: 32 bytes, base64. Required in production; outside production generated into the data folder. */
  IDENTITY_NUMBER_KEY: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64 (e.g. `openssl rand -base64 32`)')
    .optional(),
  /** While rotating: the key IDENTITY_NUMBER_KEY replaces; start-up re-encrypts every number sealed with it. */
  IDENTITY_NUMBER_KEY_PREVIOUS: z
    .string()
    .refine((value) => Buffer.from(value, 'base64').length === 32, 'must be 32 bytes in base64: the key IDENTITY_NUMBER_KEY replaces')
    .optional(),
  /**
   * Benchmarks only: count every SQL statement of a request and show the count (`x-sql-statements`) and a
   * registration's lock hold time (`x-lock-held-ms`) in production too, where they are off. Counting costs a
   * little per statement. Outside production they are always shown.
   */
  EXPOSE_SQL_STATEMENTS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((value) => value === 'true'),
  /** Where the portal's microfrontends are: inline JSON or the path of a JSON file, `{"remotes": {"directory": "https://…/remoteEntry.js"}}`; unset: each built one at /mf/<name>/. */
  PORTAL_MANIFEST: z.string().min(2).optional(),
  /** The folder holding the built portal (shell/dist, <microfrontend>/dist); unset: packages/portal. */
  PORTAL_DIR: z.string().min(1).optional(),
});

export type AppConfig = {
  port: number;
  /** undefined: every interface. */
  host: string | undefined;
  databaseUrl: string | undefined;
  nodeEnv: 'development' | 'production' | 'test';
  logLevel: (typeof LOG_LEVELS)[number];
  dataDir: string | undefined;
  embeddedDbPort: number;
  seedDemoData: boolean;
  jobsIntervalMs: number;
  reminderDaysBefore: number;
  learningEvidenceRetentionYears: number;
  smtpUrl: string | undefined;
  smtpFrom: string;
  notificationPollMs: number;
  /** `PUBLIC_URL`; outside production `http://localhost:<PORT>` when unset. */
  publicUrl: string;
  trustProxy: string | undefined;
  secondFactorKey: Buffer | undefined;
  /** undefined outside production: the server generates one into the data folder. */
  identityNumberKey: Buffer | undefined;
  identityNumberKeyPrevious: Buffer | undefined;
  portalManifest: string | undefined;
  portalDir: string | undefined;
  /** Whether statements are counted and shown on responses: outside production always, in production with `EXPOSE_SQL_STATEMENTS=true`. */
  exposeSqlStatements: boolean;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration once; throws a ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  // An empty variable counts as unset, as shells and .env files commonly leave them.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = configSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`));
  }
  const values = parsed.data;
  if (values.NODE_ENV === 'production') {
    const missing: string[] = [];
    // Without a mail server, production would mark messages (password resets among them) sent to a log nobody reads.
    if (!values.SMTP_URL) missing.push('SMTP_URL: must be set in production (e-mail notifications and password resets go out through it)');
    // Links in e-mails are never built from a request's Host header, which whoever asks for a reset link chooses.
    if (!values.PUBLIC_URL)
      missing.push(
        'PUBLIC_URL: must be set in production to where people reach the portal, e.g. https://evikomp.example.se (the links in invitation and password-reset e-mails and the calendar feed URLs are built from it)',
      );
    if (!values.SECOND_FACTOR_KEY) missing.push('SECOND_FACTOR_KEY: must be set in production (second-factor secrets are sealed with it)');
    if (!values.IDENTITY_NUMBER_KEY)
      missing.push(
        'IDENTITY_NUMBER_KEY: must be set in production to a key of 32 random bytes in base64, e.g. from `openssl rand -base64 32` (personal identity numbers are encrypted with it; keep it apart from the database backups)',
      );
    if (missing.length > 0) throw new ConfigError(missing);
  }
  if (values.IDENTITY_NUMBER_KEY_PREVIOUS && !values.IDENTITY_NUMBER_KEY) {
    throw new ConfigError([
      'IDENTITY_NUMBER_KEY_PREVIOUS: is the key being replaced, so IDENTITY_NUMBER_KEY must be set to the new one (see docs/operations.md, rotating the key)',
    ]);
  }
  return {
    port: values.PORT,
    // Outside production the demo accounts' published password works: reachable from this machine only, unless HOST says otherwise.
    host: values.HOST ?? (values.NODE_ENV === 'production' ? undefined : '127.0.0.1'),
    databaseUrl: values.DATABASE_URL,
    nodeEnv: values.NODE_ENV,
    logLevel: values.LOG_LEVEL,
    dataDir: values.DATA_DIR,
    embeddedDbPort: values.EMBEDDED_DB_PORT,
    seedDemoData: values.SEED_DEMO_DATA,
    jobsIntervalMs: values.JOBS_INTERVAL_MS,
    reminderDaysBefore: values.REMINDER_DAYS_BEFORE,
    learningEvidenceRetentionYears: values.LEARNING_EVIDENCE_RETENTION_YEARS,
    smtpUrl: values.SMTP_URL,
    smtpFrom: values.SMTP_FROM,
    notificationPollMs: values.NOTIFICATION_POLL_MS,
    publicUrl: values.PUBLIC_URL ?? `http://localhost:${values.PORT}`,
    trustProxy: values.TRUST_PROXY,
    secondFactorKey: values.SECOND_FACTOR_KEY ? Buffer.from(values.SECOND_FACTOR_KEY, 'base64') : undefined,
    identityNumberKey: values.IDENTITY_NUMBER_KEY ? Buffer.from(values.IDENTITY_NUMBER_KEY, 'base64') : undefined,
    identityNumberKeyPrevious: values.IDENTITY_NUMBER_KEY_PREVIOUS ? Buffer.from(values.IDENTITY_NUMBER_KEY_PREVIOUS, 'base64') : undefined,
    portalManifest: values.PORTAL_MANIFEST,
    portalDir: values.PORTAL_DIR,
    exposeSqlStatements: values.NODE_ENV !== 'production' || values.EXPOSE_SQL_STATEMENTS,
  };
}
