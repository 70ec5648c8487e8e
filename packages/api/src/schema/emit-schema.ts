import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printApiSchema } from './build-schema.js';

// Writes packages/schema/schema.graphql; run after changing the API and commit the diff.
const target = fileURLToPath(new URL('../../../schema/schema.graphql', import.meta.url));
writeFileSync(target, await printApiSchema());
console.log(`wrote ${target}`);
