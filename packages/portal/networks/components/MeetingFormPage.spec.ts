import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { NetworkDocument, NetworkMeetingCreateDocument } from '../gql/graphql.js';
import { payload, viewer } from '../testing/mocks.js';
import MeetingFormPage from './MeetingFormPage.vue';

const NETWORK_ID = 'TmV0d29yazox';
const routes = [
  { path: '/networks/:networkId/meetings/new', name: 'networks-meeting-create', component: MeetingFormPage },
  { path: '/networks/meetings/:meetingId', name: 'networks-meeting', component: { render: () => null } },
  { path: '/networks/:networkId', name: 'networks-network', component: { render: () => null } },
];

const network: MockedResponse = {
  request: { query: NetworkDocument, variables: { id: NETWORK_ID } },
  result: {
    data: {
      network: {
        __typename: 'Network',
        id: NETWORK_ID,
        name: 'Lärande chefsnätverk Kinda',
        description: null,
        status: 'ACTIVE',
        audienceRoles: ['MANAGER'],
        prerequisite: null,
        members: [],
        meetings: [],
      },
    },
  },
};

async function mountForm(mocks: MockedResponse[]) {
  const mounted = await mountInPortal(MeetingFormPage, {
    routes,
    at: `/networks/${NETWORK_ID}/meetings/new`,
    mocks: [network, viewer(['ADMINISTRATOR']), ...mocks],
  });
  await expect.poll(() => mounted.wrapper.find('form').exists()).toBe(true);
  return mounted;
}

async function fill(wrapper: Awaited<ReturnType<typeof mountForm>>['wrapper'], values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) await wrapper.find(`#${id}`).setValue(value);
}

describe('the new meeting form', () => {
  it('says which times are wrong before sending: the end before the start, a link that is not https', async () => {
    const { wrapper, unexpected } = await mountForm([]);
    expect(wrapper.find('h1').text()).toBe('Ny träff i Lärande chefsnätverk Kinda');
    await fill(wrapper, {
      'meeting-title': 'Träff 1',
      'meeting-date': '2027-03-10',
      'meeting-start': '13:00',
      'meeting-end': '12:00',
      'meeting-online': 'http://meet.example.se',
      'meeting-capacity': '0',
    });
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#meeting-end-error').text()).toBe('Sluttiden måste vara efter starttiden.');
    expect(wrapper.find('#meeting-online-error').text()).toBe('Skriv en länk som börjar med https://.');
    expect(wrapper.find('#meeting-capacity-error').text()).toContain('heltal mellan 1 och 100 000');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("sends the times as instants of Swedish time and puts the API's errors on their fields", async () => {
    const input = {
      networkId: NETWORK_ID,
      title: 'Nätverksträff 1',
      description: null,
      // 13:00 and 16:00 in Sweden in March (winter time, UTC+1); summer time (UTC+2) in June.
      startsAt: '2027-03-10T12:00:00.000Z',
      endsAt: '2027-03-10T15:00:00.000Z',
      venue: 'Kinda kommunhus',
      onlineUrl: null,
      capacity: 12,
    };
    const { wrapper, router } = await mountForm([
      payload(NetworkMeetingCreateDocument, { input }, 'networkMeetingCreate', { meeting: null }, [
        { field: 'endsAt', code: 'INVALID', message: 'A meeting must end after it starts.' },
        { field: null, code: 'CONFLICT', message: 'The network is closed.' },
      ]),
      payload(NetworkMeetingCreateDocument, { input }, 'networkMeetingCreate', {
        meeting: { __typename: 'NetworkMeeting', id: 'TmV0d29ya01lZXRpbmc6MQ', title: input.title },
      }),
    ]);
    await fill(wrapper, {
      'meeting-title': input.title,
      'meeting-date': '2027-03-10',
      'meeting-start': '13:00',
      'meeting-end': '16:00',
      'meeting-venue': input.venue,
      'meeting-capacity': '12',
    });
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#meeting-end-error').exists()).toBe(true);
    expect(wrapper.find('#meeting-end-error').text()).toBe('Träffen måste sluta efter att den börjar.');
    expect(wrapper.find('[data-form-error]').text()).toBe('Nätverket är avslutat och planerar inga träffar.');

    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.name).toBe('networks-meeting');
    wrapper.unmount();
  });
});
