import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { OrganisationOptionsDocument } from '../gql/graphql.js';
import { useOrganisationOptions } from './useOrganisationOptions.js';

function page(variables: Record<string, unknown>, names: string[], endCursor: string | null): MockedResponse {
  return {
    request: { query: OrganisationOptionsDocument, variables },
    result: {
      data: {
        organisations: {
          __typename: 'OrganisationConnection',
          pageInfo: { __typename: 'PageInfo', hasNextPage: endCursor !== null, endCursor },
          edges: names.map((name) => ({ __typename: 'OrganisationEdge', node: { __typename: 'Organisation', id: `id-${name}`, name } })),
        },
      },
    },
  };
}

const Options = defineComponent({
  setup() {
    const organisations = useOrganisationOptions();
    return () =>
      h(
        'ul',
        organisations.options.value.map((option) => h('li', option.label)),
      );
  },
});

describe('the organisation choices', () => {
  it('reads every page, so members beyond the first hundred can be chosen too', async () => {
    const first = Array.from({ length: 100 }, (_, index) => `Kommun ${String(index).padStart(3, '0')}`);
    const { wrapper, unexpected } = await mountInPortal(Options, {
      routes: [{ path: '/', component: { render: () => null } }],
      at: '/',
      mocks: [page({}, first, 'cursor-100'), page({ after: 'cursor-100' }, ['Ödeshögs kommun'], null)],
    });
    await expect.poll(() => wrapper.findAll('li').length).toBe(101);
    expect(wrapper.findAll('li').at(-1)!.text()).toBe('Ödeshögs kommun');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
