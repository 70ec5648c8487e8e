import { h, ref } from 'vue';
import { describe, expect, it } from 'vitest';
import { gql } from '@apollo/client/core';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '../testing/mount-in-portal.js';
import SearchPicker from './SearchPicker.vue';
import type { PickerOption } from './picker-option.js';

interface PeopleData {
  people: { edges: { node: { id: string; name: string; homeOrganisation: { id: string; name: string } } }[] };
}
const PEOPLE: TypedDocumentNode<PeopleData, { search: string }> = gql`
  query PickerPeople($search: String!) {
    people(first: 20, filter: { search: $search }) {
      edges {
        node {
          id
          name
          homeOrganisation {
            id
            name
          }
        }
      }
    }
  }
`;

function answer(search: string, names: string[]): MockedResponse {
  return {
    request: { query: PEOPLE, variables: { search } },
    result: {
      data: {
        people: {
          __typename: 'PersonConnection',
          edges: names.map((name, index) => ({
            __typename: 'PersonEdge',
            node: {
              __typename: 'Person',
              id: `p-${index}`,
              name,
              homeOrganisation: { __typename: 'Organisation', id: 'o', name: 'Linköpings kommun' },
            },
          })),
        },
      },
    },
  };
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function mountPicker(mocks: MockedResponse[], preset = { id: '', label: ref('') }) {
  const chosen = ref(preset.id);
  const events: (PickerOption | null)[] = [];
  const mounted = await mountInPortal(
    {
      render: () =>
        h('div', [
          h('label', { for: 'picker' }, 'Person'),
          h(SearchPicker<PeopleData, { search: string }>, {
            id: 'picker',
            query: PEOPLE,
            variables: (search: string) => ({ search }),
            options: (data: PeopleData) =>
              data.people.edges.map(({ node }) => ({ id: node.id, label: node.name, detail: node.homeOrganisation.name })),
            delay: 20,
            initialLabel: preset.label.value,
            modelValue: chosen.value,
            'onUpdate:modelValue': (value: string) => (chosen.value = value),
            onChosen: (option: PickerOption | null) => events.push(option),
          }),
        ]),
    },
    { mocks },
  );
  const input = mounted.wrapper.find<HTMLInputElement>('#picker');
  return { ...mounted, chosen, events, input };
}

async function type(input: ReturnType<typeof HTMLInputElement.prototype.querySelector> | any, value: string) {
  await input.setValue(value);
  await wait(40);
  await flushPromises();
}

describe('SearchPicker', () => {
  it('is a labelled combobox that sends the typed term to the server and lists what it answers', async () => {
    const { wrapper, input, chosen, events, unexpected } = await mountPicker([answer('ann', ['Anna Andersson', 'Annika Berg'])]);
    expect(input.attributes('role')).toBe('combobox');
    expect(wrapper.find('label[for="picker"]').exists()).toBe(true);

    await type(input, 'ann');
    const options = wrapper.findAll('[role="option"]');
    expect(options.map((option) => option.text())).toEqual(['Anna Andersson (Linköpings kommun)', 'Annika Berg (Linköpings kommun)']);
    expect(input.attributes('aria-expanded')).toBe('true');
    expect(wrapper.find('[role="status"]').text()).toContain('Träffar: 2');

    // Keyboard: the arrow goes to the first option, Enter chooses it (and does not send a form around the picker).
    await input.trigger('keydown', { code: 'ArrowDown', key: 'ArrowDown' });
    const enter = new KeyboardEvent('keydown', { code: 'Enter', key: 'Enter', bubbles: true, cancelable: true });
    input.element.dispatchEvent(enter);
    await flushPromises();
    expect(enter.defaultPrevented).toBe(true);
    expect(chosen.value).toBe('p-0');
    expect(events.at(-1)).toEqual({ id: 'p-0', label: 'Anna Andersson', detail: 'Linköpings kommun' });
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it('says so when nothing matches, and typing again un-chooses', async () => {
    const { wrapper, input, chosen, events } = await mountPicker([answer('anna', ['Anna Andersson']), answer('zzz', [])]);
    await type(input, 'anna');
    await wrapper.find('[role="option"]').trigger('click');
    await flushPromises();
    expect(chosen.value).toBe('p-0');

    await type(input, 'zzz');
    expect(chosen.value).toBe('');
    expect(events.at(-1)).toBeNull();
    expect(wrapper.find('.ek-picker__empty').text()).toBe('Inga träffar.');
    expect(wrapper.find('[role="status"]').text()).toBe('Inga träffar.');
    wrapper.unmount();
  });

  it('tells that it is searching while the answer is on its way', async () => {
    const slow = { ...answer('ann', ['Anna Andersson']), delay: 200 };
    const { wrapper, input } = await mountPicker([slow]);
    await type(input, 'ann');
    expect(wrapper.find('[data-test="picker-status"]').text()).toBe('Söker …');
    await wait(250);
    await flushPromises();
    expect(wrapper.find('[data-test="picker-status"]').text()).toBe('');
    expect(wrapper.findAll('[role="option"]')).toHaveLength(1);
    wrapper.unmount();
  });

  it('shows a record chosen elsewhere by its name once the page has read it, without un-choosing it', async () => {
    const label = ref('');
    const { wrapper, input, chosen, events } = await mountPicker([], { id: 'p-7', label });
    expect(input.element.value).toBe('');
    label.value = 'Anna Andersson';
    await flushPromises();
    expect(input.element.value).toBe('Anna Andersson');
    expect(chosen.value).toBe('p-7');
    expect(events).toEqual([]);
    wrapper.unmount();
  });
});
