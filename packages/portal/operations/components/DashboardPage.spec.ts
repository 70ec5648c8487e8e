import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import { DashboardDocument, DashboardScopesDocument } from '../gql/graphql.js';
import DashboardPage from './DashboardPage.vue';

// The operations menu links to these.
const stubs = [
  ...['cost-shares', 'agreements', 'staff-import', 'catalogue', 'action-plans', 'learning-sessions'].map((name) => ({
    path: `/operations/${name}`,
    name: `operations-${name}`,
  })),
  { path: '/operations/learning-sessions/closed-months', name: 'operations-learning-month-closes' },
].map((route) => ({ ...route, component: { render: () => null } }));
const routes = [{ path: '/operations/dashboard', name: 'operations-dashboard', component: DashboardPage }, ...stubs];
const LINKOPING = { __typename: 'Organisation', id: 'org-linkoping', name: 'Linköpings kommun' };
const MOTALA = { __typename: 'Organisation', id: 'org-motala', name: 'Motala kommun' };

function scopes(county: boolean, organisations = [LINKOPING, MOTALA]): MockedResponse {
  return {
    request: { query: DashboardScopesDocument, variables: {} },
    result: { data: { dashboardScopes: { __typename: 'DashboardScopes', county, organisations } } },
  };
}

function dashboard(
  variables: { organisationId: string | null; from: string | null; to: string | null },
  organisation: typeof LINKOPING | null,
  series: [string, string, number[]][],
  months = ['2026-01', '2026-02', '2026-03'],
): MockedResponse {
  return {
    request: { query: DashboardDocument, variables: { ...variables, language: 'SV' } },
    result: {
      data: {
        dashboard: {
          __typename: 'Dashboard',
          organisation,
          from: months[0],
          to: months[months.length - 1],
          months,
          series: series.map(([key, label, values]) => ({ __typename: 'DashboardSeries', key, label, values })),
        },
      },
    },
  };
}

const SERIES: [string, string, number[]][] = [
  ['workplacesJoined', 'Nya arbetsplatser', [2, 0, 3]],
  ['workplacesTotal', 'Arbetsplatser totalt', [1210, 1210, 1213]],
  ['managersTrained', 'Utbildade chefer', [0, 5, 0]],
];

const tableOf = (wrapper: { element: Element }) =>
  [...wrapper.element.ownerDocument.querySelectorAll('[data-test="dashboard-table"] tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => (cell.textContent ?? '').trim()),
  );

describe('the dashboard page', () => {
  it("shows the county's figures as charts and as a table with Swedish month names", async () => {
    const { wrapper } = await mountInPortal(DashboardPage, {
      routes,
      at: '/operations/dashboard',
      mocks: [scopes(true), dashboard({ organisationId: null, from: null, to: null }, null, SERIES)],
    });
    await expect.poll(() => wrapper.find('[data-test="dashboard-table"]').exists()).toBe(true);
    expect(wrapper.find('caption').text()).toBe('Siffror per månad för Hela länet, januari 2026 – mars 2026');
    expect(tableOf(wrapper)).toEqual([
      ['Månad', 'Nya arbetsplatser', 'Arbetsplatser totalt', 'Utbildade chefer'],
      ['januari 2026', '2', '1\u00a0210', '0'],
      ['februari 2026', '0', '1\u00a0210', '5'],
      ['mars 2026', '3', '1\u00a0213', '0'],
    ]);
    expect(wrapper.findAll('thead th').every((cell) => cell.attributes('scope') === 'col')).toBe(true);
    expect(wrapper.findAll('tbody th').every((cell) => cell.attributes('scope') === 'row')).toBe(true);
    const charts = wrapper.findAll('[data-test="dashboard-chart"]');
    expect(charts).toHaveLength(3);
    expect(charts[0]!.attributes()).toMatchObject({
      role: 'img',
      'aria-label': 'Nya arbetsplatser per månad, Hela länet. Siffrorna finns i tabellen nedan.',
    });
    expect(wrapper.find('#dashboard-scope option').text()).toBe('Hela länet');
    expect(wrapper.find('[data-test="dashboard-export-xlsx"]').attributes('href')).toBe(
      '/exports/dashboard.xlsx?from=2026-01&to=2026-03&language=sv',
    );
    expect(document.title).toBe('Instrumentpanel – Evikomp');
    wrapper.unmount();
  });

  it('takes the organisation and months from the URL, and offers organisation admins only their organisation', async () => {
    const { wrapper } = await mountInPortal(DashboardPage, {
      routes,
      at: '/operations/dashboard?organisation=org-linkoping&from=2026-02&to=2026-03',
      mocks: [
        scopes(false, [LINKOPING]),
        dashboard(
          { organisationId: 'org-linkoping', from: '2026-02', to: '2026-03' },
          LINKOPING,
          [['workplacesJoined', 'Nya arbetsplatser', [4, 1]]],
          ['2026-02', '2026-03'],
        ),
      ],
    });
    await expect.poll(() => tableOf(wrapper).length).toBe(3);
    expect(tableOf(wrapper)[1]).toEqual(['februari 2026', '4']);
    expect(wrapper.findAll('#dashboard-scope option').map((option) => option.text())).toEqual(['Linköpings kommun']);
    expect((wrapper.find('#dashboard-from').element as HTMLInputElement).value).toBe('2026-02');
    expect(wrapper.find('[data-test="dashboard-export-csv"]').attributes('href')).toBe(
      '/exports/dashboard.csv?organisationId=org-linkoping&from=2026-02&to=2026-03&language=sv',
    );
    wrapper.unmount();
  });

  it('says so when there are no figures, and refuses a range backwards without asking the API', async () => {
    const { wrapper, router } = await mountInPortal(DashboardPage, {
      routes,
      at: '/operations/dashboard',
      mocks: [
        scopes(true),
        dashboard({ organisationId: null, from: null, to: null }, null, [['workplacesJoined', 'Nya arbetsplatser', [0, 0, 0]]]),
      ],
    });
    await expect.poll(() => wrapper.text()).toContain('Inga siffror för Hela länet under de valda månaderna.');
    expect(wrapper.find('[data-test="dashboard-table"]').exists()).toBe(false);
    await wrapper.find('#dashboard-from').setValue('2026-03');
    await wrapper.find('#dashboard-to').setValue('2026-01');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.find('[role="alert"]').text()).toBe('Välj en från-månad som inte ligger efter till-månaden.');
    expect(router.currentRoute.value.query).toEqual({});
    wrapper.unmount();
  });

  it('shows an error state when the figures cannot be loaded', async () => {
    const { wrapper } = await mountInPortal(DashboardPage, {
      routes,
      at: '/operations/dashboard',
      mocks: [
        scopes(true),
        {
          request: { query: DashboardDocument, variables: { organisationId: null, from: null, to: null, language: 'SV' } },
          error: new Error('down'),
        },
      ],
    });
    await expect.poll(() => wrapper.text()).toContain('Instrumentpanelen kunde inte hämtas.');
    wrapper.unmount();
  });

  it('tells people without access that the dashboard is not theirs', async () => {
    const { wrapper } = await mountInPortal(DashboardPage, { routes, at: '/operations/dashboard', mocks: [scopes(false, [])] });
    await expect.poll(() => wrapper.text()).toContain('Du har inte behörighet till instrumentpanelen.');
    wrapper.unmount();
  });
});
