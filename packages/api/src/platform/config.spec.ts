import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

const KEY = Buffer.alloc(32, 7).toString('base64');
/** What production needs set, all of it. */
const PRODUCTION = {
  NODE_ENV: 'production',
  SMTP_URL: 'smtp://mail:587',
  PUBLIC_URL: 'https://evikomp.example.se',
  SECOND_FACTOR_KEY: KEY,
  IDENTITY_NUMBER_KEY: KEY,
};

describe('loadConfig', () => {
  it('has defaults that start everything without configuration', () => {
    expect(loadConfig({})).toEqual({
      port: 4000,
      host: '127.0.0.1',
      databaseUrl: undefined,
      nodeEnv: 'development',
      logLevel: 'info',
      dataDir: undefined,
      embeddedDbPort: 54329,
      seedDemoData: true,
      jobsIntervalMs: 30_000,
      reminderDaysBefore: 3,
      learningEvidenceRetentionYears: 10,
      smtpUrl: undefined,
      smtpFrom: 'Evikomp <no-reply@evikomp.se>',
      notificationPollMs: 5000,
      publicUrl: 'http://localhost:4000',
      portalManifest: undefined,
      portalDir: undefined,
      exposeSqlStatements: true,
    });
  });

  it('counts and shows SQL statements in production only when a benchmark asks (EXPOSE_SQL_STATEMENTS)', () => {
    expect(loadConfig(PRODUCTION).exposeSqlStatements).toBe(false);
    expect(loadConfig({ ...PRODUCTION, EXPOSE_SQL_STATEMENTS: 'false' }).exposeSqlStatements).toBe(false);
    expect(loadConfig({ ...PRODUCTION, EXPOSE_SQL_STATEMENTS: 'true' }).exposeSqlStatements).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).exposeSqlStatements).toBe(true);
    expect(() => loadConfig({ ...PRODUCTION, EXPOSE_SQL_STATEMENTS: 'yes' })).toThrow(/EXPOSE_SQL_STATEMENTS/);
    // It changes nothing production refuses: every missing setting is still refused.
    for (const missing of ['SMTP_URL', 'PUBLIC_URL', 'SECOND_FACTOR_KEY', 'IDENTITY_NUMBER_KEY'] as const) {
      expect(() => loadConfig({ ...PRODUCTION, EXPOSE_SQL_STATEMENTS: 'true', [missing]: undefined })).toThrow(
        new RegExp(`${missing}: must be set in production`),
      );
    }
  });

  it('listens on loopback outside production and on every interface in production, unless HOST says otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).host).toBe('127.0.0.1');
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
    expect(loadConfig(PRODUCTION).host).toBeUndefined();
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ ...PRODUCTION, HOST: '10.0.0.5' }).host).toBe('10.0.0.5');
  });

  it('reads the public URL without a trailing slash and refuses one that is not http(s)', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://evikomp.example.se/' }).publicUrl).toBe('https://evikomp.example.se');
    expect(loadConfig({ PORT: '4123' }).publicUrl).toBe('http://localhost:4123');
    expect(() => loadConfig({ PUBLIC_URL: 'evikomp.example.se' })).toThrow(/PUBLIC_URL: must be an http/);
  });

  it('reads every variable', () => {
    expect(
      loadConfig({
        PORT: '8080',
        DATABASE_URL: 'postgres://u:p@db:5432/evikomp',
        NODE_ENV: 'production',
        LOG_LEVEL: 'warn',
        SEED_DEMO_DATA: 'false',
        SMTP_URL: 'smtp://mail:587',
        SECOND_FACTOR_KEY: KEY,
        IDENTITY_NUMBER_KEY: KEY,
        IDENTITY_NUMBER_KEY_PREVIOUS: Buffer.alloc(32, 8).toString('base64'),
        PUBLIC_URL: 'https://evikomp.example.se',
      }),
    ).toMatchObject({
      identityNumberKey: Buffer.alloc(32, 7),
      identityNumberKeyPrevious: Buffer.alloc(32, 8),
      port: 8080,
      databaseUrl: 'postgres://u:p@db:5432/evikomp',
      nodeEnv: 'production',
      logLevel: 'warn',
      seedDemoData: false,
      smtpUrl: 'smtp://mail:587',
    });
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://evikomp.example.se' })).toThrow(
      /SMTP_URL: must be set in production/,
    );
  });

  it('refuses to start production without PUBLIC_URL, saying what to set and why', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', SMTP_URL: 'smtp://mail:587' })).toThrow(
      /PUBLIC_URL: must be set in production to where people reach the portal, e\.g\. https:\/\/evikomp\.example\.se \(the links in invitation and password-reset e-mails/,
    );
  });

  it('reads the second-factor key: 32 bytes in base64, required in production', () => {
    expect(loadConfig({ SECOND_FACTOR_KEY: KEY }).secondFactorKey).toEqual(Buffer.alloc(32, 7));
    expect(loadConfig({}).secondFactorKey).toBeUndefined();
    expect(() => loadConfig({ SECOND_FACTOR_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/SECOND_FACTOR_KEY: must be 32 bytes/);
    expect(() => loadConfig({ ...PRODUCTION, SECOND_FACTOR_KEY: undefined })).toThrow(/SECOND_FACTOR_KEY: must be set in production/);
    expect(() => loadConfig({ ...PRODUCTION, IDENTITY_NUMBER_KEY: undefined })).toThrow(/IDENTITY_NUMBER_KEY: must be set in production/);
  });

  it('reads the e-mail settings and refuses a mail server URL that is not SMTP', () => {
    expect(
      loadConfig({ SMTP_URL: 'smtps://u:p@mail.example.se:465', SMTP_FROM: 'Evikomp <noreply@example.se>', NOTIFICATION_POLL_MS: '250' }),
    ).toMatchObject({
      smtpUrl: 'smtps://u:p@mail.example.se:465',
      smtpFrom: 'Evikomp <noreply@example.se>',
      notificationPollMs: 250,
    });
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.se' })).toThrow(/SMTP_URL: must be an smtp/);
  });

  it('reads the reminder lead time and refuses a negative one', () => {
    expect(loadConfig({ REMINDER_DAYS_BEFORE: '7' })).toMatchObject({ reminderDaysBefore: 7 });
    expect(loadConfig({ LEARNING_EVIDENCE_RETENTION_YEARS: '7' })).toMatchObject({ learningEvidenceRetentionYears: 7 });
    expect(() => loadConfig({ REMINDER_DAYS_BEFORE: '-1' })).toThrow(/REMINDER_DAYS_BEFORE/);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ databaseUrl: undefined, port: 4000 });
  });

  it('names each bad variable and why', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', NODE_ENV: 'staging' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ URL/m);
    expect(problems).toMatch(/^LOG_LEVEL: /m);
    expect(problems).toMatch(/^NODE_ENV: /m);
  });

  it('refuses a port out of range', () => {
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
  });
});
