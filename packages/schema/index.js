import { readFileSync } from 'node:fs';

/** Absolute path of the committed SDL. */
export const schemaPath = new URL('./schema.graphql', import.meta.url);

/** The committed SDL of the Evikomp GraphQL API. */
export const schemaSdl = readFileSync(schemaPath, 'utf8');
