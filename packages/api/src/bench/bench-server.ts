import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { developmentIdentityNumberKey } from '../modules/identity-number/identity-number-keys.js';
import { DEFAULT_DATA_DIR } from '../server.js';
import { startSmtpSink } from './smtp-sink.js';

export interface BenchServer {
  url: string;
  pid: number;
  /** Peak resident set size of the server process so far, in MB; null where /proc is not available. */
  peakRssMb(): number | null;
  /** Current resident set size, in MB; null where /proc is not available. */
  rssMb(): number | null;
  /** Samples the resident set size until the returned function is called, which gives the highest sample in MB. */
  sampleRss(): () => number | null;
  /** CPU time (user + system) the server process has used so far, in seconds; null where /proc is not available. */
  cpuSeconds(): number | null;
  /** Waits until the server uses (almost) no CPU, so requests abandoned by a previous load do not skew the next. */
  waitUntilIdle(): Promise<void>;
  /** The server's last lines of output (it logs at warn level). */
  recentOutput(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 60_000;
const OUTPUT_LINES_KEPT = 40;
/** USER_HZ: 100 on every Linux architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/** Reads a `kB` field (VmRSS, VmHWM) of /proc/<pid>/status, in MB. */
function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM'): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match?.[1] ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) of a process in clock ticks, from /proc/<pid>/stat; null where unavailable. */
function cpuTicks(pid: number): number | null {
  if (process.platform !== 'linux') return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

async function waitUntilIdle(pid: number): Promise<void> {
  const window = 300;
  const deadline = Date.now() + 60_000;
  let before = cpuTicks(pid);
  if (before === null) {
    await sleep(2_000);
    return;
  }
  while (Date.now() < deadline) {
    await sleep(window);
    const now = cpuTicks(pid);
    if (now === null) return;
    // At most ~3 ticks (30 ms at the usual 100 Hz) in the window: the server is no longer working on requests.
    if (now - before <= 3) return;
    before = now;
  }
}

function sampleRss(pid: number): () => number | null {
  let peak: number | null = procStatusMb(pid, 'VmRSS');
  const timer = setInterval(() => {
    const rss = procStatusMb(pid, 'VmRSS');
    if (rss !== null && (peak === null || rss > peak)) peak = rss;
  }, 100);
  return () => {
    clearInterval(timer);
    return peak;
  };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts the built API (`mainScript`) as its own process, so its memory is measured alone, and waits until
 * /readyz answers. It runs as production runs it (`NODE_ENV=production`, with what production requires set:
 * a mail server, the public URL and both keys), with one bench-only setting: `EXPOSE_SQL_STATEMENTS=true`,
 * so responses carry their statement count and a registration's lock hold time.
 */
export async function startBenchServer(options: {
  mainScript: string;
  databaseUrl: string;
  port: number;
  /** The Node binary to run it on; the bench's own by default. */
  nodeBinary?: string;
}): Promise<BenchServer> {
  // BENCH_CPU_PROFILE=<dir>: the API writes a V8 CPU profile there when it stops (open it in Chrome DevTools).
  const profile = process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [];
  // The notification worker delivers what the storm queues to a mail server that accepts and drops it.
  const mail = await startSmtpSink();
  // The key the API generates outside production, so identity numbers sealed by an earlier run stay readable.
  const identityNumberKey = developmentIdentityNumberKey(join(dirname(DEFAULT_DATA_DIR), 'identity-number.key'));
  try {
    const server = await startServerProcess({
      label: 'The API',
      nodeBinary: options.nodeBinary ?? process.execPath,
      args: [...profile, options.mainScript],
      port: options.port,
      env: {
        DATABASE_URL: options.databaseUrl,
        HOST: '127.0.0.1',
        PORT: String(options.port),
        PUBLIC_URL: `http://127.0.0.1:${options.port}`,
        SEED_DEMO_DATA: 'false',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
        SMTP_URL: mail.url,
        // A new key each start: the bench administrator enrols a new second factor at every sign-in of the bench.
        SECOND_FACTOR_KEY: randomBytes(32).toString('base64'),
        IDENTITY_NUMBER_KEY: identityNumberKey.toString('base64'),
        EXPOSE_SQL_STATEMENTS: 'true',
      },
    });
    return {
      ...server,
      stop: async () => {
        await server.stop();
        await mail.close();
      },
    };
  } catch (error) {
    await mail.close();
    throw error;
  }
}

/** Starts a server script on a Node binary as its own process and waits until `http://127.0.0.1:<port>/readyz` answers. */
export async function startServerProcess(options: {
  label: string;
  nodeBinary: string;
  args: string[];
  port: number;
  env: Record<string, string>;
  cwd?: string;
}): Promise<BenchServer> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(options.nodeBinary, options.args, {
    env: { ...process.env, ...options.env },
    ...(options.cwd ? { cwd: options.cwd } : {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid;
  if (pid === undefined) throw new Error(`Could not start ${options.label}`);

  // The last lines of output, shown when the server fails.
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(
      ...chunk
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    );
    output.splice(0, Math.max(0, output.length - OUTPUT_LINES_KEPT));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  const server: BenchServer = {
    url,
    pid,
    peakRssMb: () => procStatusMb(pid, 'VmHWM'),
    rssMb: () => procStatusMb(pid, 'VmRSS'),
    sampleRss: () => sampleRss(pid),
    cpuSeconds: () => {
      const ticks = cpuTicks(pid);
      return ticks === null ? null : ticks / CLOCK_TICKS_PER_SECOND;
    },
    waitUntilIdle: () => waitUntilIdle(pid),
    recentOutput: () => output.join('\n'),
    stop: () => stopChild(child),
  };

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${options.label} exited during start-up:\n${server.recentOutput()}`);
    try {
      const response = await fetch(`${url}/readyz`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  await server.stop();
  throw new Error(`${options.label} was not ready within ${READY_TIMEOUT_MS / 1000} s:\n${server.recentOutput()}`);
}
