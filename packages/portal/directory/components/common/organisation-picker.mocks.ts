import { expect } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import type { VueWrapper } from '@vue/test-utils';
import { OrganisationNameDocument, OrganisationSearchDocument } from '../../gql/graphql.js';

// Component tests of pages with an OrganisationPicker: the server's answers to its search and to its read by id.

export const KINDA = { id: 'org-kinda', name: 'Kinda kommun', organisationNumber: '212000-0530' };

/** `organisations(filter: { search })` answering the given organisations. */
export function organisationSearch(search: string, found = [KINDA]): MockedResponse {
  return {
    request: { query: OrganisationSearchDocument, variables: { search } },
    result: {
      data: {
        organisations: {
          __typename: 'OrganisationConnection',
          edges: found.map((node) => ({ __typename: 'OrganisationEdge', node: { __typename: 'Organisation', ...node } })),
        },
      },
    },
  };
}

/** `organisation(id:)`, as the picker reads a preselected organisation's name. */
export function organisationName(organisation = KINDA): MockedResponse {
  return {
    request: { query: OrganisationNameDocument, variables: { id: organisation.id } },
    result: { data: { organisation: { __typename: 'Organisation', id: organisation.id, name: organisation.name } } },
  };
}

/** Types into the picker, waits for the server's list and chooses its first option. */
export async function chooseOrganisation(wrapper: VueWrapper, selector: string, search: string): Promise<void> {
  await wrapper.find(selector).setValue(search);
  await expect.poll(() => wrapper.find('[role="option"]').exists(), { timeout: 2000 }).toBe(true);
  await wrapper.find('[role="option"]').trigger('click');
}
