// Builds the shell and every microfrontend whose inputs changed since its last build (`--force`: all of them).
// Each app still builds on its own (`pnpm --filter @evikomp/portal-directory build`); this only skips what is fresh.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const portal = fileURLToPath(new URL('.', import.meta.url));
const root = join(portal, '../..');
export const APPS = ['shell', 'directory', 'training', 'networks', 'operations', 'admin', 'me'];
const SKIP = new Set(['node_modules', 'dist', 'gql']);

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// What an app's build reads: its folder, the shared package, the schema, the build setup and the locked versions.
function inputsHash(app) {
  const hash = createHash('sha256');
  const inputs = [
    ...files(join(portal, app)),
    ...files(join(portal, 'shared')),
    join(portal, 'codegen.shared.ts'),
    join(root, 'packages/schema/schema.graphql'),
    join(root, 'pnpm-lock.yaml'),
  ];
  for (const path of inputs.sort()) hash.update(relative(root, path)).update('\0').update(readFileSync(path)).update('\0');
  return hash.digest('hex');
}

const force = process.argv.includes('--force');
const only = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
for (const app of only.length ? only : APPS) {
  const stamp = join(portal, app, 'dist', '.build-inputs');
  const hash = inputsHash(app);
  if (!force && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    console.log(`portal: ${app} is up to date`);
    continue;
  }
  console.log(`portal: building ${app}`);
  const bin = (name) => join(portal, app, 'node_modules', '.bin', name);
  for (const [command, args] of [
    [bin('graphql-codegen'), ['--config', 'codegen.ts', '--silent']],
    [bin('vite'), ['build', '--logLevel', 'warn']],
  ]) {
    const run = spawnSync(command, args, { cwd: join(portal, app), stdio: 'inherit', shell: process.platform === 'win32' });
    if (run.status !== 0) process.exit(run.status ?? 1);
  }
  writeFileSync(stamp, hash);
}
