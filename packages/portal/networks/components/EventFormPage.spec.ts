import { describe, expect, it } from 'vitest';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { EventCreateDocument } from '../gql/graphql.js';
import { payload } from '../testing/mocks.js';
import EventFormPage from './EventFormPage.vue';

const routes = [
  { path: '/networks/events/new', name: 'networks-event-create', component: EventFormPage },
  { path: '/networks/events/:eventId', name: 'networks-event', component: { render: () => null } },
  { path: '/networks/events', name: 'networks-events', component: { render: () => null } },
];

describe('the new event form', () => {
  it('wants a date and a time together, and registration to close after it opens', async () => {
    const { wrapper, unexpected } = await mountInPortal(EventFormPage, { routes, at: '/networks/events/new' });
    await wrapper.find('#event-name').setValue('Uppstart Kinda');
    await wrapper.find('#event-opens-date').setValue('2027-02-01');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#event-opens-time-error').text()).toBe('Skriv en tid som TT:MM, till exempel 13:00.');
    await wrapper.find('#event-opens-time').setValue('09:00');
    await wrapper.find('#event-closes-date').setValue('2027-01-31');
    await wrapper.find('#event-closes-time').setValue('09:00');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('#event-opens-time-error').exists()).toBe(false);
    expect(wrapper.find('#event-closes-date-error').text()).toBe('Anmälan måste stänga efter att den öppnar.');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("sends the window in Swedish time, shows the API's refusal on the closing date, then opens the new event", async () => {
    const input = {
      kind: 'KICK_OFF',
      name: 'Uppstart Kinda',
      description: null,
      capacity: 40,
      registrationOpensAt: '2027-02-01T08:00:00.000Z',
      registrationClosesAt: '2027-06-01T20:00:00.000Z',
      audienceRoles: ['MANAGER'],
      status: 'OPEN',
    };
    const { wrapper, router } = await mountInPortal(EventFormPage, {
      routes,
      at: '/networks/events/new',
      mocks: [
        payload(EventCreateDocument, { input }, 'eventCreate', { event: null }, [
          { field: 'registrationClosesAt', code: 'INVALID', message: 'Registration must close after it opens.' },
        ]),
        payload(EventCreateDocument, { input }, 'eventCreate', { event: { __typename: 'Event', id: 'RXZlbnQ6MQ', name: input.name } }),
      ],
    });
    await wrapper.find('#event-kind').setValue('KICK_OFF');
    await wrapper.find('#event-name').setValue(input.name);
    await wrapper.find('#event-capacity').setValue('40');
    await wrapper.find('#event-opens-date').setValue('2027-02-01');
    await wrapper.find('#event-opens-time').setValue('09:00');
    await wrapper.find('#event-closes-date').setValue('2027-06-01');
    await wrapper.find('#event-closes-time').setValue('22:00');
    await wrapper.find('input[value="MANAGER"]').setValue(true);
    await wrapper.find('#event-status').setValue('OPEN');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#event-closes-date-error').exists()).toBe(true);
    expect(wrapper.find('#event-closes-date-error').text()).toBe('Anmälan måste stänga efter att den öppnar.');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.path).toBe('/networks/events/RXZlbnQ6MQ');
    wrapper.unmount();
  });
});
