import { GraphQLError } from 'graphql';
import { RequestError } from '../errors/request-error.js';

/** The one mapping from request errors to GraphQL errors: code, argument and HTTP status. */
export function toGraphQLError(error: RequestError): GraphQLError {
  const { argumentName, retryAfterSeconds } = error.details;
  const headers = retryAfterSeconds === undefined ? undefined : new Map([['retry-after', String(retryAfterSeconds)]]);
  return new GraphQLError(error.message, {
    extensions: {
      code: error.code,
      ...(argumentName ? { argumentName } : {}),
      http: { status: error.status, ...(headers ? { headers } : {}) },
    },
  });
}
