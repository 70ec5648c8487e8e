import type { EntityManager } from '@mikro-orm/postgresql';
import type { DashboardSeriesProvider } from '../../platform/dashboard/dashboard-series.js';
import { SWEDISH_TIME_ZONE } from '../../platform/swedish-time.js';

/** What the figures are counted for: one organisation, or the whole county (with a unit per organisation in exports). */
export type DashboardUnits = { kind: 'organisation'; organisationId: string } | { kind: 'county'; perOrganisation: boolean };

/** The unit id of the county's figures. */
export const COUNTY_UNIT = 'county';

export interface MonthlyValue {
  month: string;
  value: number;
}

/** One row of an export: a unit (the county, or an organisation) and a month, with one value per series in their order. */
export interface DashboardExportRow {
  organisationName: string | null;
  organisationNumber: string | null;
  month: string;
  values: number[];
}

const FETCH_SIZE = 500;

/** The two relations every series reads (see `DashboardSeriesProvider`), for months `from`..`to` (YYYY-MM, inclusive). */
function relations(units: DashboardUnits, from: string, to: string): { sql: string; bindings: string[] } {
  // Explicit timestamps: a date would pick the timestamptz variant of generate_series (the session's zone).
  const months = `dashboard_month as (
      select m::date as month, (m + interval '1 month')::date as next_month,
             m at time zone '${SWEDISH_TIME_ZONE}' as starts, (m + interval '1 month') at time zone '${SWEDISH_TIME_ZONE}' as ends
      from generate_series(?::timestamp, ?::timestamp, interval '1 month') as m)`;
  const bindings = [`${from}-01`, `${to}-01`];
  if (units.kind === 'organisation') {
    bindings.push(units.organisationId, units.organisationId);
    return { sql: `${months}, dashboard_unit as (select ?::text as unit_id, ?::uuid as organisation_id)`, bindings };
  }
  const perOrganisation = units.perOrganisation ? ` union all select o.id::text, o.id from organisation o` : '';
  return {
    sql: `${months}, dashboard_unit as (select '${COUNTY_UNIT}'::text as unit_id, o.id as organisation_id from organisation o${perOrganisation})`,
    bindings,
  };
}

/** The dashboard's queries: each series is one statement, and an export one statement read through a cursor. */
export class DashboardRepository {
  constructor(private readonly em: EntityManager) {}

  /** One series' values for a single unit (an organisation, or the county), by month (YYYY-MM); months without a row are absent. */
  async monthlyCounts(series: DashboardSeriesProvider, units: DashboardUnits, from: string, to: string): Promise<MonthlyValue[]> {
    const { sql, bindings } = relations(units, from, to);
    const rows = await this.em.execute<{ month: string; value: number }[]>(
      `with ${sql} select to_char(s.month, 'YYYY-MM') as month, s.value::int as value from (${series.monthlyCountsSql}) s`,
      bindings,
    );
    return rows.map((row) => ({ month: row.month, value: Number(row.value) }));
  }

  /**
   * Every unit and month with every series' value, in one statement, read through a server-side cursor
   * `FETCH_SIZE` rows at a time and handed to `onRows` as they come: the county first, then the organisations by
   * name; months in order. Nothing is held beyond one batch.
   */
  async streamRows(
    series: DashboardSeriesProvider[],
    units: DashboardUnits,
    from: string,
    to: string,
    onRows: (rows: DashboardExportRow[]) => Promise<void>,
  ): Promise<void> {
    const { sql, bindings } = relations(units, from, to);
    const ctes = series.map((provider, index) => `, s${index} as (${provider.monthlyCountsSql})`).join('');
    const columns = series.map((_provider, index) => `, coalesce(s${index}.value, 0)::int as v${index}`).join('');
    const joins = series
      .map((_provider, index) => ` left join s${index} on s${index}.unit_id = u.unit_id and s${index}.month = m.month`)
      .join('');
    const statement = `with ${sql}${ctes},
      units as (select distinct unit_id from dashboard_unit)
      select o.name as organisation_name, o.organisation_number, to_char(m.month, 'YYYY-MM') as month${columns}
      from units u left join organisation o on u.unit_id = o.id::text cross join dashboard_month m${joins}
      order by (u.unit_id = '${COUNTY_UNIT}') desc, o.name, u.unit_id, m.month`;
    const knex = this.em.getKnex();
    await knex.transaction(async (trx) => {
      await trx.raw('set transaction read only');
      await trx.raw(`declare dashboard_export no scroll cursor for ${statement}`, bindings);
      for (;;) {
        const result = await trx.raw<{ rows: Record<string, string | number | null>[] }>(
          `fetch forward ${FETCH_SIZE} from dashboard_export`,
        );
        if (result.rows.length === 0) break;
        await onRows(
          result.rows.map((row) => ({
            organisationName: (row.organisation_name as string | null) ?? null,
            organisationNumber: (row.organisation_number as string | null) ?? null,
            month: String(row.month),
            values: series.map((_provider, index) => Number(row[`v${index}`])),
          })),
        );
        if (result.rows.length < FETCH_SIZE) break;
      }
      await trx.raw('close dashboard_export');
    });
  }
}
