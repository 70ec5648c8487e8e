import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { MyRegistrationPageDocument, RegistrationAcceptOfferDocument } from '../gql/graphql.js';
import RegistrationPage from './RegistrationPage.vue';

const ME = 'UGVyc29uOjE';
const REGISTRATION = 'UmVnOjE';
const routes = [
  { path: '/me', name: 'me-home', component: { render: () => null } },
  { path: '/me/registrations/:registrationId', name: 'me-registration', component: RegistrationPage },
];

const offering = {
  __typename: 'Cohort',
  id: 'Q29ob3J0OjE',
  status: 'OPEN',
  name: 'Omgång 3',
  programme: { __typename: 'Programme', id: 'UHJvZzox', name: 'Ledarutbildning' },
  sessions: [
    {
      __typename: 'Session',
      id: 'U2VzczI',
      title: 'Dag 2',
      startsAt: '2027-09-08T07:00:00Z',
      endsAt: '2027-09-08T15:00:00Z',
      venue: 'Folkets hus, Motala',
      onlineUrl: null,
    },
    {
      __typename: 'Session',
      id: 'U2VzczE',
      title: 'Dag 1',
      startsAt: '2027-09-01T07:00:00Z',
      endsAt: '2027-09-01T15:00:00Z',
      venue: null,
      onlineUrl: 'https://meet.example.se/dag1',
    },
  ],
};

function page(registration: { status: string; offerExpiresAt?: string | null }, owner = ME, id = REGISTRATION): MockedResponse {
  return {
    request: { query: MyRegistrationPageDocument, variables: { id } },
    result: {
      data: {
        me: { __typename: 'Person', id: ME },
        node: {
          __typename: 'Registration',
          id,
          waitlistPosition: null,
          offerExpiresAt: null,
          rejectionReason: null,
          registeredAt: '2026-11-30T10:00:00Z',
          cancelledAt: null,
          person: { __typename: 'Person', id: owner },
          offering,
          ...registration,
        },
      },
    },
  };
}

const accept: MockedResponse = {
  request: { query: RegistrationAcceptOfferDocument, variables: { input: { id: REGISTRATION } } },
  result: {
    data: {
      registrationAcceptOffer: {
        __typename: 'RegistrationPayload',
        registration: {
          __typename: 'Registration',
          id: REGISTRATION,
          status: 'CONFIRMED',
          waitlistPosition: null,
          offerExpiresAt: null,
          rejectionReason: null,
          registeredAt: '2026-11-30T10:00:00Z',
          offering: { ...offering, sessions: offering.sessions.map(({ id, startsAt }) => ({ __typename: 'Session', id, startsAt })) },
        },
        errors: [],
      },
    },
  },
};

describe("a person's registration page", () => {
  it('shows the offer in words, what it is for and its sessions in Swedish time, and accepts the offer', async () => {
    const { wrapper, unexpected } = await mountInPortal(RegistrationPage, {
      routes,
      at: `/me/registrations/${REGISTRATION}`,
      mocks: [
        page({ status: 'OFFERED', offerExpiresAt: '2027-01-07T13:00:00Z' }),
        accept,
        page({ status: 'CONFIRMED', offerExpiresAt: null }),
      ],
    });
    await expect.poll(() => wrapper.find('h1').exists()).toBe(true);
    expect(wrapper.find('h1').text()).toBe('Ledarutbildning: Omgång 3');
    expect(document.title).toBe('Ledarutbildning: Omgång 3 – Evikomp');
    expect(wrapper.find('[data-test="registration-state"]').text()).toMatch(/^erbjuden plats till .+14:00$/);
    const sessions = wrapper.findAll('[data-test="registration-session"]').map((session) => session.text());
    expect(sessions[0]).toContain('Dag 1');
    expect(sessions[0]).toContain('1 september 2027 kl. 09:00–17:00');
    expect(sessions[0]).toContain('Digitalt');
    expect(sessions[1]).toContain('Dag 2');
    expect(sessions[1]).toContain('Folkets hus, Motala');

    await wrapper.find('[data-test="accept-offer"]').trigger('click');
    await expect.poll(() => wrapper.find('[data-test="registration-state"]').text()).toBe('bekräftad');
    expect(wrapper.find('[data-test="accept-offer"]').exists()).toBe(false);
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("says not found for someone else's registration, and for none", async () => {
    const other = await mountInPortal(RegistrationPage, {
      routes,
      at: `/me/registrations/${REGISTRATION}`,
      mocks: [page({ status: 'CONFIRMED' }, 'UGVyc29uOjI')],
    });
    await expect.poll(() => other.wrapper.find('[data-test="not-found"]').exists()).toBe(true);
    expect(other.wrapper.find('h1').text()).toBe('Hittades inte');
    expect(other.wrapper.text()).not.toContain('Omgång 3');
    other.wrapper.unmount();

    const none = await mountInPortal(RegistrationPage, {
      routes,
      at: '/me/registrations/nothing',
      mocks: [
        {
          request: { query: MyRegistrationPageDocument, variables: { id: 'nothing' } },
          result: { data: { me: { __typename: 'Person', id: ME }, node: null } },
        },
      ],
    });
    await expect.poll(() => none.wrapper.find('[data-test="not-found"]').exists()).toBe(true);
    expect(document.title).toBe('Hittades inte – Evikomp');
    none.wrapper.unmount();
  });
});
