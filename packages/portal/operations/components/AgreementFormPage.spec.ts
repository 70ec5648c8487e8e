import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { AgreementCreateDocument, AgreementGiveNoticeDocument, AgreementOrganisationSearchDocument } from '../gql/graphql.js';
import { payload } from '../testing/mocks.js';
import AgreementFormPage from './AgreementFormPage.vue';
import AgreementNoticeDialog from './AgreementNoticeDialog.vue';

const routes = [
  { path: '/operations/agreements/new', name: 'operations-agreement-create', component: AgreementFormPage },
  { path: '/operations/agreements', name: 'operations-agreements', component: { render: () => null } },
];

const search: MockedResponse = {
  request: { query: AgreementOrganisationSearchDocument, variables: { search: 'kinda' } },
  result: {
    data: {
      organisations: {
        __typename: 'OrganisationConnection',
        totalCount: 1,
        edges: [
          {
            __typename: 'OrganisationEdge',
            node: { __typename: 'Organisation', id: 'org-kinda', name: 'Kinda kommun', organisationNumber: '212000-0530' },
          },
        ],
      },
    },
  },
};

function agreement(input: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    __typename: 'Agreement',
    id: 'QWdyZWVtZW50OjE',
    noticeGivenOn: null,
    endsOn: null,
    status: 'IN_FORCE',
    organisation: { __typename: 'Organisation', id: 'org-kinda', name: 'Kinda kommun' },
    ...input,
    ...extra,
  };
}

const terms = {
  signedOn: '2024-11-20',
  startsOn: '2025-01-01',
  firstPeriodEndsOn: '2025-12-31',
  noticePeriodMonths: 12,
  services: ['LEARNING_PLATFORM', 'LEADER_SUPPORT', 'WORKPLACE_SUPPORT', 'TEACHER_SUPPORT', 'NETWORKS', 'CO_CREATION'],
};

describe('the agreement form', () => {
  it('asks for an organisation, real dates, a notice period of 0 to 60 months and a service before sending', async () => {
    const { wrapper, unexpected } = await mountInPortal(AgreementFormPage, { routes, at: '/operations/agreements/new', mocks: [] });
    await wrapper.find('#agreement-signed-on').setValue('2024-02-30');
    await wrapper.find('#agreement-notice-months').setValue('61');
    for (const box of wrapper.findAll('input[name="services"]')) await box.setValue(false);
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#agreement-organisation-search-error').exists()).toBe(true);
    expect(wrapper.find('#agreement-organisation-search-error').text()).toBe('Sök och välj en organisation.');
    expect(wrapper.find('#agreement-signed-on-error').text()).toBe('Skriv ett datum som ÅÅÅÅ-MM-DD.');
    expect(wrapper.find('#agreement-starts-on-error').text()).toBe('Fyll i fältet.');
    expect(wrapper.find('#agreement-notice-months-error').text()).toBe('Skriv ett heltal från 0 till 60.');
    expect(wrapper.find('#agreement-services-error').text()).toBe('Välj minst en tjänst.');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("finds the member by a server search, shows the API's overlap refusal on the start day, then saves", async () => {
    const input = { organisationId: 'org-kinda', ...terms };
    const { wrapper, router } = await mountInPortal(AgreementFormPage, {
      routes,
      at: '/operations/agreements/new',
      mocks: [
        search,
        payload(AgreementCreateDocument, { input }, 'agreementCreate', { agreement: null }, [
          { field: 'startsOn', code: 'CONFLICT', message: 'The organisation already has an agreement in force in this period.' },
        ]),
        payload(AgreementCreateDocument, { input }, 'agreementCreate', { agreement: agreement(terms) }),
      ],
    });
    await wrapper.find('#agreement-organisation-search').setValue('kinda');
    await wrapper.find('[data-test="organisation-search"]').trigger('click');
    await expect.poll(() => wrapper.findAll('input[name="agreement-organisation"]').length).toBe(1);
    expect(wrapper.find('[data-test="organisation-results"]').text()).toContain('Kinda kommun (212000-0530)');
    await wrapper.find('input[name="agreement-organisation"]').setValue(true);
    await wrapper.find('#agreement-signed-on').setValue(terms.signedOn);
    await wrapper.find('#agreement-starts-on').setValue(terms.startsOn);
    await wrapper.find('#agreement-first-period-ends-on').setValue(terms.firstPeriodEndsOn);
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#agreement-starts-on-error').exists()).toBe(true);
    expect(wrapper.find('#agreement-starts-on-error').text()).toBe('Organisationen har redan ett avtal som gäller under perioden.');
    expect(router.currentRoute.value.path).toBe('/operations/agreements/new');

    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.path).toBe('/operations/agreements');
    wrapper.unmount();
  });
});

describe('the notice dialog', () => {
  it('gives notice on the day entered and says when the agreement ends', async () => {
    const input = { id: 'QWdyZWVtZW50OjE', noticeGivenOn: '2026-03-15' };
    const { wrapper } = await mountInPortal(AgreementNoticeDialog, {
      routes: [{ path: '/', component: { render: () => null } }],
      at: '/',
      props: {
        target: { action: 'give', id: input.id, organisation: 'Kinda kommun', noticePeriodMonths: 12, firstPeriodEndsOn: '2025-12-31' },
      },
      mocks: [
        payload(AgreementGiveNoticeDocument, { input }, 'agreementGiveNotice', {
          agreement: agreement(terms, { noticeGivenOn: '2026-03-15', endsOn: '2027-03-14', status: 'NOTICE_GIVEN' }),
        }),
      ],
    });
    const field = document.querySelector<HTMLInputElement>('#agreement-notice-given-on')!;
    expect(field.value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(document.body.textContent).toContain('Säga upp avtalet med Kinda kommun?');
    field.value = input.noticeGivenOn;
    field.dispatchEvent(new Event('input'));
    document.querySelector<HTMLButtonElement>('[data-test="agreement-notice-confirm"]')!.click();
    await expect.poll(() => wrapper.emitted('done')?.length ?? 0).toBe(1);
    wrapper.unmount();
  });
});
