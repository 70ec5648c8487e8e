// `npm run screenshots`: builds what is stale in the portal, then the browser harness's screenshot journey writes the
// README's images into docs/screenshots/ (the test command writes the same pictures under test-results/).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env, SCREENSHOTS_DIR: join(ROOT, 'docs', 'screenshots') };
for (const command of [
  'node scripts/pnpm.mjs --filter @evikomp/portal build',
  'npx vitest run --project browser tests/e2e/screenshots.test.ts',
]) {
  const run = spawnSync(command, { cwd: ROOT, env, stdio: 'inherit', shell: true });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
console.log(`screenshots written to ${env.SCREENSHOTS_DIR}`);
