import { describe, expect, it } from 'vitest';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import { SessionCreateDocument } from '../gql/graphql.js';
import SessionFormPage from './SessionFormPage.vue';

const COHORT_ID = 'Q29ob3J0OjE';
const routes = [
  { path: '/training/cohorts/:cohortId/sessions/new', component: SessionFormPage, props: true },
  { path: '/training/cohorts/:cohortId', name: 'training-cohort', component: { render: () => null } },
];

async function fill(wrapper: Awaited<ReturnType<typeof mountInPortal>>['wrapper'], values: Record<string, string>) {
  for (const [id, value] of Object.entries(values)) await wrapper.find(`#${id}`).setValue(value);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
  await expect.poll(() => wrapper.find('[data-test="session-save"]').attributes('disabled')).toBeUndefined();
  await flushPromises();
}

describe('the session form', () => {
  it('asks for an end after the start and an https link, as the API does, before sending', async () => {
    const { wrapper, unexpected } = await mountInPortal(SessionFormPage, {
      routes,
      at: `/training/cohorts/${COHORT_ID}/sessions/new`,
      props: { cohortId: COHORT_ID },
    });
    await fill(wrapper, {
      'session-starts': '2026-09-01T09:00',
      'session-ends': '2026-09-01T08:00',
      'session-online': 'http://meet.example.se',
    });
    expect(wrapper.find('#session-ends-error').text()).toBe('Träffen måste sluta efter att den börjar.');
    expect(wrapper.find('#session-online-error').text()).toBe('Ange en länk som börjar med https://.');
    expect(wrapper.find('#session-starts-error').exists()).toBe(false);
    expect(document.activeElement?.id).toBe('session-ends');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it('sends the times as Swedish time and shows the API errors on their fields', async () => {
    const { wrapper } = await mountInPortal(SessionFormPage, {
      routes,
      at: `/training/cohorts/${COHORT_ID}/sessions/new`,
      props: { cohortId: COHORT_ID },
      mocks: [
        {
          request: {
            query: SessionCreateDocument,
            variables: {
              input: {
                cohortId: COHORT_ID,
                title: 'Dag 1',
                startsAt: '2026-09-01T07:00:00.000Z',
                endsAt: '2026-09-01T15:00:00.000Z',
                venue: 'Linköpings stadshus',
                onlineUrl: null,
                residential: false,
              },
            },
          },
          result: {
            data: {
              sessionCreate: {
                __typename: 'SessionPayload',
                session: null,
                errors: [{ __typename: 'UserError', field: 'endsAt', code: 'INVALID', message: 'A session must end after it starts.' }],
              },
            },
          },
        },
      ],
    });
    await fill(wrapper, {
      'session-title': 'Dag 1',
      'session-starts': '2026-09-01T09:00',
      'session-ends': '2026-09-01T17:00',
      'session-venue': 'Linköpings stadshus',
    });
    await expect.poll(() => wrapper.find('#session-ends-error').exists()).toBe(true);
    expect(wrapper.find('#session-ends-error').text()).toBe('Träffen måste sluta efter att den börjar.');
    wrapper.unmount();
  });
});
