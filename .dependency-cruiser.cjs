// Architecture rules for the API (`npm run deps:check`). Paths are regular expressions relative to the folder
// dependency-cruiser runs from (the repository root), so the fixture tree in tests/tooling mirrors this layout.
const path = require('node:path');

const MODULES = '^packages/api/src/modules/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-module',
      comment: 'The platform layer knows no module: modules register themselves with the platform, not the other way round.',
      severity: 'error',
      from: { path: '^packages/api/src/platform/' },
      to: { path: MODULES },
    },
    {
      name: 'no-module-cycles',
      comment:
        'No circular dependency between two modules (a cycle that passes through files of more than one modules/<name>/ folder). ' +
        'A cycle that stays inside one module folder is tolerated: a module is one unit, released and reasoned about as a whole. ' +
        'A cycle through the platform layer is reported by platform-imports-no-module instead.',
      severity: 'error',
      from: { path: `${MODULES}([^/]+)/` },
      to: {
        circular: true,
        // Some file of the cycle lies in another module folder than the one the dependency starts from.
        via: { path: `${MODULES}(?!$1/)[^/]+/` },
      },
    },
    {
      name: 'services-import-no-graphql',
      comment:
        'Services hold the domain logic and speak in domain types and errors; the GraphQL layer (resolvers, inputs, object types) ' +
        'translates. Neither graphql nor type-graphql belongs in a *.service.ts.',
      severity: 'error',
      from: { path: `${MODULES}.+\\.service\\.ts$` },
      to: { path: ['(^|/)node_modules/(graphql|type-graphql)/', '^(graphql|type-graphql)$'] },
    },
    {
      name: 'owners-use-offering-service',
      comment: "Cohorts, networks and events own offerings through the offering module's service, never by touching its entities directly.",
      severity: 'error',
      from: { path: `${MODULES}(cohort|network|event)/` },
      to: { path: `${MODULES}offering/.+\\.entity\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // The rule fixtures break every rule on purpose; their test cruises them with the fixture folder as base.
    exclude: { path: ['(^|/)dist/', '^tests/tooling/fixtures/'] },
    moduleSystems: ['es6', 'cjs'],
    // Type-only imports count: they couple modules as much as value imports do, even though tsc erases them.
    tsPreCompilationDeps: true,
    // An absolute path: given a relative one, dependency-cruiser 17 resolves the tsconfig's `extends` from the wrong folder.
    tsConfig: { fileName: path.join(__dirname, 'packages/api/tsconfig.json') },
    enhancedResolveOptions: {
      // NodeNext: sources import './x.js' for './x.ts'; dependency-cruiser retries such a specifier with .ts.
      extensions: ['.ts', '.d.ts', '.js', '.mjs', '.cjs', '.json'],
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      mainFields: ['module', 'main', 'types'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
