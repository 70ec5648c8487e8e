// A mutation's answer for component tests, shaped as the API gives it (with __typename), at the GraphQL boundary.
import type { MockedResponse } from '@apollo/client/testing/core';
import type { DocumentNode } from 'graphql';

/** A mutation's answer: the payload under its field, with `errors`. */
export function payload(
  query: DocumentNode,
  variables: Record<string, unknown>,
  field: string,
  result: Record<string, unknown>,
  errors: { field: string | null; message: string; code: string }[] = [],
): MockedResponse {
  return {
    request: { query, variables },
    result: {
      data: { [field]: { __typename: 'Payload', ...result, errors: errors.map((error) => ({ __typename: 'UserError', ...error })) } },
    },
  };
}
