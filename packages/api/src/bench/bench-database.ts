import { freePort } from '../platform/free-port.js';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import type { Logger } from '../platform/logger.js';
import { ensureDatabase, startEmbeddedPostgres } from '../platform/database/embedded-postgres.js';
import { migrate } from '../platform/database/migrate.js';
import { ormConfig } from '../composition.js';
import { generateNationalDirectory } from '../seed/demo-data.js';
import { insertDirectory } from '../seed/seed-database.js';
import { hashPassword } from '../modules/auth/secrets.js';

export const BENCH_PASSWORD = 'evikomp-bench';

export const BENCH_DATABASE = 'evikomp_bench';
export const NATIONAL = { organisations: 290, workplaces: 20_000, people: 100_000 } as const;

export interface BenchDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** `BENCH_DATABASE_URL` when set, otherwise an embedded PostgreSQL in `dataDir` (kept across runs). */
export async function openBenchDatabase(dataDir: string, logger: Logger): Promise<BenchDatabase> {
  const given = process.env.BENCH_DATABASE_URL;
  if (given) return { url: given, embedded: false, stop: async () => {} };
  const port = await freePort();
  const database = await startEmbeddedPostgres({ dataDir, port, databaseName: BENCH_DATABASE, logger });
  return { url: database.url, embedded: true, stop: database.stop };
}

async function organisationCount(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ count: string }>('select count(*) as count from organisation');
    return Number(result.rows[0]?.count ?? 0);
  } catch (error) {
    if ((error as { code?: string }).code === '42P01') return 0; // no table yet
    throw error;
  } finally {
    await client.end();
  }
}

async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  } finally {
    await client.end();
  }
  await ensureDatabase(admin.toString(), name);
}

const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Loads the national dataset unless the database already holds it; returns whether it loaded. */
export async function ensureNationalDataset(
  url: string,
  logger: Logger,
): Promise<{ loaded: boolean; generateMs?: number; loadMs?: number }> {
  const existing = await organisationCount(url);
  if (existing === NATIONAL.organisations) {
    console.log(`Dataset: reusing the national dataset (${existing} organisations).`);
    return { loaded: false };
  }
  console.log(`Dataset: found ${existing} organisations; recreating the database and loading the national dataset...`);
  await recreateDatabase(url);

  let started = performance.now();
  const directory = generateNationalDirectory({ ...NATIONAL });
  const generateMs = performance.now() - started;
  console.log(
    `  generated ${directory.organisations.length} organisations, ${directory.workplaces.length} workplaces, ` +
      `${directory.people.length} people, ${directory.roleAssignments.length} role assignments in ${seconds(started)}`,
  );

  started = performance.now();
  const orm = await MikroORM.init(ormConfig({ clientUrl: url, logger }));
  try {
    await migrate(orm);
    await insertDirectory(orm, directory);
  } finally {
    await orm.close();
  }
  const loadMs = performance.now() - started;
  console.log(`  migrated, loaded and analysed in ${seconds(started)}`);
  return { loaded: true, generateMs, loadMs };
}

/**
 * Makes the first person of the dataset an administrator with a password and no second factor, so the
 * benchmark can sign in (every query needs a signed-in caller) and enrol one as the API asks in production. Migrates first: a reused database may predate the sign-in tables.
 */
export async function ensureBenchAdministrator(url: string, logger: Logger): Promise<{ email: string; password: string }> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: url, logger }));
  try {
    await migrate(orm);
    const connection = orm.em.getConnection();
    const [person] = await connection.execute<{ id: string; email: string }[]>('select id, email from person order by id limit 1');
    if (!person) throw new Error('The bench database holds no people');
    await connection.execute(
      `insert into role_assignment (id, person_id, role, starts_on)
       select gen_random_uuid(), ?, 'ADMINISTRATOR', '2000-01-01'
       where not exists (select 1 from role_assignment where person_id = ? and role = 'ADMINISTRATOR' and ends_on is null)`,
      [person.id, person.id],
    );
    await connection.execute(
      `insert into account (person_id, password_hash) values (?, ?) on conflict (person_id) do update set password_hash = excluded.password_hash`,
      [person.id, await hashPassword(BENCH_PASSWORD)],
    );
    // The API's second-factor key is new at every start: the administrator enrols again when the bench signs in.
    await connection.execute('delete from recovery_code where person_id = ?', [person.id]);
    await connection.execute('delete from second_factor where person_id = ?', [person.id]);
    return { email: person.email, password: BENCH_PASSWORD };
  } finally {
    await orm.close();
  }
}

/**
 * Marks the e-mails an earlier run's registration storm left in the outbox as sent, and says how many.
 * Otherwise the API's notification worker delivers them (a thousand or more, one transaction each) while
 * the first scenarios are measured, a load the peer never has: the bench measures requests, not mail.
 */
export async function settleBenchOutbox(url: string, logger: Logger): Promise<number> {
  const orm = await MikroORM.init(ormConfig({ clientUrl: url, logger }));
  try {
    const rows = await orm.em
      .getConnection()
      .execute<{ id: string }[]>(`update notification set status = 'SENT', sent_at = now() where status = 'PENDING' returning id`);
    return rows.length;
  } finally {
    await orm.close();
  }
}
