import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { RequestError } from '../errors/request-error.js';
import { toGraphQLError } from './request-errors.js';
import { argumentsHoldText, refuseTextArguments } from './text-arguments.js';

function mapped(error: unknown): never {
  throw error instanceof RequestError ? toGraphQLError(error) : error;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

/**
 * Wraps every field's resolver once, when the schema is built: request errors reach the client as GraphQL
 * errors with their code (`toGraphQLError`), and the arguments of fields that take text are checked before
 * the resolver runs (`refuseTextArguments`). The wrapper adds no promise: a field that resolves synchronously
 * (most of them: `name`, `id`, …) still does, where type-graphql's global middlewares made every field of
 * every object of an answer asynchronous, a cost paid per field instead of once.
 */
export function guardFields(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      const checksText = argumentsHoldText(field);
      field.resolve = (source, args: Record<string, unknown>, context, info) => {
        try {
          if (checksText) {
            const refused = refuseTextArguments(field, args, info);
            if (refused !== undefined) return refused;
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
