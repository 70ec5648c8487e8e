import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@evikomp/api/config';
import { startServer } from '@evikomp/api/server';
import { createTestDatabase, freePort } from '@evikomp/api/testing';
import { pino } from 'pino';

const logger = pino({ level: 'silent' });
const ORGANISATIONS = `{ organisations(first: 20) { totalCount edges { node { name isPrincipal workplaces(first: 5) { totalCount } } } } }`;

async function post(url: string, body: string, cookie?: string) {
  return fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query: body }),
  });
}

/** Signs in as the demo administrator and runs the query. */
async function query(url: string, body: string) {
  const signIn = await post(
    url,
    `mutation { signIn(input: { email: "anna.lindqvist@linkoping.se", password: "evikomp-demo" }) { errors { code } } }`,
  );
  const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0];
  expect(cookie).toBeDefined();
  return (await (await post(url, body, cookie)).json()) as { data: Record<string, any> };
}

function portAcceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const workDir = mkdtempSync(join(tmpdir(), 'evikomp-start-'));
chmodSync(workDir, 0o755);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe('starting the API', () => {
  it('runs its own PostgreSQL without DATABASE_URL, seeds once, and keeps the data across restarts', { timeout: 180_000 }, async () => {
    const embeddedDbPort = await freePort();
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: join(workDir, 'postgres'),
      EMBEDDED_DB_PORT: String(embeddedDbPort),
      NODE_ENV: 'test',
    });

    const first = await startServer(config, logger);
    let firstAnswer;
    try {
      expect(first).toMatchObject({ embeddedDatabase: true, seeded: true });
      firstAnswer = (await query(first.url, ORGANISATIONS)).data.organisations;
      expect(firstAnswer.totalCount).toBe(14);
      expect(
        firstAnswer.edges
          .filter((edge: { node: { isPrincipal: boolean } }) => edge.node.isPrincipal)
          .map((edge: { node: { name: string } }) => edge.node.name),
      ).toEqual(['Linköpings kommun']);
      const workplaces = firstAnswer.edges.reduce(
        (sum: number, edge: { node: { workplaces: { totalCount: number } } }) => sum + edge.node.workplaces.totalCount,
        0,
      );
      expect(workplaces).toBeGreaterThanOrEqual(550);
      expect(workplaces).toBeLessThanOrEqual(650);
      // The demo accounts the README lists sign in.
      for (const email of [
        'anna.lindqvist@linkoping.se',
        'helena.aberg@linkoping.se',
        'susanne.mattsson@boxholm.se',
        'amira.henriksson@motala.se',
        'agneta.nyberg2@motala.se',
        'anna.bergqvist@norrkoping.se',
      ]) {
        const signIn = await post(
          first.url,
          `mutation { signIn(input: { email: "${email}", password: "evikomp-demo" }) { me { roles { role } } errors { code } } }`,
        );
        expect([email, ((await signIn.json()) as { data: { signIn: { errors: unknown[] } } }).data.signIn.errors]).toEqual([email, []]);
      }
      // Training to look at: a finished cohort where most completed, an open one, a network, an event.
      const training = (
        await query(
          first.url,
          `{ cohorts { edges { node { name status confirmedCount sessions { residential } } } }
        networks { edges { node { name members { totalCount } meetings { confirmedCount } } } } events { edges { node { name sessions { onlineUrl } } } }
        trainingStatistics(year: ${new Date().getFullYear()}) { peopleCompleted } }`,
        )
      ).data;
      expect(
        training.cohorts.edges
          .map((edge: { node: { status: string; confirmedCount: number } }) => [edge.node.status, edge.node.confirmedCount])
          .sort(),
      ).toEqual([
        ['CLOSED', 12],
        // The five earlier leader-training rounds of the dashboard's demo year (seed/demo-activity.ts).
        ...Array.from({ length: 5 }, () => ['CLOSED', 5]),
        ['OPEN', 6],
      ]);
      // Ten members of the training's network, and the 25 managers of the earlier rounds who joined it.
      expect(training.networks.edges[0].node.members.totalCount).toBe(35);
      expect(training.events.edges).toHaveLength(1);
      // A change made now must survive the restart.
      await query(
        first.url,
        `mutation { organisationCreate(input: { name: "Testorganisation", kind: OTHER, organisationNumber: "556000-0001" }) { errors { code } } }`,
      );
    } finally {
      await first.stop();
    }
    expect(await portAcceptsConnections(embeddedDbPort)).toBe(false);

    const second = await startServer(config, logger);
    try {
      expect(second).toMatchObject({ embeddedDatabase: true, seeded: false, appliedMigrations: [] });
      const secondAnswer = (await query(second.url, ORGANISATIONS)).data.organisations;
      expect(secondAnswer.totalCount).toBe(15);
    } finally {
      await second.stop();
    }
  });

  it('uses DATABASE_URL when it is set and starts no database of its own', async () => {
    const dataDir = join(workDir, 'must-not-exist');
    const config = loadConfig({ PORT: '0', DATABASE_URL: await createTestDatabase(), DATA_DIR: dataDir, NODE_ENV: 'test' });
    const server = await startServer(config, logger);
    try {
      expect(server).toMatchObject({ embeddedDatabase: false, seeded: true });
      expect((await query(server.url, ORGANISATIONS)).data.organisations.totalCount).toBe(14);
      expect(existsSync(dataDir)).toBe(false);
    } finally {
      await server.stop();
    }
  });
});
