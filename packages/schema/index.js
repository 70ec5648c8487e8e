// The main entry works in a browser build as in Node: no `node:` module, no file read at import.
export { schemaSdl } from './schema-sdl.js';

/** URL of the committed SDL file (a `file:` URL in Node: `readFileSync(schemaPath, 'utf8')` reads it). */
export const schemaPath = new URL('./schema.graphql', import.meta.url);
