import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '@evikomp/api/database/embedded-postgres';
import { migrate } from '@evikomp/api/platform/database/migrate';
import { freePort, openOrm, startTestApi, type GraphQLResponse, type TestApi } from '@evikomp/api/testing';
import { createOrganisation, USER_ERRORS } from '../support/factories.js';

// This file restarts a PostgreSQL of its own: the one the other test files share must keep running.
const logger = pino({ level: 'silent' });
const dataDir = join(mkdtempSync(join(tmpdir(), 'evikomp-restart-')), 'postgres');
chmodSync(join(dataDir, '..'), 0o755);
let port: number;
let database: EmbeddedDatabase;
let api: TestApi;
let organisationId: string;

const startDatabase = () => startEmbeddedPostgres({ dataDir, port, databaseName: 'restart', logger });

beforeAll(async () => {
  port = await freePort();
  database = await startDatabase();
  const orm = await openOrm(database.url);
  await migrate(orm);
  await orm.close();
  api = await startTestApi({ databaseUrl: database.url });
  organisationId = (await createOrganisation(api)).id;
}, 180_000);
afterAll(async () => {
  await api?.stop();
  await database?.stop();
  rmSync(join(dataDir, '..'), { recursive: true, force: true });
});

const CREATE_PERSON = `mutation($input: PersonCreateInput!) { personCreate(input: $input) { person { id email } ${USER_ERRORS} } }`;
const ORGANISATIONS = `{ organisations(first: 5) { totalCount } }`;

type Outcome = 'acknowledged' | 'unavailable' | 'read';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What one answer was; anything but success or a clean "try again" is unexpected. */
function outcomeOf(response: GraphQLResponse, field: string): Outcome | string {
  const body = JSON.stringify(response);
  if (/\bat .*\.(ts|js):\d+|stacktrace|ECONN|terminat/i.test(body)) return `leaked internals: ${body}`;
  const error = response.errors?.[0];
  if (error) {
    return error.extensions?.code === 'SERVICE_UNAVAILABLE' && response.status === 503 ? 'unavailable' : `unexpected error: ${body}`;
  }
  const payload = response.data?.[field] as { person?: { id: string } | null; errors?: unknown[] } | undefined;
  if (field === 'organisations') return payload ? 'read' : `no data: ${body}`;
  return payload?.person && payload.errors?.length === 0 ? 'acknowledged' : `refused: ${body}`;
}

describe('staying up while PostgreSQL restarts', () => {
  it(
    'answers "try again" during the outage, is not ready, recovers by itself and loses nothing acknowledged',
    { timeout: 180_000 },
    async () => {
      const acknowledged: string[] = [];
      const unexpected: string[] = [];
      const outcomes: { outcome: Outcome; at: number }[] = [];
      let sequence = 0;
      let running = true;

      const worker = async (index: number) => {
        while (running) {
          sequence += 1;
          const email = `restart.${index}.${sequence}@example.se`;
          const write = await api.graphql(CREATE_PERSON, {
            input: { firstName: 'Omstart', lastName: `Person${sequence}`, email, homeOrganisationId: organisationId },
          });
          const written = outcomeOf(write, 'personCreate');
          if (written === 'acknowledged') acknowledged.push(email);
          const read = outcomeOf(await api.graphql(ORGANISATIONS), 'organisations');
          for (const outcome of [written, read]) {
            if (outcome === 'acknowledged' || outcome === 'unavailable' || outcome === 'read') outcomes.push({ outcome, at: Date.now() });
            else unexpected.push(outcome);
          }
          await sleep(20);
        }
      };
      const workers = Array.from({ length: 8 }, (_, index) => worker(index));

      await sleep(1500);
      await database.stop();
      const stoppedAt = Date.now();
      await sleep(300);
      const readiness = await fetch(`${api.url}/readyz`);
      expect(readiness.status).toBe(503);
      const during = await api.graphql(CREATE_PERSON, {
        input: { firstName: 'Under', lastName: 'Avbrottet', email: 'during.outage@example.se', homeOrganisationId: organisationId },
      });
      expect(during.status).toBe(503);
      expect(during.errors?.[0]).toMatchObject({
        message: expect.stringMatching(/try again/),
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      });
      await sleep(1000);

      database = await startDatabase();
      const restartedAt = Date.now();
      for (let attempt = 0; attempt < 100 && (await fetch(`${api.url}/readyz`)).status !== 200; attempt += 1) await sleep(100);
      expect((await fetch(`${api.url}/readyz`)).status).toBe(200);
      await sleep(1500);
      running = false;
      await Promise.all(workers);

      expect(unexpected).toEqual([]);
      expect(outcomes.filter(({ outcome, at }) => outcome === 'unavailable' && at >= stoppedAt).length).toBeGreaterThan(0);
      expect(outcomes.filter(({ outcome, at }) => outcome === 'acknowledged' && at > restartedAt).length).toBeGreaterThan(0);
      expect(outcomes.filter(({ outcome, at }) => outcome === 'read' && at > restartedAt).length).toBeGreaterThan(0);

      const connection = api.orm.em.getConnection();
      const stored = new Set(
        (await connection.execute<{ email: string }[]>(`select email from person where email like 'restart.%'`)).map((row) => row.email),
      );
      expect(acknowledged.filter((email) => !stored.has(email))).toEqual([]);
      expect(acknowledged.length).toBeGreaterThan(10);
      // No half-written mutation: every person that was written has the audit entry of its creation.
      const [counted] = await connection.execute<{ unaudited: number }[]>(
        `select count(*)::int as unaudited from person p where p.email like 'restart.%'
         and not exists (select 1 from audit_entry a where a.entity_id = p.id and a.operation = 'personCreate')`,
      );
      expect(counted!.unaudited).toBe(0);
      expect(stored.has('during.outage@example.se')).toBe(false);
    },
  );
});
