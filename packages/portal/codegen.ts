import type { CodegenConfig } from '@graphql-codegen/cli';
import { appCodegen } from './codegen.shared.js';

// Every app at once (the root test command); each app's own build runs only its part.
export const APPS = ['shell', 'directory', 'training', 'networks', 'operations', 'admin', 'me'];
const config: CodegenConfig = {
  schema: '../schema/schema.graphql',
  ignoreNoDocuments: true,
  generates: Object.assign({}, ...APPS.map((app) => appCodegen(app, '.').generates)),
};
export default config;
