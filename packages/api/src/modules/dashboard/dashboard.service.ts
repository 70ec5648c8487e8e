import type { Writable } from 'node:stream';
import type { ServiceContext } from '../../platform/context.js';
import type { DashboardSeriesProvider } from '../../platform/dashboard/dashboard-series.js';
import { RequestError } from '../../platform/errors/request-error.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { writeDashboardExport, type DashboardExportFormat, type DashboardExportLanguage } from './dashboard-export.js';
import { monthRange, type MonthRange } from './dashboard-range.js';
import { DashboardPolicy } from './dashboard.policy.js';
import { DashboardRepository, type DashboardUnits } from './dashboard.repository.js';

export interface DashboardSeriesView {
  provider: DashboardSeriesProvider;
  /** One value per month of the range. */
  values: number[];
}

export interface DashboardView {
  /** Null: the county. */
  organisation: Organisation | null;
  range: MonthRange;
  series: DashboardSeriesView[];
}

export interface DashboardExport {
  fileName: string;
  contentType: string;
  /** Writes the file to `out` as the rows are read, and ends it. */
  write(out: Writable): Promise<void>;
}

/**
 * The dashboard: every module's series (`dashboardSeries` in the manifests) per month, for an organisation or the
 * county, and the same figures as a streamed file. One statement per series, whatever the number of organisations.
 */
export class DashboardService {
  constructor(private readonly ctx: ServiceContext) {}

  private get policy(): DashboardPolicy {
    return DashboardPolicy.of(this.ctx.access);
  }

  /** Whether the caller may open the county's dashboard, and the organisations whose dashboard they may open (by name). */
  async scopes(): Promise<{ county: boolean; organisations: Organisation[] }> {
    const ids = this.policy.organisationIds();
    const organisations = ids === 'all' || ids.length > 0 ? await this.ctx.em.getRepository(Organisation).findAllOrByIdsByName(ids) : [];
    return { county: this.policy.readsCounty(), organisations };
  }

  /** The organisation asked for (null: the county), once the caller may see it. */
  private async scope(organisationId: string | null): Promise<Organisation | null> {
    if (!this.policy.mayRead()) {
      throw new RequestError('FORBIDDEN', 'The dashboard is for administrators, competence coordinators and organisation admins.');
    }
    if (organisationId === null) {
      if (!this.policy.readsCounty()) {
        throw new RequestError('FORBIDDEN', "You may read your organisation's dashboard only: give `organisationId`.", {
          argumentName: 'organisationId',
        });
      }
      return null;
    }
    if (!this.policy.mayReadOrganisation(organisationId)) {
      throw new RequestError('FORBIDDEN', "You may not read this organisation's dashboard.", { argumentName: 'organisationId' });
    }
    const [organisation] = await this.ctx.em.getRepository(Organisation).findAllOrByIdsByName([organisationId]);
    if (!organisation) throw new RequestError('BAD_USER_INPUT', '`organisationId` is no organisation.', { argumentName: 'organisationId' });
    return organisation;
  }

  async dashboard(organisationId: string | null, from: string | null, to: string | null): Promise<DashboardView> {
    const range = monthRange(from, to, this.ctx.today);
    const organisation = await this.scope(organisationId);
    const units: DashboardUnits = organisation
      ? { kind: 'organisation', organisationId: organisation.id }
      : { kind: 'county', perOrganisation: false };
    const repository = new DashboardRepository(this.ctx.em);
    const series: DashboardSeriesView[] = [];
    for (const provider of this.ctx.registry.dashboardSeries) {
      const byMonth = new Map((await repository.monthlyCounts(provider, units, range.from, range.to)).map((row) => [row.month, row.value]));
      series.push({ provider, values: range.months.map((month) => byMonth.get(month) ?? 0) });
    }
    return { organisation, range, series };
  }

  /**
   * The dashboard as a file: one row per month for the organisation, or for the county followed by every
   * organisation. Access and arguments are checked here, before anything is written.
   */
  async export(
    organisationId: string | null,
    from: string | null,
    to: string | null,
    format: DashboardExportFormat,
    language: DashboardExportLanguage,
  ): Promise<DashboardExport> {
    const range = monthRange(from, to, this.ctx.today);
    const organisation = await this.scope(organisationId);
    const units: DashboardUnits = organisation
      ? { kind: 'organisation', organisationId: organisation.id }
      : { kind: 'county', perOrganisation: true };
    const series = this.ctx.registry.dashboardSeries;
    const repository = new DashboardRepository(this.ctx.em);
    const scopeName = organisation ? organisation.organisationNumber : language === 'sv' ? 'lanet' : 'county';
    const base = `${language === 'sv' ? 'instrumentpanel' : 'dashboard'}-${scopeName}-${range.from}-${range.to}`;
    return {
      fileName: `${base}.${format === 'xlsx' ? 'xlsx' : 'csv'}`,
      contentType: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      write: (out) =>
        writeDashboardExport(out, format, language, series, (onRows) => repository.streamRows(series, units, range.from, range.to, onRows)),
    };
  }
}
