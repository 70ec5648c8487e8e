// Answers of the API for component tests, shaped as the API gives them (with __typename), at the GraphQL boundary.
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

/** A connection's answer: one page of nodes. */
export function page(
  field: string,
  typename: string,
  nodes: Record<string, unknown>[],
  info: { hasNextPage?: boolean; endCursor?: string | null } = {},
) {
  return {
    [field]: {
      __typename: `${typename}Connection`,
      totalCount: nodes.length,
      pageInfo: { __typename: 'PageInfo', hasNextPage: info.hasNextPage ?? false, endCursor: info.endCursor ?? null },
      edges: nodes.map((node) => ({ __typename: `${typename}Edge`, node: { __typename: typename, ...node } })),
    },
  };
}
