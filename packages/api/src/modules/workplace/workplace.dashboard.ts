import type { DashboardSeriesProvider } from '../../platform/dashboard/dashboard-series.js';

/**
 * The workplace module's dashboard series. A workplace joins on its joining date (`Workplace.joinedOn`: the day
 * it started workplace learning in the model, set when it is registered) and counts until its leaving date
 * (`leftOn`, the first day it no longer takes part), for the organisation it belongs to.
 */
export const workplaceDashboardSeries: DashboardSeriesProvider[] = [
  {
    key: 'workplacesJoined',
    label: { sv: 'Nya arbetsplatser', en: 'Workplaces joined' },
    description: 'Workplaces whose joining date falls in the month.',
    order: 10,
    monthlyCountsSql: `
      select u.unit_id, m.month, count(*)::int as value
      from dashboard_unit u
      join workplace w on w.organisation_id = u.organisation_id
      join dashboard_month m on w.joined_on >= m.month and w.joined_on < m.next_month
      group by u.unit_id, m.month`,
  },
  {
    key: 'workplacesTotal',
    label: { sv: 'Arbetsplatser totalt', en: 'Workplaces in total' },
    description: 'Workplaces taking part on the last day of the month: joined by then and not left by then.',
    order: 11,
    monthlyCountsSql: `
      select u.unit_id, m.month, count(*)::int as value
      from dashboard_unit u
      join workplace w on w.organisation_id = u.organisation_id
      join dashboard_month m on w.joined_on < m.next_month and (w.left_on is null or w.left_on >= m.next_month)
      group by u.unit_id, m.month`,
  },
];
