import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const API_DIR = fileURLToPath(new URL('../../../packages/api/', import.meta.url));
const TSC = fileURLToPath(new URL('../../../node_modules/typescript/bin/tsc', import.meta.url));
const LOCK = join(API_DIR, 'dist', '.test-build-lock');
/** A lock older than this was left by a killed run. */
const STALE_MS = 10 * 60_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Builds the API into packages/api/dist, as production runs it. Test files that start the built server
 * call this at once: one of them builds, the others wait for that build instead of racing it (two builds
 * writing the same files at once on a loaded machine also take twice as long).
 */
export async function buildApiOnce(): Promise<void> {
  mkdirSync(join(API_DIR, 'dist'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      const lock = statSync(LOCK, { throwIfNoEntry: false });
      if (!lock) continue; // released meanwhile: take it
      if (Date.now() - lock.mtimeMs > STALE_MS) {
        rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      // Another file is building: wait for it, then use what it built.
      while (statSync(LOCK, { throwIfNoEntry: false })) await sleep(250);
      return;
    }
  }
  try {
    await promisify(execFile)(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: API_DIR });
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
