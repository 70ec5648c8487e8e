import type { ApolloClient, FetchPolicy } from '@apollo/client/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';

/** The part of a connection `readAllPages` needs. */
export interface ConnectionPage<TNode> {
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
  edges: readonly { node: TNode }[];
}

/**
 * Reads every page of a connection, one after another (the API pages by at most 100): for the few lists a form needs
 * whole, such as every member organisation of a national roll-out (about 300). The query takes an optional `$after`.
 */
export async function readAllPages<TData, TNode>(
  client: ApolloClient<unknown>,
  query: TypedDocumentNode<TData, { after?: string | null }>,
  connectionOf: (data: TData) => ConnectionPage<TNode> | undefined,
  /** `network-only` to read again what the page has just changed (the default reads the cache first). */
  fetchPolicy?: Extract<FetchPolicy, 'cache-first' | 'network-only' | 'no-cache'>,
): Promise<TNode[]> {
  const nodes: TNode[] = [];
  let after: string | null = null;
  do {
    const answer: { data?: TData } = await client.query({
      query,
      variables: after ? { after } : {},
      ...(fetchPolicy ? { fetchPolicy } : {}),
    });
    const page: ConnectionPage<TNode> | undefined = answer.data ? connectionOf(answer.data) : undefined;
    nodes.push(...(page?.edges ?? []).map(({ node }) => node));
    after = page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null;
  } while (after);
  return nodes;
}
