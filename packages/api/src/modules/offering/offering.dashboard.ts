import type { DashboardSeriesProvider } from '../../platform/dashboard/dashboard-series.js';

/**
 * The offering module's dashboard series, over registrations and attendance of cohorts, network meetings and
 * events alike. A place counts for the organisation the person belonged to when registering.
 */
export const offeringDashboardSeries: DashboardSeriesProvider[] = [
  {
    key: 'peopleReached',
    label: { sv: 'Nådda personer', en: 'People reached' },
    description:
      'Distinct people who registered for a cohort, network meeting or event during the month (and hold or held a place or queue place: not cancelled, lapsed, rejected or awaiting approval), or attended one of its sessions that month.',
    order: 20,
    monthlyCountsSql: `
      select u.unit_id, m.month, count(distinct reached.person_id)::int as value
      from dashboard_unit u
      join (
        select r.organisation_id, r.person_id, r.registered_at as at
        from registration r
        where r.status not in ('CANCELLED', 'LAPSED', 'REJECTED', 'PENDING_APPROVAL')
        union all
        select r.organisation_id, r.person_id, s.starts_at as at
        from attendance a
        join registration r on r.id = a.registration_id
        join offering_session s on s.id = a.session_id
        where a.status = 'PRESENT'
      ) reached on reached.organisation_id = u.organisation_id
      join dashboard_month m on reached.at >= m.starts and reached.at < m.ends
      group by u.unit_id, m.month`,
  },
  {
    key: 'managersTrained',
    label: { sv: 'Utbildade chefer', en: 'Managers trained' },
    description:
      'Distinct people who completed the leader training during the month: a cohort whose audience is managers, by the completion rule of its programme.',
    order: 30,
    monthlyCountsSql: `
      select u.unit_id, m.month, count(distinct r.person_id)::int as value
      from dashboard_unit u
      join registration r on r.organisation_id = u.organisation_id
      join offering o on o.id = r.offering_id and o.kind = 'COHORT' and 'MANAGER' = any (o.audience_roles)
      join dashboard_month m on r.completed_on >= m.month and r.completed_on < m.next_month
      group by u.unit_id, m.month`,
  },
];
