import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { RequestError } from '../errors/request-error.js';
import { prefetchedValues } from '../read-compiler/prefetched.js';
import { toGraphQLError } from './request-errors.js';
import { argumentsHoldText, refuseTextArguments } from './text-arguments.js';

function mapped(error: unknown): never {
  throw error instanceof RequestError ? toGraphQLError(error) : error;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * The fields type-graphql answers with its basic field resolver (the class property of the same field:
 * no `@FieldResolver`, no middleware, no roles), by GraphQL type name and field name, with the property
 * each reads. type-graphql's resolver runs its middleware machinery for every value of such a field
 * (a resolver-data object and a closure per value); a direct property read answers the same.
 */
function plainPropertyFields(): Map<string, Map<string, string>> {
  const storage = getMetadataStorage();
  const resolved = new Set<string>();
  const targets = new Map<unknown, number>();
  for (const resolver of storage.fieldResolvers) {
    const target = resolver.getObjectType?.();
    if (!targets.has(target)) targets.set(target, targets.size);
    resolved.add(`${targets.get(target)}\u0000${resolver.methodName}`);
  }
  const byType = new Map<string, Map<string, string>>();
  for (const objectType of storage.objectTypes) {
    const interfaceFields = storage.interfaceTypes
      .filter((type) => objectType.interfaceClasses?.includes(type.target))
      .flatMap((type) => type.fields ?? []);
    const fields = new Map<string, string>();
    for (const field of [...interfaceFields, ...(objectType.fields ?? [])]) {
      const targetIndex = targets.get(field.target);
      const advanced = targetIndex !== undefined && resolved.has(`${targetIndex}\u0000${field.name}`);
      const plain = !advanced && (field.middlewares ?? []).length === 0 && field.roles === undefined;
      // Later declarations win, as in type-graphql's own reduction over the same list.
      if (plain) fields.set(field.schemaName, field.name);
      else fields.delete(field.schemaName);
    }
    byType.set(objectType.name, fields);
  }
  return byType;
}

/**
 * Prepares every field's resolver once, when the schema is built:
 * - A field type-graphql answers from a plain property, without text arguments, reads the property
 *   directly: no wrapper, no middleware machinery (most fields of an answer: `id`, `name`, `edges`, `node`).
 * - Every other field is wrapped: request errors reach the client as GraphQL errors with their code
 *   (`toGraphQLError`), the arguments of fields that take text are checked before the resolver runs
 *   (`refuseTextArguments`), and a field whose value a compiled read prefetched on its parent answers that
 *   value without calling type-graphql's resolver (which would convert its arguments and parameters only for
 *   the resolver to return the same prefetched value).
 * Nothing adds a promise: a field that resolves synchronously still does, where type-graphql's global
 * middlewares made every field of every object of an answer asynchronous, a cost paid per field.
 */
export function guardFields(schema: GraphQLSchema): GraphQLSchema {
  const plainFields = plainPropertyFields();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const plainOfType = plainFields.get(type.name);
    for (const field of Object.values(type.getFields())) {
      const checksText = argumentsHoldText(field);
      const property = field.resolve ? plainOfType?.get(field.name) : undefined;
      if (property !== undefined && !checksText) {
        field.resolve = (source: Record<string, unknown>) => source[property];
        continue;
      }
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        try {
          if (checksText) {
            const refused = refuseTextArguments(field, args, info);
            if (refused !== undefined) return refused;
          }
          const values = prefetchedValues(source);
          if (values !== undefined) {
            const key = String(info.path.key);
            if (values.has(key)) return values.get(key);
          }
          const result = resolve(source, args, context, info);
          return isPromiseLike(result) ? result.then(undefined, mapped) : result;
        } catch (error) {
          return mapped(error);
        }
      };
    }
  }
  return schema;
}
