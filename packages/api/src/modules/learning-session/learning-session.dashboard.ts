import type { DashboardSeriesProvider } from '../../platform/dashboard/dashboard-series.js';

/**
 * The learning-session module's dashboard series. A session counts for the organisation of its workplace, in the month
 * it was held; hours count once the workplace's manager has attested them (the second step), rounded to whole hours.
 */
export const learningSessionDashboardSeries: DashboardSeriesProvider[] = [
  {
    key: 'learningSessions',
    label: { sv: 'Lärtillfällen', en: 'Learning sessions' },
    description: 'Learning sessions held at the workplaces in the month and not cancelled.',
    order: 50,
    monthlyCountsSql: `
      select u.unit_id, m.month, count(ls.id)::int as value
      from dashboard_unit u
      join learning_session ls on ls.organisation_id = u.organisation_id and ls.cancelled_at is null
      join dashboard_month m on ls.held_on >= m.month and ls.held_on < m.next_month
      group by u.unit_id, m.month`,
  },
  {
    key: 'attestedHours',
    label: { sv: 'Attesterade timmar', en: 'Attested hours' },
    description: "Hours of learning held in the month that the workplace's manager has attested, rounded to whole hours.",
    order: 60,
    monthlyCountsSql: `
      select u.unit_id, m.month, round(sum(lh.minutes) / 60.0)::int as value
      from dashboard_unit u
      join learning_session ls on ls.organisation_id = u.organisation_id
      join learning_hours lh on lh.session_id = ls.id and lh.attestation_id is not null
      join dashboard_month m on lh.held_on >= m.month and lh.held_on < m.next_month
      group by u.unit_id, m.month`,
  },
];
