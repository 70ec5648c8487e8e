/**
 * A module's contribution to the dashboard: one figure per month (and per organisation or the whole county).
 * A module that owns the data declares its series in its manifest (`dashboardSeries`); the dashboard module
 * runs them, so a new series (learning sessions, attested hours) is added without touching the dashboard.
 *
 * A series is one SQL `select` over two relations the dashboard provides:
 *
 * - `dashboard_unit(unit_id text, organisation_id uuid)`: what a figure is counted for. An organisation's
 *   dashboard has one unit (the organisation); the county has one unit holding every organisation, so
 *   "distinct people" is distinct across the county; an export adds one unit per organisation.
 * - `dashboard_month(month date, next_month date, starts timestamptz, ends timestamptz)`: the months asked
 *   for: the first day, the first day of the next month, and the Swedish midnights that begin and end it.
 *
 * It answers rows `(unit_id, month, value)` with `value` an integer; a unit and month without a row counts 0.
 * It takes no bindings: everything it depends on comes from those two relations. One statement per series,
 * whatever the number of organisations or months.
 */
export interface DashboardSeriesProvider {
  /** Stable key, camelCase (`workplacesJoined`); the API and the exports name the series by it. */
  key: string;
  /** What the portal and the exports call it. */
  label: { sv: string; en: string };
  /** What it counts, in English, for the API's description of the series. */
  description: string;
  /** Where it stands among the series (ascending); ties by key. */
  order: number;
  /** The select described above. */
  monthlyCountsSql: string;
}
