import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { NetworkJoinDocument, NetworkLeaveDocument, NetworkMembersDocument, NetworksPersonSearchDocument } from '../gql/graphql.js';
import { payload, viewer } from '../testing/mocks.js';
import NetworkMembers from './NetworkMembers.vue';

const NETWORK_ID = 'TmV0d29yazox';

function membership(id: string, name: string, organisationId: string, leftAt: string | null = null, role = 'MEMBER') {
  return {
    __typename: 'NetworkMembership' as const,
    id,
    role: role as 'MEMBER' | 'FACILITATOR',
    joinedAt: '2026-09-01T07:00:00.000Z',
    leftAt,
    person: {
      __typename: 'Person' as const,
      id: `person-${id}`,
      name,
      homeOrganisation: {
        __typename: 'Organisation' as const,
        id: organisationId,
        name: organisationId === 'org-kinda' ? 'Kinda kommun' : 'Motala kommun',
      },
    },
  };
}

const network = {
  __typename: 'Network' as const,
  id: NETWORK_ID,
  name: 'Lärande chefsnätverk Kinda',
  description: null,
  status: 'ACTIVE' as const,
  audienceRoles: ['MANAGER' as const],
  prerequisite: { __typename: 'Programme' as const, id: 'prog-1', name: 'Ledarutbildning i arbetsplatslärande' },
  facilitators: { __typename: 'NetworkMembershipConnection' as const, edges: [] },
  meetings: [],
};
const eva = membership('m1', 'Eva Berg', 'org-kinda');
const olle = membership('m2', 'Olle Ek', 'org-motala');
const lisa = membership('m0', 'Lisa Strand', 'org-kinda', '2026-10-05T12:30:00.000Z');

type Row = ReturnType<typeof membership>;
const connection = (rows: Row[], totalCount = rows.length, endCursor: string | null = null) => ({
  __typename: 'NetworkMembershipConnection' as const,
  totalCount,
  pageInfo: { __typename: 'PageInfo' as const, endCursor, hasNextPage: endCursor !== null },
  edges: rows.map((node) => ({ __typename: 'NetworkMembershipEdge' as const, node })),
});
/** One answer of the members' query: a page of the current members and one of the history. */
const members = (
  current: Row[],
  history: Row[] = [],
  options: { after?: string | null; historyAfter?: string | null; totalCount?: number; endCursor?: string | null } = {},
): MockedResponse => ({
  request: {
    query: NetworkMembersDocument,
    variables: { id: NETWORK_ID, first: 20, after: options.after ?? null, historyAfter: options.historyAfter ?? null },
  },
  result: {
    data: {
      network: {
        __typename: 'Network',
        id: NETWORK_ID,
        members: connection(current, options.totalCount, options.endCursor ?? null),
        history: connection(history),
      },
    },
  },
});
const search: MockedResponse = {
  request: { query: NetworksPersonSearchDocument, variables: { search: 'Karin' } },
  result: {
    data: {
      people: {
        __typename: 'PersonConnection',
        totalCount: 1,
        edges: [
          {
            __typename: 'PersonEdge',
            node: {
              __typename: 'Person',
              id: 'person-karin',
              name: 'Karin Holm',
              homeOrganisation: { __typename: 'Organisation', id: 'org-kinda', name: 'Kinda kommun' },
            },
          },
        ],
      },
    },
  },
};
const join = { input: { networkId: NETWORK_ID, personId: 'person-karin' } };

const dialog = () => document.querySelector<HTMLElement>('[role="dialog"]');
const inDialog = <E extends Element = HTMLElement>(selector: string) => dialog()?.querySelector<E>(selector) ?? null;
// The footer's submit button sits outside the form (form="member-form"), which jsdom does not submit from.
const submit = () => inDialog('[data-test="member-form"]')!.dispatchEvent(new Event('submit', { cancelable: true }));

describe("a network's members", () => {
  it('adds a member found by a search, showing the prerequisite refusal on the person first', async () => {
    const { wrapper, toasts } = await mountInPortal(NetworkMembers, {
      props: { network },
      mocks: [
        viewer(['ADMINISTRATOR']),
        members([eva]),
        search,
        payload(NetworkJoinDocument, join, 'networkJoin', { membership: null }, [
          { field: 'input.networkId', code: 'CONFLICT', message: 'Joining this network needs the completed programme.' },
        ]),
        // The network is read again after each try (the refused one too).
        members([eva]),
        payload(NetworkJoinDocument, join, 'networkJoin', {
          membership: { __typename: 'NetworkMembership', id: 'm3', role: 'MEMBER', joinedAt: '2026-12-01T10:00:00.000Z' },
        }),
        members([eva, membership('m3', 'Karin Holm', 'org-kinda')]),
      ],
    });
    await expect.poll(() => wrapper.find('[data-test="member-add"]').exists()).toBe(true);
    await wrapper.find('[data-test="member-add"]').trigger('click');
    await expect.poll(() => dialog()?.textContent ?? '').toContain('Lägg till medlem');
    expect(dialog()!.textContent).toContain('För att gå med krävs genomförd Ledarutbildning i arbetsplatslärande.');

    // Nobody chosen: said on the field, nothing sent.
    submit();
    await expect.poll(() => inDialog('#member-person-select-error')?.textContent).toBe('Välj en person.');

    const searchField = inDialog<HTMLInputElement>('#member-person-search')!;
    searchField.value = 'Karin';
    searchField.dispatchEvent(new Event('input'));
    inDialog<HTMLButtonElement>('[data-test="member-person-search-button"]')!.click();
    await expect.poll(() => dialog()!.textContent).toContain('En person hittades.');
    const select = inDialog<HTMLSelectElement>('#member-person-select')!;
    select.value = 'person-karin';
    select.dispatchEvent(new Event('change'));

    submit();
    await expect
      .poll(() => inDialog('#member-person-select-error')?.textContent)
      .toBe('Personen har inte genomfört den utbildning som krävs för att gå med, eller så är nätverket avslutat.');
    expect(inDialog('#member-person-select')!.getAttribute('aria-invalid')).toBe('true');

    submit();
    await expect.poll(() => toasts.items.map((toast) => toast.text)).toEqual(['Karin Holm är medlem i nätverket.']);
    await expect.poll(() => dialog()).toBeNull();
    wrapper.unmount();
  });

  it('removes a member after a confirmation naming them, and shows those who left with the day they left', async () => {
    const leave = { input: { networkId: NETWORK_ID, personId: 'person-m2' } };
    let left = 0;
    const { wrapper, toasts } = await mountInPortal(NetworkMembers, {
      props: { network },
      mocks: [
        viewer(['ADMINISTRATOR']),
        members([eva, olle], [lisa]),
        {
          request: { query: NetworkLeaveDocument, variables: leave },
          result: () => {
            left += 1;
            return {
              data: {
                networkLeave: {
                  __typename: 'NetworkMembershipPayload',
                  membership: { __typename: 'NetworkMembership', id: 'm2', leftAt: '2026-12-01T10:00:00.000Z' },
                  errors: [],
                },
              },
            };
          },
        },
        members([eva], [{ ...olle, leftAt: '2026-12-01T10:00:00.000Z' }, lisa]),
      ],
    });
    const current = wrapper.find('[data-test="members"]');
    await expect.poll(() => current.findAll('tbody tr').map((row) => row.find('td').text())).toEqual(['Eva Berg', 'Olle Ek']);
    const history = wrapper.find('[data-test="members-history"]');
    expect(history.findAll('tbody tr').map((row) => row.findAll('td').map((cell) => cell.text()))).toEqual([
      ['Lisa Strand', 'Kinda kommun', 'Medlem', '2026-09-01 09:00', '2026-10-05 14:30'],
    ]);

    await expect.poll(() => wrapper.find('[aria-label="Ta bort Olle Ek ur nätverket"]').exists()).toBe(true);
    await wrapper.find('[aria-label="Ta bort Olle Ek ur nätverket"]').trigger('click');
    await expect.poll(() => dialog()?.textContent ?? '').toContain('Ta bort Olle Ek ur nätverket?');
    expect(dialog()!.textContent).toContain('finns kvar bland tidigare medlemmar');
    expect(left).toBe(0);
    inDialog<HTMLButtonElement>('[data-test="confirm"]')!.click();
    await expect.poll(() => left).toBe(1);
    await expect.poll(() => toasts.items.map((toast) => toast.text)).toEqual(['Olle Ek är inte längre medlem i nätverket.']);
    await expect.poll(() => dialog()).toBeNull();
    // Read again: Olle moved to the history, the most recent leaver first.
    expect(current.findAll('tbody tr').map((row) => row.find('td').text())).toEqual(['Eva Berg']);
    expect(history.findAll('tbody tr').map((row) => row.find('td').text())).toEqual(['Olle Ek', 'Lisa Strand']);
    wrapper.unmount();
  });

  it('lets an organisation admin add members and remove only the people of their organisation', async () => {
    const { wrapper } = await mountInPortal(NetworkMembers, {
      props: { network },
      mocks: [viewer(['ORGANISATION_ADMIN@org-kinda']), members([eva, olle])],
    });
    await expect.poll(() => wrapper.find('[data-test="member-add"]').exists()).toBe(true);
    expect(wrapper.find('[aria-label="Ta bort Eva Berg ur nätverket"]').exists()).toBe(true);
    expect(wrapper.find('[aria-label="Ta bort Olle Ek ur nätverket"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('offers a manager neither adding nor removing: the API would refuse them', async () => {
    const { wrapper } = await mountInPortal(NetworkMembers, {
      props: { network },
      mocks: [viewer(['MANAGER']), members([eva, olle])],
    });
    await expect.poll(() => wrapper.findAll('tbody tr').length).toBe(2);
    expect(wrapper.find('[data-test="member-add"]').exists()).toBe(false);
    expect(wrapper.find('[aria-label^="Ta bort"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('pages the members on the server, the page in the URL, and says so when they cannot be read', async () => {
    const { wrapper, router } = await mountInPortal(NetworkMembers, {
      props: { network },
      mocks: [
        viewer(['MANAGER']),
        members([eva], [], { totalCount: 21, endCursor: 'c20' }),
        members([olle], [], { after: 'c20', totalCount: 21 }),
      ],
    });
    const current = () => wrapper.find('[data-test="members"]');
    await expect
      .poll(() =>
        current()
          .findAll('tbody tr')
          .map((row) => row.find('td').text()),
      )
      .toEqual(['Eva Berg']);
    expect(wrapper.find('[data-test="members-history"]').exists()).toBe(false);
    expect(wrapper.text()).toContain('Ingen har lämnat nätverket.');
    expect(current().text()).toContain('21');
    await current()
      .findAll('button')
      .find((button) => button.text() === 'Nästa sida')!
      .trigger('click');
    await expect.poll(() => router.currentRoute.value.query['members.after']).toBe('c20');
    await expect
      .poll(() =>
        current()
          .findAll('tbody tr')
          .map((row) => row.find('td').text()),
      )
      .toEqual(['Olle Ek']);
    wrapper.unmount();

    const failed = await mountInPortal(NetworkMembers, {
      props: { network },
      mocks: [viewer(['MANAGER']), { ...members([]), result: undefined, error: new Error('offline') }],
    });
    await expect.poll(() => failed.wrapper.text()).toContain('Nätverkets medlemmar kunde inte hämtas.');
    failed.wrapper.unmount();
  });
});
