import { workplaceDashboardSeries } from './workplace.dashboard.js';
import { workplaceReadSql } from './workplace.read-sql.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { Migration20261201630000_accent_insensitive_search } from './migrations/Migration20261201630000_accent_insensitive_search.js';
import { Workplace } from './workplace.entity.js';
import { workplaceLoaders } from './workplace.loaders.js';
import { OrganisationWorkplacesResolver, WorkplaceResolver } from './workplace.resolver.js';
import { toWorkplaceObject } from './workplace.types.js';
import { Migration20261201801100_workplace_updated_at_index } from './migrations/Migration20261201801100_workplace_updated_at_index.js';

export const workplaceModule = defineModule({
  name: 'workplace',
  dashboardSeries: workplaceDashboardSeries,
  entities: [Workplace],
  migrations: [
    { name: 'Migration20261201630000_accent_insensitive_search', class: Migration20261201630000_accent_insensitive_search },
    { name: 'Migration20261201801100_workplace_updated_at_index', class: Migration20261201801100_workplace_updated_at_index },
  ],
  resolvers: [WorkplaceResolver, OrganisationWorkplacesResolver],
  readSql: workplaceReadSql,
  loaders: workplaceLoaders,
  nodeTypes: [
    {
      typeName: 'Workplace',
      entity: Workplace,
      load: async (ctx, id) => mapNullable(await ctx.loaders.workplace.load(id), toWorkplaceObject),
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Workplace: true;
  }
}
