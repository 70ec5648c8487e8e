import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, type NormalizedCacheObject } from '@apollo/client/core';
import { onError } from '@apollo/client/link/error';

export interface ApolloClientOptions {
  /** The API's endpoint; the portal is served from the API's origin, so `/graphql`. */
  uri?: string;
  /** A request failed on the network or with an error the page cannot show itself. */
  onUnexpectedError?: (error: { kind: 'network' | 'graphql'; message: string; code?: string }) => void;
  /** The API answered UNAUTHENTICATED: the session ended. */
  onSignedOut?: () => void;
  /** Replaces the HTTP link (component tests pass a MockLink). */
  link?: ApolloLink;
}

/** The portal's one Apollo client: the session cookie travels with every request (same origin). */
export function createApolloClient(options: ApolloClientOptions = {}): ApolloClient<NormalizedCacheObject> {
  const errors = onError(({ graphQLErrors, networkError }) => {
    for (const error of graphQLErrors ?? []) {
      const code = typeof error.extensions?.code === 'string' ? error.extensions.code : undefined;
      if (code === 'UNAUTHENTICATED') options.onSignedOut?.();
      else options.onUnexpectedError?.({ kind: 'graphql', message: error.message, ...(code ? { code } : {}) });
    }
    if (networkError) options.onUnexpectedError?.({ kind: 'network', message: networkError.message });
  });
  const http = options.link ?? new HttpLink({ uri: options.uri ?? '/graphql', credentials: 'same-origin' });
  return new ApolloClient({
    link: ApolloLink.from([errors, http]),
    cache: new InMemoryCache(),
    defaultOptions: { watchQuery: { fetchPolicy: 'cache-and-network' } },
  });
}
