import type { CodegenConfig } from '@graphql-codegen/cli';

/** GraphQL Code Generator for one app: its `graphql/*.graphql` operations, typed from the committed SDL, into `gql/`. */
export function appCodegen(app: string, root = '..'): CodegenConfig {
  return {
    schema: `${root}/../schema/schema.graphql`,
    ignoreNoDocuments: true,
    generates: {
      [`${root}/${app}/gql/`]: {
        preset: 'client',
        documents: [`${root}/${app}/graphql/**/*.graphql`],
        presetConfig: { fragmentMasking: false, gqlTagName: 'graphql' },
        config: {
          useTypeImports: true,
          enumsAsTypes: true,
          skipTypename: false,
          scalars: { DateTime: 'string', LocalDate: 'string', JSON: 'unknown' },
        },
      },
    },
  };
}
