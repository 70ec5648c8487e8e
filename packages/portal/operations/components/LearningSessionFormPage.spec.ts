import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { flushPromises, mountInPortal } from '@evikomp/portal-shared/testing';
import {
  LearningSessionCreateDocument,
  LearningSessionFormOptionsDocument,
  LearningSessionRecordPaperListDocument,
  LearningStaffSearchDocument,
} from '../gql/graphql.js';
import { payload } from '../testing/mocks.js';
import LearningSessionFormPage from './LearningSessionFormPage.vue';

const WORKPLACE = 'V29ya3BsYWNlOjE';
const routes = [
  { path: '/operations/learning-sessions/new', name: 'operations-learning-session-create', component: LearningSessionFormPage },
  { path: '/operations/learning-sessions', name: 'operations-learning-sessions', component: { render: () => null } },
  { path: '/operations/learning-sessions/:id', name: 'operations-learning-session', component: { render: () => null } },
];

const options: MockedResponse = {
  request: { query: LearningSessionFormOptionsDocument, variables: { workplaceId: WORKPLACE } },
  result: {
    data: {
      workplace: {
        __typename: 'Workplace',
        id: WORKPLACE,
        name: 'Hemtjänst Centrum',
        manager: { __typename: 'RoleAssignment', id: 'ra-1', person: { __typename: 'Person', id: 'p-boss', name: 'Maja Chefsson' } },
      },
    },
  },
};

const staff: MockedResponse = {
  request: { query: LearningStaffSearchDocument, variables: { workplaceId: WORKPLACE, search: 'saga' } },
  result: {
    data: {
      workplace: {
        __typename: 'Workplace',
        id: WORKPLACE,
        staff: {
          __typename: 'EmploymentConnection',
          edges: [
            {
              __typename: 'EmploymentEdge',
              node: {
                __typename: 'Employment',
                id: 'e-1',
                title: 'Undersköterska',
                person: { __typename: 'Person', id: 'p-saga', name: 'Saga Lärling' },
              },
            },
          ],
        },
      },
    },
  },
  maxUsageCount: 2,
};

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const at = `/operations/learning-sessions/new?workplace=${WORKPLACE}&month=2026-03`;

describe('registering a learning session', () => {
  it('checks the day, the times and that there is a participant before sending anything', async () => {
    const { wrapper, unexpected } = await mountInPortal(LearningSessionFormPage, { routes, at, mocks: [options] });
    await expect.poll(() => wrapper.find('[data-test="learning-session-form"]').exists()).toBe(true);
    expect(wrapper.find('h1').text()).toBe('Registrera lärtillfälle på Hemtjänst Centrum');
    expect(wrapper.find<HTMLInputElement>('#learning-held-on').element.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await wrapper.find('#learning-held-on').setValue('2026-02-30');
    await wrapper.find('#learning-starts-at').setValue('9.00');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#learning-held-on-error').exists()).toBe(true);
    expect(wrapper.find('#learning-held-on-error').text()).toBe('Skriv ett datum som ÅÅÅÅ-MM-DD.');
    expect(wrapper.find('#learning-starts-at-error').text()).toBe('Skriv en tid som TT:MM.');
    expect(wrapper.find('#learning-ends-at-error').text()).toBe('Fyll i fältet.');
    expect(wrapper.find('#learning-participant-search-error').text()).toBe('Lägg till minst en deltagare.');
    expect(wrapper.find('#learning-held-on').attributes('aria-invalid')).toBe('true');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("records from a paper list naming the manager, shows the API's errors on their fields (a closed month in its words), then opens the session", async () => {
    const input = {
      workplaceId: WORKPLACE,
      heldOn: '2026-03-12',
      startsAt: '09:00',
      endsAt: '11:30',
      type: 'REFLECTION',
      moduleIds: [],
      teacherNeeded: false,
      participants: [{ personId: 'p-saga' }],
      paperListSignedById: 'p-boss',
    };
    const closed = 'Mars 2026 är stängd: inget i månaden kan ändras. / March 2026 is closed: nothing in it can change.';
    const { wrapper, router, unexpected } = await mountInPortal(LearningSessionFormPage, {
      routes,
      at,
      mocks: [
        options,
        staff,
        payload(LearningSessionRecordPaperListDocument, { input }, 'learningSessionRecordPaperList', { learningSession: null }, [
          { field: 'input.participants.0.personId', code: 'INVALID', message: 'A participant is employed at the workplace on the day.' },
          { field: 'input.paperListSignedById', code: 'INVALID', message: 'The paper list is signed by a manager of the workplace.' },
        ]),
        payload(LearningSessionRecordPaperListDocument, { input }, 'learningSessionRecordPaperList', { learningSession: null }, [
          { field: 'input.heldOn', code: 'CONFLICT', message: closed },
        ]),
        payload(LearningSessionRecordPaperListDocument, { input }, 'learningSessionRecordPaperList', {
          learningSession: { __typename: 'LearningSession', id: 'TGVhcm5pbmdTZXNzaW9uOjE' },
        }),
      ],
    });
    await expect.poll(() => wrapper.find('[data-test="learning-session-form"]').exists()).toBe(true);
    await wrapper.find('[data-test="mode-paper"]').setValue(true);
    expect(wrapper.find<HTMLSelectElement>('#learning-signed-by').element.value).toBe('p-boss');
    expect(wrapper.find('[data-test="learning-session-save"]').text()).toBe('Registrera från pappersnärvarolistan');
    await wrapper.find('#learning-held-on').setValue('2026-03-12');
    await wrapper.find('#learning-starts-at').setValue('09:00');
    await wrapper.find('#learning-ends-at').setValue('11:30');
    await wrapper.find('#learning-type').setValue('REFLECTION');
    await wrapper.find('#learning-participant-search').setValue('saga');
    await wait(400);
    await flushPromises();
    await expect.poll(() => wrapper.findAll('[role="option"]').length).toBe(1);
    expect(wrapper.find('[role="option"]').text()).toBe('Saga Lärling (Undersköterska)');
    await wrapper.find('[role="option"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-test="chosen-participants"]').text()).toContain('Saga Lärling');
    expect(wrapper.find<HTMLInputElement>('#learning-participant-search').element.value).toBe('');

    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#learning-participant-search-error').exists()).toBe(true);
    expect(wrapper.find('#learning-participant-search-error').text()).toBe(
      'Varje deltagare ska vara anställd på arbetsplatsen den dagen (eller ha en roll där), och stå med en gång.',
    );
    expect(wrapper.find('#learning-signed-by-error').text()).toBe('Listan ska vara underskriven av en chef för arbetsplatsen den dagen.');

    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#learning-held-on-error').exists()).toBe(true);
    expect(wrapper.find('#learning-held-on-error').text()).toBe(closed);
    expect(wrapper.find('#learning-participant-search-error').exists()).toBe(false);
    expect(router.currentRoute.value.name).toBe('operations-learning-session-create');

    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.path).toBe('/operations/learning-sessions/TGVhcm5pbmdTZXNzaW9uOjE');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it('registers directly with the create mutation when not from a paper list', async () => {
    const input = {
      workplaceId: WORKPLACE,
      heldOn: '2026-03-12',
      startsAt: '13:00',
      endsAt: '12:00',
      type: 'TEACHER_LED',
      moduleIds: [],
      teacherNeeded: true,
      participants: [{ personId: 'p-saga' }],
      funderReference: 'ESF-2026-1',
    };
    const { wrapper, unexpected } = await mountInPortal(LearningSessionFormPage, {
      routes,
      at,
      mocks: [
        options,
        staff,
        payload(LearningSessionCreateDocument, { input }, 'learningSessionCreate', { learningSession: null }, [
          { field: 'input.endsAt', code: 'INVALID', message: 'The session must end after it starts, on the same day.' },
        ]),
      ],
    });
    await expect.poll(() => wrapper.find('[data-test="learning-session-form"]').exists()).toBe(true);
    await wrapper.find('#learning-held-on').setValue('2026-03-12');
    await wrapper.find('#learning-starts-at').setValue('13:00');
    await wrapper.find('#learning-ends-at').setValue('12:00');
    await wrapper.find('input[name="teacherNeeded"]').setValue(true);
    await wrapper.find('#learning-funder-reference').setValue('ESF-2026-1');
    await wrapper.find('#learning-participant-search').setValue('saga');
    await wait(400);
    await flushPromises();
    await expect.poll(() => wrapper.findAll('[role="option"]').length).toBe(1);
    await wrapper.find('[role="option"]').trigger('click');
    await flushPromises();
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#learning-ends-at-error').exists()).toBe(true);
    expect(wrapper.find('#learning-ends-at-error').text()).toBe('Lärtillfället ska sluta efter att det börjat, samma dag.');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });
});
