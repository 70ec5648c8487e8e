import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaPath, schemaSdl } from '@evikomp/schema';
import { printApiSchema } from '@evikomp/api/schema';
import { schemaDrift } from '../support/schema-drift.js';

describe('the committed GraphQL contract', () => {
  it('is exactly what the API emits (run `pnpm schema:emit` and commit the diff after changing the API)', async () => {
    const drift = schemaDrift(schemaSdl, await printApiSchema());
    expect(drift, `packages/schema/schema.graphql differs from the emitted schema:\n${drift.join('\n')}`).toEqual([]);
  });

  it('ships the same SDL as the file schema.graphql and as the ES module schema-sdl.js (both written by `schema:emit`)', () => {
    expect(
      readFileSync(schemaPath, 'utf8') === schemaSdl,
      'packages/schema/schema-sdl.js differs from schema.graphql: run `npm run schema:emit`',
    ).toBe(true);
  });

  it('is detected as drift when the file is edited by hand', async () => {
    const emitted = await printApiSchema();
    const edited = readFileSync(schemaPath, 'utf8').replace(
      'type Organisation implements Node {',
      'type Organisation implements Node {\n  handEdited: String',
    );
    expect(edited).not.toBe(schemaSdl);
    expect(schemaDrift(edited, emitted)).toEqual(['-   handEdited: String']);
  });
});
