import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../platform/context.js';
import { argumentEntityId } from '../../platform/graphql/global-id.js';
import { Language } from '../person/person.enums.js';
import { DashboardService } from './dashboard.service.js';
import {
  DashboardObject,
  DashboardScopesObject,
  DashboardSeriesObject,
  toDashboardObject,
  toDashboardScopesObject,
} from './dashboard.types.js';

@Resolver()
export class DashboardResolver {
  @Query(() => DashboardObject, {
    description:
      "Monthly figures (workplaces joined and in total, people reached, managers trained, network members, and what other modules add) for an organisation or the whole county. Administrators and competence coordinators: the county and every organisation; organisation admins: their own; API clients with READ_STATISTICS: their organisation's, or all when county-wide. The same figures as a file: GET /exports/dashboard.xlsx or .csv.",
  })
  async dashboard(
    @Arg('organisationId', () => ID, { nullable: true, description: "The organisation's figures; without it, the whole county's." })
    organisationId: string | null,
    @Arg('from', () => String, { nullable: true, description: 'First month, YYYY-MM; by default eleven months before `to`.' })
    from: string | null,
    @Arg('to', () => String, {
      nullable: true,
      description: 'Last month (included), YYYY-MM; by default this month in Sweden. At most 120 months.',
    })
    to: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<DashboardObject> {
    const id = organisationId ? argumentEntityId(organisationId, 'Organisation', 'organisationId') : null;
    return toDashboardObject(await ctx.service(DashboardService).dashboard(id, from, to));
  }

  @Query(() => DashboardScopesObject, {
    description: 'Whether the caller may open the county dashboard, and which organisations it may open.',
  })
  async dashboardScopes(@Ctx() ctx: RequestContext): Promise<DashboardScopesObject> {
    return toDashboardScopesObject(await ctx.service(DashboardService).scopes());
  }
}

@Resolver(() => DashboardSeriesObject)
export class DashboardSeriesResolver {
  @FieldResolver(() => String, { description: 'What the portal and the exports call the series, in the language asked for.' })
  label(
    @Root() series: DashboardSeriesObject,
    @Arg('language', () => Language, { defaultValue: Language.SV, description: 'Language of the label (Swedish by default).' })
    language: Language,
  ): string {
    return series.provider.label[language];
  }
}
