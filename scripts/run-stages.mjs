// Runs the test command's stages one after another, prints how long each took ("stage lint: 7.9 s") and stops at
// the first failure with its exit code. `node scripts/run-stages.mjs` runs the checks and the tests (`test:all`);
// `--install` first installs the locked dependencies (`npm test`). Uses only Node's built-ins: it runs before install.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** The stages in order; each runs a script of the root package.json, or a command. */
const STAGES = [
  { name: 'install', command: 'node scripts/pnpm.mjs install --frozen-lockfile', onlyWith: '--install' },
  { name: 'typecheck', script: 'typecheck' },
  { name: 'lint', script: 'lint' },
  { name: 'format check', script: 'format:check' },
  { name: 'dependency rules', script: 'deps:check' },
  // The portal's codegen + build (only what is stale) + vue-tsc; the tests serve and drive the built portal.
  { name: 'portal', script: 'portal:check' },
  { name: 'tests', script: 'test:vitest' },
];

const flags = new Set(process.argv.slice(2));
const unknown = [...flags].filter((flag) => !STAGES.some((stage) => stage.onlyWith === flag));
if (unknown.length > 0) {
  console.error(`run-stages: unknown option(s) ${unknown.join(', ')}; known: --install`);
  process.exit(2);
}

const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts ?? {};

// As npm and pnpm do for a script: the workspace's binaries come first on PATH.
const pathKey = Object.keys(process.env).find((key) => key.toUpperCase() === 'PATH') ?? 'PATH';
const env = { ...process.env, [pathKey]: [join(ROOT, 'node_modules', '.bin'), process.env[pathKey]].filter(Boolean).join(delimiter) };

const seconds = (start) => (Number(process.hrtime.bigint() - start) / 1e9).toFixed(1);
const timings = [];
let failedStatus = 0;

for (const stage of STAGES) {
  if (stage.onlyWith && !flags.has(stage.onlyWith)) continue;
  const command = stage.command ?? scripts[stage.script];
  if (!command) {
    console.error(`run-stages: package.json has no script "${stage.script}"`);
    process.exit(2);
  }
  console.log(`\n> stage ${stage.name}: ${command}`);
  const start = process.hrtime.bigint();
  const run = spawnSync(command, { cwd: ROOT, env, stdio: 'inherit', shell: true });
  const took = seconds(start);
  const status = run.status ?? 1;
  timings.push(`stage ${stage.name}: ${took} s${status === 0 ? '' : ` (failed, exit ${status})`}`);
  console.log(timings.at(-1));
  if (status !== 0) {
    failedStatus = status;
    if (run.error) console.error(run.error.message);
    if (run.signal) console.error(`stage ${stage.name} was stopped by ${run.signal}`);
    break;
  }
}

// All timings together at the end, where a reader of a long log looks.
console.log(`\n${timings.join('\n')}`);
process.exit(failedStatus);
