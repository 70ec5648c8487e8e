import { Field, Int, ObjectType } from 'type-graphql';
import { OrganisationObject, toOrganisationObject } from '../organisation/organisation.types.js';
import type { Organisation } from '../organisation/organisation.entity.js';
import type { DashboardSeriesProvider } from '../../platform/dashboard/dashboard-series.js';
import type { DashboardView } from './dashboard.service.js';

@ObjectType('DashboardSeries', { description: 'One figure of the dashboard, month by month, as the module that owns the data counts it.' })
export class DashboardSeriesObject {
  @Field(() => String, { description: 'Stable key of the series, e.g. workplacesJoined; the exports name their columns after its label.' })
  key!: string;

  @Field(() => String, { description: 'What the series counts, in English.' })
  description!: string;

  @Field(() => [Int], { description: "The series' value for each month of `Dashboard.months`, in the same order." })
  values!: number[];

  provider!: DashboardSeriesProvider;
}

@ObjectType('Dashboard', { description: 'Monthly figures for an organisation or the whole county, one series per figure.' })
export class DashboardObject {
  @Field(() => OrganisationObject, { nullable: true, description: 'The organisation the figures are for; null for the whole county.' })
  organisation!: OrganisationObject | null;

  @Field(() => String, { description: 'The first month of the dashboard, YYYY-MM.' })
  from!: string;

  @Field(() => String, { description: 'The last month of the dashboard (included), YYYY-MM.' })
  to!: string;

  @Field(() => [String], { description: 'Every month from `from` to `to` in order, YYYY-MM; each series has one value per month.' })
  months!: string[];

  @Field(() => [DashboardSeriesObject], { description: 'The figures, in the order the portal shows them.' })
  series!: DashboardSeriesObject[];
}

@ObjectType('DashboardScopes', { description: 'Which dashboards the caller may open.' })
export class DashboardScopesObject {
  @Field(() => Boolean, { description: "Whether the caller may open the whole county's dashboard (and every organisation's)." })
  county!: boolean;

  @Field(() => [OrganisationObject], { description: 'The organisations whose dashboard the caller may open, by name.' })
  organisations!: OrganisationObject[];
}

export function toDashboardObject(view: DashboardView): DashboardObject {
  return Object.assign(new DashboardObject(), {
    organisation: view.organisation ? toOrganisationObject(view.organisation) : null,
    from: view.range.from,
    to: view.range.to,
    months: view.range.months,
    series: view.series.map((series) =>
      Object.assign(new DashboardSeriesObject(), {
        key: series.provider.key,
        description: series.provider.description,
        values: series.values,
        provider: series.provider,
      }),
    ),
  });
}

export function toDashboardScopesObject(scopes: { county: boolean; organisations: Organisation[] }): DashboardScopesObject {
  return Object.assign(new DashboardScopesObject(), {
    county: scopes.county,
    organisations: scopes.organisations.map(toOrganisationObject),
  });
}
