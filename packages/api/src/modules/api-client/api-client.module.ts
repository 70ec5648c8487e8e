import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { ApiClient } from './api-client.entity.js';
import { apiClientLoaders } from './api-client.loaders.js';
import { apiClientPersonalData } from './api-client.personal-data.js';
import { ApiClientResolver } from './api-client.resolver.js';
import { toApiClientObject } from './api-client.types.js';
import { Migration20261201801400_statistics_scope } from './migrations/Migration20261201801400_statistics_scope.js';

export const apiClientModule = defineModule({
  name: 'api-client',
  entities: [ApiClient],
  migrations: [{ name: 'Migration20261201801400_statistics_scope', class: Migration20261201801400_statistics_scope }],
  resolvers: [ApiClientResolver],
  loaders: apiClientLoaders,
  personalData: apiClientPersonalData,
  nodeTypes: [
    {
      typeName: 'ApiClient',
      entity: ApiClient,
      load: async (ctx, id) => mapNullable(await ctx.loaders.apiClient.load(id), toApiClientObject),
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    ApiClient: true;
  }
}
