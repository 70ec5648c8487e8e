import { spawnSync } from 'node:child_process';
import { builtinModules, createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const mainEntry = pathToFileURL(createRequire(import.meta.url).resolve('@evikomp/schema')).href;

/**
 * Imports `url` in a fresh Node whose module loader refuses every built-in module (`node:fs`, `fs`, `path`, …), as
 * a browser build has none, and prints what the module exports. Returns the child's exit status and output.
 */
function importWithoutBuiltins(url: string): { status: number | null; output: string } {
  const builtins = JSON.stringify([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
  const hooks = `const builtins = new Set(${builtins});
    export async function resolve(specifier, context, next) {
      if (builtins.has(specifier) || specifier.startsWith('node:')) throw new Error('no built-in module in a browser: ' + specifier);
      return next(specifier, context);
    }`;
  const script = `import { register } from 'node:module';
    register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(hooks)}`)});
    const loaded = await import(${JSON.stringify(url)});
    console.log(JSON.stringify({ sdl: typeof loaded.schemaSdl === 'string' ? loaded.schemaSdl.slice(0, 40) : null, path: String(loaded.schemaPath) }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '--eval', script], { encoding: 'utf8' });
  return { status: child.status, output: `${child.stdout}${child.stderr}` };
}

describe('the @evikomp/schema package', () => {
  it('loads its main entry without any Node built-in module (node:fs and the like), as a browser build must', () => {
    const { status, output } = importWithoutBuiltins(mainEntry);
    expect(status, output).toBe(0);
    const exported = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as { sdl: string | null; path: string };
    expect(exported.sdl).toMatch(/type|"""/);
    expect(exported.path).toMatch(/\/schema\.graphql$/);
  });

  it('is caught by that check when an entry reads the SDL with node:fs at import', () => {
    const nodeOnly = `data:text/javascript,${encodeURIComponent("import { readFileSync } from 'node:fs'; export const schemaSdl = typeof readFileSync;")}`;
    const { status, output } = importWithoutBuiltins(nodeOnly);
    expect(status).not.toBe(0);
    expect(output).toMatch(/no built-in module in a browser: node:fs/);
  });
});
