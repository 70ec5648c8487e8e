import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode } from 'graphql';
import type { RequestContext } from '../../platform/context.js';
import { RequestError } from '../../platform/errors/request-error.js';
import { effectiveVariables, estimateObjects } from '../../platform/graphql/query-cost.js';
import { toGraphQLError } from '../../platform/graphql/request-errors.js';
import { ApiKeyAuthentication, AuthService } from './auth.service.js';
import { ApiClientPolicy } from '../api-client/api-client.policy.js';

/** What a caller who has not signed in may ask: signing in needs no more. */
const OPEN_FIELDS = new Set([
  'me',
  'signIn',
  'signOut',
  'passwordResetRequest',
  'passwordReset',
  'accountInvitation',
  'accountInvitationAccept',
  '__typename',
]);
const INTROSPECTION_FIELDS = new Set(['__schema', '__type']);
/** What an administrator without a second factor may ask in production: setting one up, and no more. */
const SECOND_FACTOR_SETUP_FIELDS = new Set(['me', 'signOut', 'secondFactor', 'secondFactorSetup', 'secondFactorConfirm', '__typename']);

function rootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): string[] {
  return selectionSet.selections.flatMap((selection) => {
    if (selection.kind === Kind.FIELD) return [selection.name.value];
    if (selection.kind === Kind.INLINE_FRAGMENT) return rootFields(selection.selectionSet, fragments, seen);
    const name = selection.name.value;
    const fragment = fragments.get(name);
    if (!fragment || seen.has(name)) return [];
    seen.add(name);
    return rootFields(fragment.selectionSet, fragments, seen);
  });
}

/**
 * Makes the request's caller the one its credentials name: an API key (`Authorization: Bearer …`) wins over the
 * session cookie; without either the caller stays anonymous. Throws a `RequestError` for a bad key. Used by
 * `/graphql` (below) and by the HTTP routes that answer as the caller (exports).
 */
export async function resolveCaller(ctx: RequestContext): Promise<void> {
  const { bearerToken, sessionToken } = ctx.http;
  if (bearerToken) {
    const client = await ctx.service(ApiKeyAuthentication).resolve(bearerToken);
    if (!client) throw new RequestError('UNAUTHENTICATED', 'The API key is unknown, revoked or expired.');
    ctx.switchActor(client);
  } else if (sessionToken) {
    ctx.switchActor(await ctx.service(AuthService).resolveCaller(sessionToken, ctx.today));
  }
}

/**
 * Finds out who the caller is, once the operation has parsed and passed validation (so a refused query
 * never touches the database), and refuses every operation of an anonymous caller that asks for more
 * than signing in needs, before any resolver runs. Introspection is open to anonymous callers only
 * outside production.
 */
export function callerPlugin(options: { anonymousIntrospection: boolean; maxObjects: number }): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document, request }) {
          const fragments = new Map(
            document.definitions
              .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
              .map((d) => [d.name.value, d]),
          );
          // Checked with the variables, before the caller is even looked up.
          const objects = operation
            ? estimateObjects(operation.selectionSet, fragments, effectiveVariables(operation, request.variables ?? {}))
            : 0;
          if (objects > options.maxObjects) {
            throw new GraphQLError(`Query cost limit of ${options.maxObjects} exceeded, found ${objects}.`, {
              extensions: { code: 'GRAPHQL_VALIDATION_FAILED', http: { status: 400 } },
            });
          }
          try {
            await resolveCaller(contextValue);
          } catch (error) {
            throw error instanceof RequestError ? toGraphQLError(error) : error;
          }
          if (
            operation?.operation === 'mutation' &&
            contextValue.actor.kind === 'apiClient' &&
            !ApiClientPolicy.of(contextValue.access).mayWrite()
          ) {
            throw new GraphQLError('This API client may only read.', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
          }
          const asked = rootFields(operation?.selectionSet ?? { kind: Kind.SELECTION_SET, selections: [] }, fragments);
          if (contextValue.actor.kind === 'person' && contextValue.actor.mustSetUpSecondFactor) {
            if (asked.every((field) => SECOND_FACTOR_SETUP_FIELDS.has(field))) return;
            throw new GraphQLError(
              'Administrators set up a second factor before anything else: secondFactorSetup, then secondFactorConfirm.',
              {
                extensions: { code: 'FORBIDDEN', reason: 'SECOND_FACTOR_SETUP_REQUIRED', http: { status: 403 } },
              },
            );
          }
          if (contextValue.actor.kind !== 'anonymous') return;
          const refused = asked.filter(
            (field) => !OPEN_FIELDS.has(field) && !(options.anonymousIntrospection && INTROSPECTION_FIELDS.has(field)),
          );
          if (refused.length > 0) {
            throw new GraphQLError('Sign in first.', { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
          }
        },
      };
    },
  };
}
