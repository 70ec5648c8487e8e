// Runs the pinned pnpm without requiring it to be installed: a new machine has only Node and npm.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const rootPackage = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const pinned = rootPackage.packageManager; // e.g. "pnpm@10.34.9"

const installedVersion = () => {
  const probe = spawnSync('pnpm', ['--version'], { encoding: 'utf8', shell: process.platform === 'win32' });
  return probe.status === 0 ? probe.stdout.trim() : null;
};

const args = process.argv.slice(2);
const [command, commandArgs] = installedVersion() === pinned.split('@')[1] ? ['pnpm', args] : ['npx', ['--yes', pinned, ...args]];

const run = spawnSync(command, commandArgs, { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(run.status ?? 1);
