import type { DashboardSeriesProvider } from '../../platform/dashboard/dashboard-series.js';

/** The network module's dashboard series. A membership counts for the organisation the person belonged to when joining. */
export const networkDashboardSeries: DashboardSeriesProvider[] = [
  {
    key: 'networkMembers',
    label: { sv: 'Nätverksmedlemmar', en: 'Network members' },
    description: 'Distinct people who are members of a network (not facilitators) at the end of the month, Swedish time.',
    order: 40,
    monthlyCountsSql: `
      select u.unit_id, m.month, count(distinct nm.person_id)::int as value
      from dashboard_unit u
      join network_membership nm on nm.organisation_id = u.organisation_id and nm.role = 'MEMBER'
      join dashboard_month m on nm.joined_at < m.ends and (nm.left_at is null or nm.left_at >= m.ends)
      group by u.unit_id, m.month`,
  },
];
