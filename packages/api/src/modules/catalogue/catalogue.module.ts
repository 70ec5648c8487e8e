import { mapNullable } from '../../platform/module/map-nullable.js';
import { defineModule } from '../../platform/module/module-definition.js';
import { catalogueLoaders } from './catalogue.loaders.js';
import { LearningModuleResolver, LearningTrackResolver } from './catalogue.resolver.js';
import { toLearningModuleObject, toLearningTrackObject } from './catalogue.types.js';
import { LearningModule } from './learning-module.entity.js';
import { LearningTrack } from './learning-track.entity.js';
import { Migration20261215090000_catalogue } from './migrations/Migration20261215090000_catalogue.js';

export const catalogueModule = defineModule({
  name: 'catalogue',
  entities: [LearningTrack, LearningModule],
  migrations: [{ name: 'Migration20261215090000_catalogue', class: Migration20261215090000_catalogue }],
  resolvers: [LearningTrackResolver, LearningModuleResolver],
  loaders: catalogueLoaders,
  nodeTypes: [
    {
      typeName: 'LearningTrack',
      entity: LearningTrack,
      load: async (ctx, id) => mapNullable(await ctx.loaders.learningTrack.load(id), toLearningTrackObject),
    },
    {
      typeName: 'LearningModule',
      entity: LearningModule,
      load: async (ctx, id) => mapNullable(await ctx.loaders.learningModule.load(id), toLearningModuleObject),
    },
  ],
});

declare module '../../platform/graphql/global-id.js' {
  interface NodeTypes {
    LearningTrack: true;
    LearningModule: true;
  }
}
