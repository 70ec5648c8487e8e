import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PORTAL = join(ROOT, 'packages/portal');
const SCHEMA = join(ROOT, 'packages/schema/schema.graphql');
// Inside the repository (ignored by git), so the copy still finds the root's node_modules (vitest types) walking up.
const COPY = join(ROOT, '.cache/portal-schema-check');

/** The field this check renames: the organisation list (and any other document that asks for it) breaks. */
const FIELD = 'organisationNumber';
const RENAMED = 'registrationNumber';

/**
 * A copy of the portal's sources beside a copy of the schema, laid out as in the repository (`portal/`, `schema/`),
 * without build output or generated code; every package's node_modules is a link to the real one.
 */
function copyPortal(schemaSdl: string): string {
  rmSync(COPY, { recursive: true, force: true });
  mkdirSync(join(COPY, 'schema'), { recursive: true });
  writeFileSync(join(COPY, 'schema/schema.graphql'), schemaSdl);
  const portal = join(COPY, 'portal');
  cpSync(PORTAL, portal, {
    recursive: true,
    filter: (source) => !['node_modules', 'dist', 'gql'].includes(basename(source)),
  });
  for (const folder of [
    PORTAL,
    ...readdirSync(PORTAL, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => join(PORTAL, e.name)),
  ]) {
    const modules = join(folder, 'node_modules');
    if (existsSync(modules)) symlinkSync(modules, join(portal, folder === PORTAL ? '' : basename(folder), 'node_modules'), 'dir');
  }
  return portal;
}

function run(portal: string, bin: string, args: string[]): { status: number | null; output: string } {
  // Without NODE_ENV=test (set by Vitest): code generation prints nothing of its errors under it.
  const { NODE_ENV: _test, ...env } = process.env;
  const child = spawnSync(join(portal, 'node_modules/.bin', bin), args, { cwd: portal, env, encoding: 'utf8', timeout: 280_000 });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

/** Replaces `FIELD` by `RENAMED` in every GraphQL document of the copy, as if someone followed the rename there only. */
function renameInDocuments(portal: string): void {
  for (const entry of readdirSync(portal, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.graphql') || entry.parentPath.includes('node_modules')) continue;
    const file = join(entry.parentPath, entry.name);
    writeFileSync(file, readFileSync(file, 'utf8').replaceAll(FIELD, RENAMED));
  }
}

// Code generation and vue-tsc over the whole portal take a minute or more on a busy two-core machine.
describe("the portal's code generation and type check against a changed schema", { timeout: 300_000 }, () => {
  let portal: string;
  beforeAll(() => {
    const sdl = readFileSync(SCHEMA, 'utf8');
    const renamed = sdl.replace(new RegExp(`^(\\s+)${FIELD}:`, 'gm'), `$1${RENAMED}:`);
    expect(renamed).not.toBe(sdl);
    portal = copyPortal(renamed);
  });
  afterAll(() => rmSync(COPY, { recursive: true, force: true }));

  it('code generation fails, naming the field and the document that asks for it', () => {
    const { status, output } = run(portal, 'graphql-codegen', ['--config', 'codegen.ts']);
    expect(status, output).not.toBe(0);
    expect(output).toContain(`Cannot query field "${FIELD}" on type "Organisation"`);
    expect(output).toMatch(/organisation-list\.query\.graphql/);
  });

  it('with the documents following the rename, vue-tsc fails on the components that still use the old name', () => {
    renameInDocuments(portal);
    const generated = run(portal, 'graphql-codegen', ['--config', 'codegen.ts']);
    expect(generated.status, generated.output).toBe(0);
    const { status, output } = run(portal, 'vue-tsc', ['-p', 'tsconfig.json', '--noEmit']);
    expect(status, output).not.toBe(0);
    const errors = output.split('\n').filter((line) => /error TS\d+/.test(line));
    expect(errors.length, output).toBeGreaterThan(0);
    // Only the rename breaks it: the copy is otherwise as sound as the portal itself.
    for (const error of errors) expect(error).toContain(FIELD);
    expect(errors.some((error) => error.includes('OrganisationListPage.vue'))).toBe(true);
  });
});
