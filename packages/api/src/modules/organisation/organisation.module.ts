import { mapNullable } from '../../platform/module/map-nullable.js';
import { organisationReadSql } from './organisation.read-sql.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { Migration20261201620000_accent_insensitive_search } from './migrations/Migration20261201620000_accent_insensitive_search.js';
import { Organisation, OrganisationPopulation } from './organisation.entity.js';
import { organisationLoaders } from './organisation.loaders.js';
import { OrganisationResolver } from './organisation.resolver.js';
import { toOrganisationObject } from './organisation.types.js';
import { Migration20261201801000_organisation_updated_at_index } from './migrations/Migration20261201801000_organisation_updated_at_index.js';

export const organisationModule = defineModule({
  name: 'organisation',
  entities: [Organisation, OrganisationPopulation],
  migrations: [
    { name: 'Migration20261201620000_accent_insensitive_search', class: Migration20261201620000_accent_insensitive_search },
    { name: 'Migration20261201801000_organisation_updated_at_index', class: Migration20261201801000_organisation_updated_at_index },
  ],
  resolvers: [OrganisationResolver],
  readSql: organisationReadSql,
  loaders: organisationLoaders,
  nodeTypes: [
    {
      typeName: 'Organisation',
      entity: Organisation,
      load: async (ctx, id) => mapNullable(await ctx.loaders.organisation.load(id), toOrganisationObject),
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    Organisation: true;
  }
}
