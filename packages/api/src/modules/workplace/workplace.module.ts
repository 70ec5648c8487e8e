import { defineModule } from '../../platform/module/module-definition.js';
import { mapNullable } from '../../platform/module/map-nullable.js';
import { Workplace } from './workplace.entity.js';
import { workplaceLoaders } from './workplace.loaders.js';
import { OrganisationWorkplacesResolver, WorkplaceResolver } from './workplace.resolver.js';
import { toWorkplaceObject } from './workplace.types.js';

export const workplaceModule = defineModule({
  name: 'workplace',
  entities: [Workplace],
  resolvers: [WorkplaceResolver, OrganisationWorkplacesResolver],
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
