// Answers of the API for component tests, shaped as the API gives them (with __typename), at the GraphQL boundary.
import type { MockedResponse } from '@apollo/client/testing/core';
import { NetworksViewerDocument } from '../gql/graphql.js';

export const NO_ERRORS = [] as const;

/** The signed-in person, with these roles ("ORGANISATION_ADMIN@<organisation id>" for a role in an organisation). */
export function viewer(roles: string[], id = 'UGVyc29uOnZpZXdlcg'): MockedResponse {
  return {
    request: { query: NetworksViewerDocument },
    result: {
      data: {
        me: {
          __typename: 'Person',
          id,
          roles: roles.map((entry, index) => {
            const [role, organisationId] = entry.split('@');
            return {
              __typename: 'RoleAssignment',
              id: `role-${index}`,
              role,
              organisation: organisationId ? { __typename: 'Organisation', id: organisationId } : null,
            };
          }),
        },
      },
    },
  };
}

/** A mutation's answer (one helper for every app's specs). */
export { payload } from '@evikomp/portal-shared/testing';
