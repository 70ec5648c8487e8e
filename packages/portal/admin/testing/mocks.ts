// Answers of the API for component tests, shaped as the API gives them (with __typename), at the GraphQL boundary.

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

/** A mutation's answer (one helper for every app's specs). */
export { payload } from '@evikomp/portal-shared/testing';
