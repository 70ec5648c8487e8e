import 'reflect-metadata';
import './provided-context.js';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { pino } from 'pino';
import { inject } from 'vitest';
import { createApp } from '../app.js';
import { ensureDatabase } from '../database/embedded-postgres.js';
import { ormConfig } from '../database/orm-config.js';

export interface GraphQLResponse<TData = Record<string, any>> {
  status: number;
  data?: TData;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
  /** SQL statements the request made. */
  sqlStatements: number;
}

/** A fresh database cloned from the migrated template; one per test file. */
export async function createTestDatabase(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  await ensureDatabase(adminUrl, name, inject('templateDatabase'));
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

export { freePort } from '../common/free-port.js';

/** The real API over real HTTP on a free port, on its own database. */
export async function startTestApi(options: { databaseUrl?: string } = {}) {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase());
  const logger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const orm = await MikroORM.init(ormConfig({ clientUrl: databaseUrl, logger, poolMax: 10 }));
  const app = await createApp({ orm, logger, exposeQueryCount: true });
  const running = await app.listen(0, '127.0.0.1');

  async function graphql<TData = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<TData>> {
    const response = await fetch(`${running.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<TData>, 'status' | 'sqlStatements'>;
    return { ...body, status: response.status, sqlStatements: Number(response.headers.get('x-sql-statements') ?? NaN) };
  }

  return {
    url: running.url,
    databaseUrl,
    orm,
    graphql,
    async stop() {
      await running.stop();
      await orm.close();
    },
  };
}

export type TestApi = Awaited<ReturnType<typeof startTestApi>>;
