import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type Server } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, freePort } from '@evikomp/api/testing';

const API_DIR = fileURLToPath(new URL('../../packages/api/', import.meta.url));
// A build of its own (inside the ignored dist/), so that it never races another test's build of dist/.
const BUILD_DIR = 'dist/start-failures';

const workDir = mkdtempSync(join(tmpdir(), 'evikomp-start-failures-'));
chmodSync(workDir, 0o755);

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  kill(): void;
}

/** Runs the built API with `env` until it exits, or until `until` matches its output. */
function runApi(env: Record<string, string>, until?: RegExp): Promise<Run> {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const child = spawn(process.execPath, [`${BUILD_DIR}/main.js`], {
    cwd: API_DIR,
    env: { ...inherited, PORT: '0', NODE_ENV: 'test', LOG_LEVEL: 'warn', SEED_DEMO_DATA: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: Run = { code: null, stdout: '', stderr: '', kill: () => child.kill('SIGTERM') };
  return new Promise((resolve) => {
    const check = () => until && until.test(run.stdout) && resolve(run);
    child.stdout.on('data', (chunk) => ((run.stdout += String(chunk)), check()));
    child.stderr.on('data', (chunk) => (run.stderr += String(chunk)));
    child.on('exit', (code) => {
      run.code = code;
      resolve(run);
    });
  });
}

let holder: Server | undefined;
beforeAll(() => {
  execFileSync(
    process.execPath,
    [fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url)), '-p', 'tsconfig.build.json', '--outDir', BUILD_DIR],
    { cwd: API_DIR },
  );
}, 180_000);
afterAll(() => {
  holder?.close();
  rmSync(workDir, { recursive: true, force: true });
  rmSync(join(API_DIR, BUILD_DIR), { recursive: true, force: true });
});

describe('start-up failures explain themselves', () => {
  it(
    'says the embedded PostgreSQL port is taken and what to set, in one sentence without a stack trace',
    { timeout: 120_000 },
    async () => {
      const port = await freePort();
      holder = createServer().listen(port, '127.0.0.1');
      await new Promise((resolve) => holder!.once('listening', resolve));

      const run = await runApi({ DATA_DIR: join(workDir, 'postgres'), EMBEDDED_DB_PORT: String(port) });

      expect(run.code).not.toBe(0);
      const lines = run.stderr.trim().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(new RegExp(`^Evikomp API failed to start: .*port ${port}.*: .*set EMBEDDED_DB_PORT to a free port\\.$`)),
      ]);
      expect(run.stderr).not.toMatch(/undefined|\n\s+at /);
    },
  );
});

describe('where the development server listens', () => {
  it('listens on loopback only unless HOST says otherwise', { timeout: 120_000 }, async () => {
    const databaseUrl = await createTestDatabase();
    const run = await runApi({ DATABASE_URL: databaseUrl, NODE_ENV: 'development' }, /ready at (\S+)\/graphql/);
    try {
      const url = new URL(/ready at (\S+)\/graphql/.exec(run.stdout)![1]!);
      expect(url.hostname).toBe('127.0.0.1');
      expect((await fetch(`${url.origin}/healthz`)).ok).toBe(true);
      const outside = Object.values(networkInterfaces())
        .flat()
        .find((address) => address && address.family === 'IPv4' && !address.internal);
      // Another address of this machine, where a server on every interface would answer.
      if (outside) {
        const reached = await new Promise<boolean>((resolve) => {
          const socket = connect(Number(url.port), outside.address);
          socket.once('connect', () => (socket.destroy(), resolve(true)));
          socket.once('error', () => resolve(false));
        });
        expect(reached).toBe(false);
      }
    } finally {
      run.kill();
    }
  });
});
