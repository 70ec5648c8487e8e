import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { defaultRegistry } from '../composition.js';
import { NodeResolver } from '../platform/graphql/node.resolver.js';
import { guardFields } from '../platform/graphql/field-guards.js';
import type { ModuleRegistry } from '../platform/module/registry.js';

const schemas = new WeakMap<ModuleRegistry, Promise<GraphQLSchema>>();

/** The executable schema of a registry's modules; built once per registry and process. */
export function buildApiSchema(registry: ModuleRegistry = defaultRegistry): Promise<GraphQLSchema> {
  let schema = schemas.get(registry);
  if (!schema) {
    schema = buildSchema({
      resolvers: [NodeResolver, ...registry.resolvers],
      // Inputs are validated in the services, so that failures become typed payload errors.
      validate: false,
      // Request errors are mapped around every resolver and texts checked before it runs, by wrapping each
      // field once (guardFields) rather than with global middlewares, which would make every field asynchronous.
    }).then(guardFields);
    schemas.set(registry, schema);
  }
  return schema;
}

/** The SDL of the contract, sorted so that its diff shows only real changes. */
export async function printApiSchema(registry: ModuleRegistry = defaultRegistry): Promise<string> {
  return `${printSchema(lexicographicSortSchema(await buildApiSchema(registry)))}\n`;
}
